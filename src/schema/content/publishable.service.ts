/**
 * What Post, Page, Project and Event share: optimistic versioning, revisions, the workflow
 * (DRAFT -> IN_REVIEW -> PUBLISHED -> ARCHIVED, unpublish back to DRAFT, SCHEDULED for a future
 * publish), the trash, translation flags and the ContentChange outbox. Every change and its
 * revision and outbox rows are written in one transaction. Knows no GraphQL.
 */
import { recordAudit } from '../../auth/audit.js';
import { authorIdOfViewer, canSeeContent } from '../../auth/rules.js';
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { contentChanged } from './content-query.js';

export const PUBLISHABLE_TYPES = ['Post', 'Page', 'Project', 'Event'] as const;
export type PublishableType = (typeof PUBLISHABLE_TYPES)[number];
export type ContentStatus = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';

export function isPublishableType(name: string): name is PublishableType {
  return (PUBLISHABLE_TYPES as readonly string[]).includes(name);
}

type Tx = Prisma.TransactionClient;

/** The delegate operations the shared code needs, over any of the four models. */
interface Delegate {
  findUnique(args: { where: { id: string }; select?: unknown }): Promise<PublishableRow | null>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<PublishableRow>;
  findMany(args: Record<string, unknown>): Promise<PublishableRow[]>;
  deleteMany(args: { where: Record<string, unknown> }): Promise<{ count: number }>;
}

export interface PublishableRow {
  id: string;
  slug: string;
  locale: string;
  title: string;
  status: ContentStatus;
  version: number;
  authorId: string | null;
  translationGroupId: string;
  deletedAt: Date | null;
  publishedAt: Date | null;
  scheduledFor: Date | null;
  [field: string]: unknown;
}

export function delegateOf(db: Tx, type: PublishableType): Delegate {
  const map = { Post: db.post, Page: db.page, Project: db.project, Event: db.event };
  return map[type] as unknown as Delegate;
}

/** Loads an item the caller may see, or throws NOT_FOUND (hidden rows are never FORBIDDEN). */
export async function loadVisible(caller: Caller, type: PublishableType, id: string): Promise<PublishableRow> {
  const row = await delegateOf(prisma, type).findUnique({ where: { id } });
  if (!row || !canSeeContent(caller, row)) throw new NotFoundError(type);
  return row;
}

/**
 * The translation group a new item joins as a translation of `translationOf`: that item must be
 * visible to the caller (a hidden one reads as missing, so its locales cannot be probed), and
 * the group must not have the locale yet (CONFLICT).
 */
export async function joinTranslationGroup(
  caller: Caller,
  type: PublishableType,
  translationOf: string | null | undefined,
  locale: string,
): Promise<string | undefined> {
  if (!translationOf) return undefined;
  const source = await delegateOf(prisma, type).findUnique({ where: { id: translationOf } });
  if (!source || !canSeeContent(caller, source)) {
    throw new ValidationError({ translationOf: `names a missing ${type.toLowerCase()}` });
  }
  const clash = await delegateOf(prisma, type).findMany({
    where: { translationGroupId: source.translationGroupId, locale },
    select: { id: true },
    take: 1,
  });
  if (clash.length > 0) {
    throw new ConflictError(`This ${type.toLowerCase()} already has a ${locale} version.`, {
      fields: { locale: 'exists' },
    });
  }
  return source.translationGroupId;
}

/** Editing: `content:update`, or the author's own draft with `content:update_own`. */
export function assertCanEdit(caller: Caller, row: PublishableRow): void {
  if (caller.permissions.has('content:update')) return;
  const authorId = authorIdOfViewer(caller.viewer);
  const own = authorId !== null && row.authorId === authorId;
  if (own && caller.permissions.has('content:update_own')) {
    if (row.status === 'DRAFT') return;
    throw new ForbiddenError(`Authors may edit their own drafts only; this item is ${row.status}.`);
  }
  throw new ForbiddenError();
}

function snapshotOf(row: PublishableRow): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue;
}

/** Comparable form of a column value (Dates and Decimals by value). */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && 'toFixed' in value) return String(value);
  return value;
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

