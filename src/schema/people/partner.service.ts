/**
 * Partner organisations: create, edit, delete. Slugs are unique (made from the name when
 * absent); contact details are staff-only data and never enter the audit log. Every change and
 * its audit event are written in one transaction. Knows no GraphQL.
 */
import { z } from 'zod';
import { recordAudit } from '../../auth/audit.js';
import type { Caller } from '../../auth/viewer.js';
import { prisma } from '../../db/client.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { assertMediaVisible } from '../../media/visibility.js';
import { FieldErrors, insertWithSlug, slugOf } from '../content/content-input.js';
import { isUuid } from '../global-id.js';
import { versionedUpdate } from '../versioning.js';

export interface PartnerFields {
  name?: string | null;
  slug?: string | null;
  website?: string | null;
  logoId?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
}

const EMAIL = z.email();

function check(input: PartnerFields, creating: boolean): void {
  const errors = new FieldErrors();
  if (creating && !input.name?.trim()) errors.add('name', 'is required');
  if (!creating) {
    for (const key of ['name', 'slug'] as const) if (input[key] === null) errors.add(key, 'cannot be null');
  }
  errors.text('name', input.name, 1, 200);
  errors.slug('slug', input.slug);
  errors.url('website', input.website?.trim());
  errors.text('website', input.website, 0, 2000);
  if (input.logoId && !isUuid(input.logoId)) errors.add('logoId', 'must be a media id');
  errors.text('contactName', input.contactName, 0, 200);
  const email = input.contactEmail?.trim();
  if (email && (email.length > 254 || !EMAIL.safeParse(email).success)) {
    errors.add('contactEmail', 'must be an email address');
  }
  errors.throwIfAny();
}

function slugTaken(slug: string): ConflictError {
  return new ConflictError(`The slug "${slug}" is already used by another partner.`, { fields: { slug: 'is taken' } });
}

const codeOf = (error: unknown) => (error as { code?: string })?.code;

/** The optional columns as stored: '' or null clears (website, logo: NULL; contact details: ''). */
function optionalColumns(input: PartnerFields) {
  return {
    ...(input.website !== undefined ? { website: input.website?.trim() || null } : {}),
    ...(input.logoId !== undefined ? { logoId: input.logoId || null } : {}),
    ...(input.contactName !== undefined ? { contactName: input.contactName?.trim() ?? '' } : {}),
    ...(input.contactEmail !== undefined ? { contactEmail: input.contactEmail?.trim() ?? '' } : {}),
  };
}

export async function createPartner(caller: Caller, input: PartnerFields & { name: string }): Promise<string> {
  check(input, true);
  await assertMediaVisible(caller, input.logoId, 'logoId');
  const name = input.name.trim();
  const base = slugOf(name);
  return insertWithSlug(
    input.slug,
    base,
    async () =>
      (await prisma.partner.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
        (p) => p.slug,
      ),
    (slug) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.partner.create({
          data: { name, slug, ...optionalColumns(input) },
          select: { id: true },
        });
        await recordAudit(
          caller.meta,
          {
            action: 'partner.create',
            actor: caller.viewer,
            targetType: 'Partner',
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

export async function updatePartner(
  caller: Caller,
  id: string,
  input: PartnerFields,
  expectedVersion?: number | null,
): Promise<string> {
  check(input, false);
  await assertMediaVisible(caller, input.logoId, 'logoId');
  const data: Prisma.PartnerUpdateInput = {
    ...(input.name != null ? { name: input.name.trim() } : {}),
    ...(input.slug != null ? { slug: input.slug } : {}),
    ...optionalColumns(input),
  };
  try {
    await prisma.$transaction(async (tx) => {
      await versionedUpdate(tx.partner, id, expectedVersion, data as Record<string, unknown>, 'Partner');
      await recordAudit(
        caller.meta,
        {
          action: 'partner.update',
          actor: caller.viewer,
          targetType: 'Partner',
          targetId: id,
          // Field names only: contact details are personal data.
          details: { changedFields: Object.keys(data) },
        },
        tx,
      );
    });
  } catch (error) {
    if (codeOf(error) === 'P2002') throw slugTaken(String(data.slug));
    if (codeOf(error) === 'P2025') throw new NotFoundError('Partner');
    throw error;
  }
  return id;
}

/**
 * Deletes the partner and returns what `read` loaded just before; NOT_FOUND when missing. Its
 * projects stay (the _PartnerToProject join rows cascade).
 */
export async function deletePartner<T>(
  caller: Caller,
  id: string,
  read: (db: Prisma.TransactionClient) => Promise<T | null>,
): Promise<T> {
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await read(tx);
      if (!row) throw new NotFoundError('Partner');
      const deleted = await tx.partner.delete({ where: { id }, select: { name: true, slug: true } });
      await recordAudit(
        caller.meta,
        { action: 'partner.delete', actor: caller.viewer, targetType: 'Partner', targetId: id, details: deleted },
        tx,
      );
      return row;
    });
  } catch (error) {
    if (codeOf(error) === 'P2025') throw new NotFoundError('Partner');
    throw error;
  }
}
