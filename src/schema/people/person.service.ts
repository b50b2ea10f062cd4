/**
 * Team and board members: create, edit, delete. Slugs are unique (made from the name when
 * absent); every change and its audit event are written in one transaction. Knows no GraphQL.
 */
import { recordAudit } from '../../auth/audit.js';
import type { Caller } from '../../auth/viewer.js';
import { prisma } from '../../db/client.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { assertMediaVisible } from '../../media/visibility.js';
import { FieldErrors, insertWithSlug, slugOf } from '../content/content-input.js';
import { isUuid } from '../global-id.js';
import { versionedUpdate } from '../versioning.js';

export interface PersonFields {
  name?: string | null;
  slug?: string | null;
  role?: string | null;
  bio?: string | null;
  photoId?: string | null;
  position?: number | null;
}

export const MAX_POSITION = 1_000_000;

function check(input: PersonFields, creating: boolean): void {
  const errors = new FieldErrors();
  if (creating && !input.name?.trim()) errors.add('name', 'is required');
  if (!creating) {
    for (const key of ['name', 'slug', 'role', 'bio', 'position'] as const) {
      if (input[key] === null) errors.add(key, 'cannot be null');
    }
  }
  errors.text('name', input.name, 1, 100);
  errors.slug('slug', input.slug);
  errors.text('role', input.role, 0, 100);
  errors.text('bio', input.bio, 0, 5000);
  if (input.photoId && !isUuid(input.photoId)) errors.add('photoId', 'must be a media id');
  if (
    input.position != null &&
    (!Number.isInteger(input.position) || input.position < 0 || input.position > MAX_POSITION)
  ) {
    errors.add('position', `must be an integer from 0 to ${MAX_POSITION}`);
  }
  errors.throwIfAny();
}

function slugTaken(slug: string): ConflictError {
  return new ConflictError(`The slug "${slug}" is already used by another person.`, { fields: { slug: 'is taken' } });
}

const codeOf = (error: unknown) => (error as { code?: string })?.code;

export async function createPerson(caller: Caller, input: PersonFields & { name: string }): Promise<string> {
  check(input, true);
  await assertMediaVisible(caller, input.photoId, 'photoId');
  const name = input.name.trim();
  const base = slugOf(name);
  return insertWithSlug(
    input.slug,
    base,
    async () =>
      (await prisma.person.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
        (p) => p.slug,
      ),
    (slug) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.person.create({
          data: {
            name,
            slug,
            role: input.role?.trim() ?? '',
            bio: input.bio ?? '',
            photoId: input.photoId || null,
            position: input.position ?? 0,
          },
          select: { id: true },
        });
        await recordAudit(
          caller.meta,
          {
            action: 'person.create',
            actor: caller.viewer,
            targetType: 'Person',
            targetId: created.id,
            details: { name, slug },
          },
          tx,
        );
        return created.id;
      }),
    slugTaken,
  );
}

export async function updatePerson(
  caller: Caller,
  id: string,
  input: PersonFields,
  expectedVersion?: number | null,
): Promise<string> {
  check(input, false);
  await assertMediaVisible(caller, input.photoId, 'photoId');
  const data: Prisma.PersonUncheckedUpdateInput = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.slug != null) data.slug = input.slug;
  if (input.role != null) data.role = input.role.trim();
  if (input.bio != null) data.bio = input.bio;
  if (input.photoId !== undefined) data.photoId = input.photoId || null;
  if (input.position != null) data.position = input.position;
  try {
    await prisma.$transaction(async (tx) => {
      await versionedUpdate(tx.person, id, expectedVersion, data as Record<string, unknown>, 'Person');
      await recordAudit(
        caller.meta,
        {
          action: 'person.update',
          actor: caller.viewer,
          targetType: 'Person',
          targetId: id,
          details: { changedFields: Object.keys(data) },
        },
        tx,
      );
    });
  } catch (error) {
    if (codeOf(error) === 'P2002') throw slugTaken(String(data.slug));
    if (codeOf(error) === 'P2025') throw new NotFoundError('Person');
    throw error;
  }
  return id;
}

/** Deletes the person and returns what `read` loaded just before; NOT_FOUND when missing. */
export async function deletePerson<T>(
  caller: Caller,
  id: string,
  read: (db: Prisma.TransactionClient) => Promise<T | null>,
): Promise<T> {
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await read(tx);
      if (!row) throw new NotFoundError('Person');
      const deleted = await tx.person.delete({ where: { id }, select: { name: true, slug: true } });
      await recordAudit(
        caller.meta,
        { action: 'person.delete', actor: caller.viewer, targetType: 'Person', targetId: id, details: deleted },
        tx,
      );
      return row;
    });
  } catch (error) {
    if (codeOf(error) === 'P2025') throw new NotFoundError('Person');
    throw error;
  }
}