/** Writes the revision (the state before) and, when public state changes, the outbox row. */
async function recordChange(
  tx: Tx,
  caller: Caller,
  type: PublishableType,
  before: PublishableRow,
  after: { slug: string; locale: string },
  action: string,
  changedFields: string[],
  outbox: 'PUBLISHED' | 'UPDATED' | 'UNPUBLISHED' | 'DELETED' | null,
): Promise<void> {
  await tx.revision.create({
    data: {
      contentType: type,
      contentId: before.id,
      version: before.version,
      snapshot: snapshotOf(before),
      changedFields,
      action,
      authorId: caller.viewer.kind === 'user' ? caller.viewer.userId : null,
    },
  });
  if (outbox) {
    await tx.contentChange.create({
      data: { contentType: type, contentId: before.id, kind: outbox, slug: after.slug, locale: after.locale },
    });
  }
}

function conflictOnSlug(error: unknown, slug: string, locale: string): never {
  if ((error as { code?: string })?.code === 'P2002') {
    throw new ConflictError(`The slug "${slug}" is already used in locale ${locale}.`, {
      fields: { slug: 'is taken' },
    });
  }
  throw error;
}

/**
 * Updates scalar fields (and relation writes in `relations`) if `expectedVersion` is current:
 * a stale version is CONFLICT carrying the current one. Of concurrent updates with the same
 * version exactly one wins (the version check and the write are one statement).
 */
export async function updateContent(
  caller: Caller,
  type: PublishableType,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  relations: Record<string, unknown> = {},
): Promise<string> {
  const before = await loadVisible(caller, type, id);
  // Checked against the state the client saw, not only at the write: the revision, the edit
  // rights and cross-field rules all judge `before`.
  if (before.version !== expectedVersion) {
    throw new StaleVersionError(before.version, expectedVersion);
  }
  assertCanEdit(caller, before);
  const changedFields = Object.keys(changes).filter((k) => !equal(before[k], changes[k]));
  changedFields.push(...Object.keys(relations));
  if (changedFields.length === 0) return id; // nothing to change: no new version, no revision
  const contentChanged = changedFields.some((f) => f !== 'editorialNotes');
  const slug = (changes.slug as string | undefined) ?? before.slug;
  try {
    await prisma.$transaction(async (tx) => {
      const delegate = delegateOf(tx, type);
      const won = await delegate.updateMany({
        where: { id, version: expectedVersion, deletedAt: null },
        data: { ...changes, ...(contentChanged ? { translationOutdated: false } : {}), version: { increment: 1 } },
      });
      if (won.count === 0) {
        const current = await delegate.findUnique({ where: { id } });
        if (!current) throw new NotFoundError(type);
        throw new StaleVersionError(current.version, expectedVersion);
      }
      if (Object.keys(relations).length > 0) await delegate.update({ where: { id }, data: relations });
      await recordChange(
        tx,
        caller,
        type,
        before,
        { slug, locale: before.locale },
        'update',
        changedFields,
        before.status === 'PUBLISHED' && contentChanged ? 'UPDATED' : null,
      );
      // A change to the default-locale item makes its translations outdated.
      if (before.locale === config.content.defaultLocale && contentChanged) {
        await delegate.updateMany({
          where: { translationGroupId: before.translationGroupId, id: { not: id } },
          data: { translationOutdated: true },
        });
      }
    });
  } catch (error) {
    conflictOnSlug(error, slug, before.locale);
  }
  return id;
}

type Transition = 'submitForReview' | 'publish' | 'unpublish' | 'archive';

const FROM: Record<Transition, ContentStatus[]> = {
  submitForReview: ['DRAFT'],
  publish: ['DRAFT', 'IN_REVIEW', 'SCHEDULED'],
  unpublish: ['PUBLISHED', 'SCHEDULED', 'ARCHIVED', 'IN_REVIEW'],
  archive: ['PUBLISHED'],
};

