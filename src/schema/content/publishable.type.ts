/**
 * The Publishable interface (Post, Page, Project, Event), the ContentStatus enum, revisions, and
 * the workflow mutations that take any Publishable id.
 */
import { brandWithType } from '@pothos/core';
import { decodeGlobalID, resolveArrayConnection } from '@pothos/plugin-relay';
import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { ValidationError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { pageSize } from '../pagination.js';
import { User } from '../users/users.type.js';
import {
  delegateOf,
  isPublishableType,
  type PublishableRow,
  type PublishableType,
  restoreRevision,
  setTrashed,
  transition,
} from './publishable.service.js';

export const ContentStatusEnum = builder.enumType('ContentStatus', {
  values: ['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const,
});

export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

/** Fields each Publishable type edits; restoreRevision copies these from a snapshot. */
export const EDITABLE_FIELDS: Record<PublishableType, readonly string[]> = {
  Post: ['title', 'slug', 'excerpt', 'body', 'coverImageId', 'editorialNotes'],
  // Not slug: a page's path (and its descendants') derive from it; rename with updatePage.
  Page: ['title', 'body', 'position', 'editorialNotes'],
  Project: [
    'title',
    'slug',
    'summary',
    'body',
    'phase',
    'startDate',
    'endDate',
    'location',
    'countries',
    'sdgs',
    'fundingGoal',
    'fundsRaised',
    'currency',
    'beneficiaries',
    'coverImageId',
    'editorialNotes',
  ],
  Event: [
    'title',
    'slug',
    'summary',
    'body',
    'startsAt',
    'endsAt',
    'timezone',
    'venue',
    'onlineUrl',
    'registrationUrl',
    'capacity',
    'editorialNotes',
  ],
};

export const Publishable = builder.interfaceRef<PublishableRow>('Publishable').implement({
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    slug: t.string({ resolve: (row) => row.slug }),
    locale: t.string({ resolve: (row) => row.locale }),
    title: t.string({ resolve: (row) => row.title }),
    status: t.field({ type: ContentStatusEnum, resolve: (row) => row.status }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.publishedAt }),
    scheduledFor: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.scheduledFor }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.createdAt as Date }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updatedAt as Date }),
    version: t.int({ description: 'Pass it as expectedVersion when updating', resolve: (row) => row.version }),
    translationOutdated: t.boolean({
      description: 'The default-locale version changed after this translation was last edited',
      resolve: (row) => row.translationOutdated as boolean,
    }),
    // Each type overrides these two with its own joined relation; these resolvers only serve
    // clients that select them through the interface on an unbranded row.
    author: t.field({
      type: User,
      nullable: true,
      resolve: async (row) => (row.authorId ? await prisma.user.findUnique({ where: { id: row.authorId } }) : null),
    }),
    // History holds drafts' text: staff only. Each type resolves it with its own joined query;
    // this one serves the interface's declaration (the type comes from the parent's GraphQL type).
    revisions: t.connection(
      {
        type: Revision,
        nullable: true,
        authScopes: { permission: 'content:read_drafts' },
        resolve: async (row, args, _ctx, info) =>
          resolveArrayConnection(
            { args },
            await prisma.revision.findMany({
              where: { contentType: info.parentType.name, contentId: row.id },
              orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
              take: 100,
            }),
          ),
      },
      RevisionConnection,
    ),
    // Internal remarks between editors: staff only.
    editorialNotes: t.string({
      nullable: true,
      authScopes: { permission: 'content:read_drafts' },
      resolve: (row) => row.editorialNotes as string,
    }),
  }),
});

