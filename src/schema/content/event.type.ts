import { contentVisibility } from '../../auth/rules.js';
import { prisma } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { pageSize } from '../pagination.js';
import {
  assertCursorInList,
  cachedCount,
  checkLocale,
  findInLocale,
  orderByOf,
  readableWhere,
  searchWhere,
  trashWhere,
} from './content-query.js';
import { renderMarkdown } from './markdown.js';
import { ContentStatusEnum, Publishable, RevisionConnection, revisionsOf, SortDirection } from './publishable.type.js';
import { translationsOf } from './translations.js';

export const Event = builder.prismaNode('Event', {
  id: { field: 'id' },
  nullable: true,
  interfaces: [Publishable],
  // node(id) applies the same row visibility as the lists.
  findUnique: (id, ctx) => ({ id, ...contentVisibility(ctx) }),
  fields: (t) => ({
    summary: t.exposeString('summary'),
    body: t.exposeString('body', { description: 'Markdown, as written' }),
    bodyHtml: t.string({
      description: 'body rendered to sanitized HTML (no scripts, event handlers or javascript: URLs)',
      select: { body: true },
      resolve: (event) => renderMarkdown(event.body),
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone of the venue, e.g. Europe/Berlin' }),
    venue: t.exposeString('venue'),
    onlineUrl: t.exposeString('onlineUrl', { nullable: true }),
    registrationUrl: t.exposeString('registrationUrl', { nullable: true }),
    capacity: t.exposeInt('capacity', { nullable: true }),
    // A project the caller may not see reads as null (the filter is part of the same query).
    project: t.relation('project', { nullable: true, query: (_args, ctx) => ({ where: readableWhere(ctx) }) }),
    author: t.relation('author', { nullable: true }),
    translations: t.prismaField({
      type: ['Event'],
      description: "The other locales' versions of this event that the caller may see",
      resolve: (query, event, _args, ctx) => translationsOf(ctx, 'Event', query, event),
    }),
    revisions: t.prismaConnection(revisionsOf('Event'), RevisionConnection),
  }),
});

export const EventWhere = builder.inputType('EventWhere', {
  fields: (t) => ({
    inTrash: t.boolean({ description: 'List the trash instead (content:delete): what restoreContent can bring back' }),
    status: t.field({ type: ContentStatusEnum, description: 'Only with preview: the public sees PUBLISHED only' }),
    upcoming: t.boolean({ description: 'true: starting now or later; false: started in the past' }),
    startsAfter: t.field({ type: 'DateTime', description: 'startsAt at or after this time' }),
    startsBefore: t.field({ type: 'DateTime', description: 'startsAt before this time' }),
    projectId: t.id(),
    translationOutdated: t.boolean(),
  }),
});

export const EventOrderBy = builder.inputType('EventOrderBy', {
  description: 'One field per item; items apply in order',
  fields: (t) => ({
    startsAt: t.field({ type: SortDirection }),
    publishedAt: t.field({ type: SortDirection }),
    createdAt: t.field({ type: SortDirection }),
    updatedAt: t.field({ type: SortDirection }),
    title: t.field({ type: SortDirection }),
  }),
});

function eventWhere(
  ctx: Parameters<typeof readableWhere>[0],
  args: {
    where?: typeof EventWhere.$inferInput | null;
    search?: string | null;
    locale?: string | null;
    preview?: boolean | null;
  },
): Prisma.EventWhereInput {
  checkLocale(args.locale);
  const w = args.where;
  const now = new Date();
  return {
    AND: [
      w?.inTrash ? trashWhere(ctx) : readableWhere(ctx, args.preview),
      args.locale ? { locale: args.locale } : {},
      w?.status ? { status: w.status } : {},
      w?.upcoming === true ? { startsAt: { gte: now } } : {},
      w?.upcoming === false ? { startsAt: { lt: now } } : {},
      w?.startsAfter ? { startsAt: { gte: w.startsAfter } } : {},
      w?.startsBefore ? { startsAt: { lt: w.startsBefore } } : {},
      w?.projectId ? { projectId: decodeGlobalIdOf(w.projectId, 'Project', 'where.projectId') } : {},
      w?.translationOutdated != null ? { translationOutdated: w.translationOutdated } : {},
      searchWhere(args.search, ['title', 'summary', 'body', 'venue']),
    ],
  };
}

builder.queryFields((t) => ({
  events: t.prismaConnection(
    {
      type: Event,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      args: {
        where: t.arg({ type: EventWhere }),
        orderBy: t.arg({ type: [EventOrderBy], description: 'Default: startsAt ascending' }),
        search: t.arg.string(),
        locale: t.arg.string(),
        preview: t.arg.boolean({ description: 'Include what the caller may see beyond published content' }),
      },
      totalCount: (_parent, args, ctx) => {
        const where = eventWhere(ctx, args);
        return cachedCount('event', where, () => prisma.event.count({ where }));
      },
      resolve: async (query, _root, args, ctx) => {
        const where = eventWhere(ctx, args);
        await assertCursorInList(query, where, (w) => prisma.event.count({ where: w }));
        return prisma.event.findMany({ ...query, where, orderBy: orderByOf(args.orderBy, { startsAt: 'ASC' }) });
      },
    },
    { name: 'EventConnection' },
    { name: 'EventEdge' },
  ),
  event: t.prismaField({
    type: Event,
    nullable: true,
    authScopes: { permission: 'content:read' },
    description: 'By id, or by slug and locale. Null when missing or not visible.',
    args: {
      id: t.arg.id(),
      slug: t.arg.string(),
      locale: t.arg.string(),
      preview: t.arg.boolean(),
      fallbackToDefaultLocale: t.arg.boolean({
        description: 'When no version exists in `locale`, return the default locale’s',
        defaultValue: false,
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      checkLocale(args.locale);
      const visible = readableWhere(ctx, args.preview);
      if (args.id) {
        return prisma.event.findFirst({
          ...query,
          where: { id: decodeGlobalIdOf(args.id, 'Event', 'id'), ...visible },
        });
      }
      const slug = args.slug;
      if (!slug) return null;
      return findInLocale(args.locale, args.fallbackToDefaultLocale, (locale) =>
        prisma.event.findFirst({ ...query, where: { slug, locale, ...visible } }),
      );
    },
  }),
}));
