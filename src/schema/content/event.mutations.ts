import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { createEvent, updateEvent } from './event.service.js';
import { Event } from './event.type.js';

const CreateEventInput = builder.inputType('CreateEventInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    slug: t.string({ description: 'Made from the title when absent' }),
    summary: t.string(),
    body: t.string({ description: 'Markdown' }),
    locale: t.string({ description: 'One of CONTENT_LOCALES; default DEFAULT_LOCALE' }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', description: 'After startsAt' }),
    timezone: t.string({ description: 'IANA time zone of the venue; default UTC' }),
    venue: t.string(),
    onlineUrl: t.string({ description: 'An http(s) URL' }),
    registrationUrl: t.string({ description: 'An http(s) URL' }),
    capacity: t.int(),
    projectId: t.id(),
    editorialNotes: t.string(),
    translationOf: t.id({ description: 'An event this one translates (joins its translation group)' }),
  }),
});

const UpdateEventInput = builder.inputType('UpdateEventInput', {
  fields: (t) => ({
    title: t.string(),
    slug: t.string(),
    summary: t.string(),
    body: t.string(),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime' }),
    timezone: t.string(),
    venue: t.string(),
    onlineUrl: t.string(),
    registrationUrl: t.string(),
    capacity: t.int(),
    projectId: t.id({ description: 'null unlinks the project' }),
    editorialNotes: t.string(),
  }),
});

const projectIdOf = (value: string | number | null | undefined) =>
  value === undefined ? undefined : value ? decodeGlobalIdOf(value, 'Project', 'projectId') : null;

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    type: Event,
    authScopes: { permission: 'content:create' },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createEvent(callerOf(ctx), {
        ...input,
        projectId: projectIdOf(input.projectId) ?? null,
        translationOf: input.translationOf ? decodeGlobalIdOf(input.translationOf, 'Event', 'translationOf') : null,
      });
      return prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateEvent: t.prismaField({
    type: Event,
    authScopes: { $any: { permission: 'content:update_own', $all: { permission: 'content:update' } } },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateEventInput, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateEvent(
        callerOf(ctx),
        decodeGlobalIdOf(args.id, 'Event', 'id'),
        { ...args.input, projectId: projectIdOf(args.input.projectId) },
        args.expectedVersion,
      );
      return prisma.event.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
