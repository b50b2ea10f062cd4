/**
 * Row-level visibility of media, one Prisma where-fragment used by every list, count, relation
 * (post.coverImage, person.photo...), node load and the file route. A hidden item reads as null /
 * 404, never FORBIDDEN.
 */
import type { Context } from '../context.js';
import { prisma } from '../db/client.js';
import { ValidationError } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import { isUuid } from '../schema/global-id.js';

const PUBLISHED = { status: 'PUBLISHED', deletedAt: null } as const;

/** Consent absent, open-ended, or not yet expired (at `now`). */
export function consentValid(now = new Date()): Prisma.MediaWhereInput {
  return {
    OR: [{ consent: { is: null } }, { consent: { is: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } }],
  };
}

/** Consent recorded with an end date that has passed. */
export function consentExpired(now = new Date()): Prisma.MediaWhereInput {
  return { consent: { is: { expiresAt: { lte: now } } } };
}

/**
 * - holders of media:read_all (editors and up): every item;
 * - uploaders (media:upload): also their own uploads;
 * - everyone else: items marked public, or used as the cover of a published (not trashed) post or
 *   project, or as a person's photo or a partner's logo, and in every case only while their
 *   consent (if any) has not expired.
 */
export function mediaVisibility(ctx: Pick<Context, 'permissions'> & Partial<Pick<Context, 'viewer'>>): {
  AND?: Prisma.MediaWhereInput[];
} {
  if (ctx.permissions.has('media:read_all')) return {};
  // Uploaders see what they uploaded (to pick it as a cover for their draft), consent permitting.
  const own: Prisma.MediaWhereInput[] =
    ctx.viewer?.kind === 'user' && ctx.permissions.has('media:upload') ? [{ uploadedById: ctx.viewer.userId }] : [];
  return {
    AND: [
      {
        OR: [
          ...own,
          { isPublic: true },
          { postCovers: { some: PUBLISHED } },
          { projectCovers: { some: PUBLISHED } },
          { personPhotos: { some: {} } },
          { partnerLogos: { some: {} } },
        ],
      },
      consentValid(),
    ],
  };
}

/**
 * A media reference in content (cover, photo, logo) must name an item the caller may see: else an
 * author could attach someone's private photo to a post and have it published with the post.
 * A hidden item reads as missing.
 */
export async function assertMediaVisible(
  ctx: Pick<Context, 'permissions' | 'viewer'>,
  id: string | null | undefined,
  field: string,
): Promise<void> {
  if (!id || !isUuid(id)) return;
  const visible = await prisma.media.count({ where: { id, ...mediaVisibility(ctx) } });
  if (visible === 0) throw new ValidationError({ [field]: 'names a missing media item' });
}