/** Runs a workflow step; an illegal one is BAD_USER_INPUT naming the states. */
export async function transition(
  caller: Caller,
  type: PublishableType,
  id: string,
  step: Transition,
  at?: Date | null,
): Promise<string> {
  const before = await loadVisible(caller, type, id);
  if (step === 'submitForReview') assertCanEdit(caller, before);
  else if (step === 'archive' && !caller.permissions.has('content:archive')) throw new ForbiddenError();
  else if ((step === 'publish' || step === 'unpublish') && !caller.permissions.has('content:publish')) {
    throw new ForbiddenError();
  }
  if (!FROM[step].includes(before.status)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Cannot ${step} an item that is ${before.status}; allowed from ${FROM[step].join(', ')}.`,
      { fields: { id: `is ${before.status}` }, status: before.status },
    );
  }
  if (type === 'Page') await assertPageTreeStaysPublic(id, before, step);
  const now = new Date();
  let data: Record<string, unknown>;
  let outbox: 'PUBLISHED' | 'UNPUBLISHED' | null = null;
  if (step === 'submitForReview') data = { status: 'IN_REVIEW' };
  else if (step === 'publish') {
    if (at && at.getTime() > now.getTime() + 1000) data = { status: 'SCHEDULED', scheduledFor: at };
    else {
      data = { status: 'PUBLISHED', publishedAt: at ?? now, scheduledFor: null };
      outbox = 'PUBLISHED';
    }
  } else if (step === 'unpublish') {
    data = { status: 'DRAFT', scheduledFor: null };
    if (before.status === 'PUBLISHED') outbox = 'UNPUBLISHED';
  } else {
    data = { status: 'ARCHIVED' };
    outbox = 'UNPUBLISHED';
  }
  await prisma.$transaction(async (tx) => {
    const won = await delegateOf(tx, type).updateMany({
      where: { id, version: before.version, status: before.status, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (won.count === 0) throw new ConflictError('This item was changed meanwhile; reload it and try again.');
    await recordChange(tx, caller, type, before, before, step, ['status'], outbox);
    await recordAudit(
      caller.meta,
      {
        action: `content.${step}`,
        actor: caller.viewer,
        targetType: type,
        targetId: id,
        details: { from: before.status, to: data.status as string },
      },
      tx,
    );
  });
  return id;
}

/**
 * A page's path carries its ancestors' slugs, so the public tree must stay whole: a page goes live
 * only under a published parent, and a published page leaves (unpublish, archive, trash) only
 * once its published children have.
 */
async function assertPageTreeStaysPublic(
  id: string,
  before: PublishableRow,
  step: Transition | 'trash',
): Promise<void> {
  if (step === 'publish' && before.parentId) {
    const parent = await prisma.page.findUnique({
      where: { id: before.parentId as string },
      select: { status: true, deletedAt: true },
    });
    if (parent?.status !== 'PUBLISHED' || parent.deletedAt) {
      throw new AppError('BAD_USER_INPUT', 'Publish the parent page first.', {
        fields: { id: 'has an unpublished parent page' },
      });
    }
  }
  if ((step === 'unpublish' || step === 'archive' || step === 'trash') && before.status === 'PUBLISHED') {
    const live = await prisma.page.count({ where: { parentId: id, status: 'PUBLISHED', deletedAt: null } });
    if (live > 0) {
      throw new ConflictError(`This page has ${live} published child page(s): take them down first.`, {
        publishedChildren: live,
      });
    }
  }
}

/** Moves to the trash (hidden everywhere) or back. */
export async function setTrashed(caller: Caller, type: PublishableType, id: string, trashed: boolean): Promise<string> {
  if (!caller.permissions.has('content:delete')) throw new ForbiddenError();
  const before = await delegateOf(prisma, type).findUnique({ where: { id } });
  if (!before || (trashed ? before.deletedAt !== null : before.deletedAt === null)) {
    throw new NotFoundError(trashed ? type : `${type} in the trash`);
  }
  if (type === 'Page' && trashed) await assertPageTreeStaysPublic(id, before, 'trash');
  await prisma.$transaction(async (tx) => {
    // Conditional, like every state change: of concurrent deletes (or restores) one wins.
    const won = await delegateOf(tx, type).updateMany({
      where: { id, version: before.version, deletedAt: trashed ? null : { not: null } },
      data: { deletedAt: trashed ? new Date() : null, version: { increment: 1 } },
    });
    if (won.count === 0) throw new NotFoundError(trashed ? type : `${type} in the trash`);
    const outbox = before.status === 'PUBLISHED' ? (trashed ? 'DELETED' : 'PUBLISHED') : null;
    await recordChange(tx, caller, type, before, before, trashed ? 'delete' : 'restore', ['deletedAt'], outbox);
    await recordAudit(
      caller.meta,
      { action: trashed ? 'content.delete' : 'content.restore', actor: caller.viewer, targetType: type, targetId: id },
      tx,
    );
  });
  return id;
}

/** Restores the fields of a revision as a new update (history is never rewritten). */
export async function restoreRevision(
  caller: Caller,
  revisionId: string,
  editable: Record<PublishableType, readonly string[]>,
) {
  if (!caller.permissions.has('content:update')) throw new ForbiddenError();
  const revision = await prisma.revision.findUnique({ where: { id: revisionId } });
  if (!revision || !isPublishableType(revision.contentType)) throw new NotFoundError('Revision');
  const type = revision.contentType;
  const current = await loadVisible(caller, type, revision.contentId);
  const snapshot = revision.snapshot as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const field of editable[type]) {
    if (field in snapshot) changes[field] = reviveDate(snapshot[field]);
  }
  await updateContent(caller, type, current.id, current.version, changes);
  return { type, id: current.id };
}

function reviveDate(value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)
    ? new Date(value)
    : value;
}

/**
 * Publishes every SCHEDULED item that is due. Each item is claimed by one conditional UPDATE,
 * so two server processes never publish the same item twice. Returns how many went live.
 */
export async function publishDueItems(now = new Date()): Promise<number> {
  let published = 0;
  for (const type of PUBLISHABLE_TYPES) {
    const due = await delegateOf(prisma, type).findMany({
      where: {
        status: 'SCHEDULED',
        scheduledFor: { lte: now },
        deletedAt: null,
        // A scheduled page waits for its parent to be live (see assertPageTreeStaysPublic).
        ...(type === 'Page' ? { OR: [{ parentId: null }, { parent: { status: 'PUBLISHED', deletedAt: null } }] } : {}),
      },
      take: 500,
    });
    for (const row of due) {
      await prisma.$transaction(async (tx) => {
        const claimed = await delegateOf(tx, type).updateMany({
          where: { id: row.id, status: 'SCHEDULED', version: row.version },
          data: {
            status: 'PUBLISHED',
            publishedAt: row.scheduledFor ?? now,
            scheduledFor: null,
            version: { increment: 1 },
          },
        });
        if (claimed.count === 0) return; // another process got it
        await tx.revision.create({
          data: {
            contentType: type,
            contentId: row.id,
            version: row.version,
            snapshot: snapshotOf(row),
            changedFields: ['status'],
            action: 'scheduled_publish',
          },
        });
        await tx.contentChange.create({
          data: { contentType: type, contentId: row.id, kind: 'PUBLISHED', slug: row.slug, locale: row.locale },
        });
        published += 1;
      });
    }
  }
  if (published > 0) contentChanged(); // cached list counts (content-query.ts)
  return published;
}

/** Removes items that have been in the trash longer than the retention. */
export async function purgeTrash(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - config.content.trashRetentionDays * 86_400_000);
  let purged = 0;
  for (const type of PUBLISHABLE_TYPES) {
    // Children keep their parent's row alive (onDelete: Restrict): pages go leaves first.
    const where =
      type === 'Page' ? { deletedAt: { lt: cutoff }, children: { none: {} } } : { deletedAt: { lt: cutoff } };
    const doomed = (await delegateOf(prisma, type).findMany({ where, select: { id: true }, take: 1000 })).map(
      (r) => r.id,
    );
    if (doomed.length === 0) continue;
    // Gone for good: the item and its history (revisions hold full copies of its text).
    await prisma.$transaction(async (tx) => {
      await tx.revision.deleteMany({ where: { contentType: type, contentId: { in: doomed } } });
      const { count } = await delegateOf(tx, type).deleteMany({ where: { id: { in: doomed } } });
      purged += count;
    });
  }
  if (purged > 0) contentChanged();
  return purged;
}
