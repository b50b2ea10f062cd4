/**
 * Creating, editing and deleting categories and tags. Slugs are unique per locale (made from the
 * name when absent); every change and its audit event are written in one transaction. Deleting
 * an item in use detaches it from its posts and projects (the implicit many-to-many join rows
 * cascade with it); the content itself stays. Knows no GraphQL.
 */
import { recordAudit } from '../../auth/audit.js';
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { FieldErrors, insertWithSlug, slugOf } from '../content/content-input.js';
import { versionedUpdate } from '../versioning.js';

export type TaxonomyKind = 'Category' | 'Tag';

export interface TaxonomyFields {
  name?: string | null;
  slug?: string | null;
  locale?: string | null;
  /** Categories only. */
  description?: string | null;
}

type Tx = Prisma.TransactionClient;

/** The delegate operations used here, over either model. */
interface Delegate {
  findUnique(args: { where: { id: string }; select: { slug: true; locale: true } }): Promise<{
    slug: string;
    locale: string;
  } | null>;
  findMany(args: {
    where: { locale: string; slug: { startsWith: string } };
    select: { slug: true };
  }): Promise<Array<{ slug: string }>>;
  create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<{ id: string }>;
  update(args: { where: { id: string }; data: Record<string, unknown>; select: { id: true } }): Promise<{ id: string }>;
  delete(args: {
    where: { id: string };
    select: { name: true; slug: true; locale: true };
  }): Promise<{ name: string; slug: string; locale: string }>;
}

function delegateOf(db: Tx, kind: TaxonomyKind): Delegate {
  return (kind === 'Category' ? db.category : db.tag) as unknown as Delegate;
}

function check(kind: TaxonomyKind, input: TaxonomyFields, creating: boolean): void {
  const errors = new FieldErrors();
  if (creating && !input.name?.trim()) errors.add('name', 'is required');
  if (!creating) {
    for (const key of ['name', 'slug', 'locale'] as const) {
      if (input[key] === null) errors.add(key, 'cannot be null');
    }
  }
  errors.text('name', input.name, 1, 100);
  errors.slug('slug', input.slug);
  errors.locale('locale', input.locale);
  if (kind === 'Category') errors.text('description', input.description, 0, 1000);
  errors.throwIfAny();
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === 'P2002';
}

function slugTaken(slug: string, locale: string): ConflictError {
  return new ConflictError(`The slug "${slug}" is already used in locale ${locale}.`, { fields: { slug: 'is taken' } });
}

const action = (verb: 'create' | 'update' | 'delete') => `taxonomy.${verb}`;

export async function createTaxonomy(caller: Caller, kind: TaxonomyKind, input: TaxonomyFields & { name: string }) {
  check(kind, input, true);
  const locale = input.locale ?? config.content.defaultLocale;
  const name = input.name.trim();
  const base = slugOf(name);
  return insertWithSlug(
    input.slug,
    base,
    async () =>
      (
        await delegateOf(prisma, kind).findMany({
          where: { locale, slug: { startsWith: base } },
          select: { slug: true },
        })
      ).map((row) => row.slug),
    (slug) =>
      prisma.$transaction(async (tx) => {
        const created = await delegateOf(tx, kind).create({
          data: {
            name,
            slug,
            locale,
            ...(kind === 'Category' ? { description: input.description?.trim() ?? '' } : {}),
          },
          select: { id: true },
        });
        await recordAudit(
          caller.meta,
          {
            action: action('create'),
            actor: caller.viewer,
            targetType: kind,
            targetId: created.id,
            details: { name, slug, locale },
          },
          tx,
        );
        return created.id;
      }),
    (slug) => slugTaken(slug, locale),
  );
}

export async function updateTaxonomy(
  caller: Caller,
  kind: TaxonomyKind,
  id: string,
  input: TaxonomyFields,
  expectedVersion?: number | null,
) {
  check(kind, input, false);
  const data: Record<string, unknown> = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.slug != null) data.slug = input.slug;
  if (input.locale != null) data.locale = input.locale;
  if (kind === 'Category' && input.description !== undefined) data.description = input.description?.trim() ?? '';
  const current = await delegateOf(prisma, kind).findUnique({ where: { id }, select: { slug: true, locale: true } });
  if (!current) throw new NotFoundError(kind);
  try {
    await prisma.$transaction(async (tx) => {
      await versionedUpdate(delegateOf(tx, kind), id, expectedVersion, data, kind);
      await recordAudit(
        caller.meta,
        {
          action: action('update'),
          actor: caller.viewer,
          targetType: kind,
          targetId: id,
          details: { changedFields: Object.keys(data) },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw slugTaken(String(data.slug ?? current.slug), String(data.locale ?? current.locale));
    }
    if ((error as { code?: string })?.code === 'P2025') throw new NotFoundError(kind);
    throw error;
  }
  return id;
}

/**
 * Deletes the item and returns what `read` loaded just before (the deleted row's data, in the
 * shape the caller asked for). NOT_FOUND when it does not exist.
 */
export async function deleteTaxonomy<T>(
  caller: Caller,
  kind: TaxonomyKind,
  id: string,
  read: (db: Tx) => Promise<T | null>,
): Promise<T> {
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await read(tx);
      if (!row) throw new NotFoundError(kind);
      // The join rows (_CategoryToPost, _PostToTag, ...) go with it: ON DELETE CASCADE.
      const deleted = await delegateOf(tx, kind).delete({
        where: { id },
        select: { name: true, slug: true, locale: true },
      });
      await recordAudit(
        caller.meta,
        { action: action('delete'), actor: caller.viewer, targetType: kind, targetId: id, details: deleted },
        tx,
      );
      return row;
    });
  } catch (error) {
    if ((error as { code?: string })?.code === 'P2025') throw new NotFoundError(kind);
    throw error;
  }
}