export const Revision = builder.prismaNode('Revision', {
  id: { field: 'id' },
  nullable: true,
  // History holds drafts' content: staff only.
  authScopes: { permission: 'content:read_drafts' },
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The version the item had before this change' }),
    action: t.exposeString('action'),
    changedFields: t.exposeStringList('changedFields'),
    snapshot: t.expose('snapshot', { type: 'JSON', description: 'The item as it was before the change' }),
    author: t.relation('author', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

/** One connection type for every Publishable's history (so the interface can declare it). */
export const RevisionConnection = builder.connectionObject(
  {
    type: Revision,
    name: 'RevisionConnection',
    fields: (t) => ({
      // prisma connections carry their count as a function, run only when selected.
      totalCount: t.int({
        resolve: async (connection) =>
          (await (connection as { totalCount?: () => Promise<number> }).totalCount?.()) ?? 0,
      }),
    }),
  },
  { name: 'RevisionEdge' },
);

/** The options of each Publishable type's `revisions` connection (staff only, newest first). */
export function revisionsOf(type: PublishableType) {
  const where = (row: { id: string }) => ({ contentType: type, contentId: row.id });
  return {
    type: 'Revision' as const,
    cursor: 'id' as const,
    ...pageSize,
    authScopes: { permission: 'content:read_drafts' as const },
    nullable: true as const,
    totalCount: (row: { id: string }) => prisma.revision.count({ where: where(row) }),
    resolve: (query: Prisma.RevisionFindManyArgs, row: { id: string }) =>
      prisma.revision.findMany({ ...query, where: where(row), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  };
}

/** Decodes a global id that must name a Publishable type. */
export function decodePublishableId(globalId: string, field = 'id'): { type: PublishableType; id: string } {
  try {
    const { typename } = decodeGlobalID(globalId);
    if (isPublishableType(typename)) return { type: typename, id: decodeGlobalIdOf(globalId, typename, field) };
  } catch {
    // fall through
  }
  throw new ValidationError({ [field]: 'is not the id of a post, page, project or event' });
}

/** Loads an item after a change and brands it so the interface resolves its type. */
export async function loadBranded(type: PublishableType, id: string) {
  const row = await delegateOf(prisma, type).findUnique({ where: { id } });
  if (!row) throw new ValidationError({ id: 'no longer exists' });
  brandWithType(row, type as never);
  return row;
}

builder.mutationFields((t) => ({
  submitForReview: t.field({
    type: Publishable,
    description: 'DRAFT -> IN_REVIEW (the author of a draft, or an editor)',
    authScopes: { $any: { permission: 'content:update_own', $all: { permission: 'content:update' } } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { type, id } = decodePublishableId(String(args.id));
      await transition(callerOf(ctx), type, id, 'submitForReview');
      return loadBranded(type, id);
    },
  }),
  publish: t.field({
    type: Publishable,
    description: 'Publishes now, or at `at` (a future time schedules it: SCHEDULED until then)',
    authScopes: { permission: 'content:publish' },
    args: { id: t.arg.id({ required: true }), at: t.arg({ type: 'DateTime' }) },
    resolve: async (_root, args, ctx) => {
      const { type, id } = decodePublishableId(String(args.id));
      await transition(callerOf(ctx), type, id, 'publish', args.at);
      return loadBranded(type, id);
    },
  }),
  unpublish: t.field({
    type: Publishable,
    description: 'Back to DRAFT (from PUBLISHED, SCHEDULED, IN_REVIEW or ARCHIVED)',
    authScopes: { permission: 'content:publish' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { type, id } = decodePublishableId(String(args.id));
      await transition(callerOf(ctx), type, id, 'unpublish');
      return loadBranded(type, id);
    },
  }),
  archive: t.field({
    type: Publishable,
    description: 'PUBLISHED -> ARCHIVED (no longer public)',
    authScopes: { permission: 'content:archive' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { type, id } = decodePublishableId(String(args.id));
      await transition(callerOf(ctx), type, id, 'archive');
      return loadBranded(type, id);
    },
  }),
  deleteContent: t.field({
    type: Publishable,
    description: 'Moves the item to the trash (hidden everywhere; purged after TRASH_RETENTION_DAYS)',
    authScopes: { permission: 'content:delete' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { type, id } = decodePublishableId(String(args.id));
      await setTrashed(callerOf(ctx), type, id, true);
      return loadBranded(type, id);
    },
  }),
  restoreContent: t.field({
    type: Publishable,
    description: 'Brings an item back from the trash',
    authScopes: { permission: 'content:delete' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { type, id } = decodePublishableId(String(args.id));
      await setTrashed(callerOf(ctx), type, id, false);
      return loadBranded(type, id);
    },
  }),
  restoreRevision: t.field({
    type: Publishable,
    description: "Copies a revision's fields onto the item as a new version (history is kept)",
    authScopes: { permission: 'content:update' },
    args: { revisionId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const revisionId = decodeGlobalIdOf(String(args.revisionId), 'Revision', 'revisionId');
      const { type, id } = await restoreRevision(callerOf(ctx), revisionId, EDITABLE_FIELDS);
      return loadBranded(type, id);
    },
  }),
}));
