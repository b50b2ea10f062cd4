/**
 * The media library: upload (type from the bytes, images re-encoded without metadata, atomic
 * storage), metadata and consent edits, deletion (refused while content uses the item). Every
 * change and its audit event are written in one transaction. Knows no GraphQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { recordAudit } from '../../auth/audit.js';
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { logger } from '../../logger.js';
import { cleanFilename, processUpload, tooLarge } from '../../media/process.js';
import { isImageType, MEDIA_TYPES, sniffMediaType } from '../../media/sniff.js';
import { mediaStorage } from '../../media/storage.js';
import { FieldErrors } from '../content/content-input.js';
import { toGlobalId } from '../global-id.js';

/** What the multipart parser hands over for a `File` argument (a WHATWG File). */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  const file = value as UploadedFile | null | undefined;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.arrayBuffer === 'function' &&
    typeof file.size === 'number' &&
    typeof file.name === 'string'
  );
}

export interface ConsentFields {
  givenBy: string;
  uses?: readonly string[] | null;
  expiresAt?: Date | null;
  notes?: string | null;
}

export interface MediaFields {
  alt?: string | null;
  caption?: string | null;
  credit?: string | null;
  licence?: string | null;
  isPublic?: boolean | null;
  consent?: ConsentFields | null;
}

export const MAX_CONSENT_USES = 20;

/** The served path of a media item, relative to the API origin. */
export function mediaUrl(id: string, filename: string): string {
  return `/media/${id}/${encodeURIComponent(filename)}`;
}

/** The storage key of an item's original bytes (never derived from user input). */
export function originalKey(id: string, mimeType: string): string {
  const type = MEDIA_TYPES[mimeType as keyof typeof MEDIA_TYPES];
  return `originals/${id}.${type?.ext ?? 'bin'}`;
}

/** The folder of an item's cached renditions. */
export function renditionPrefix(id: string): string {
  return `renditions/${id}/`;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function checkText(errors: FieldErrors, input: MediaFields): void {
  errors.text('alt', input.alt, 0, 1000);
  errors.text('caption', input.caption, 0, 2000);
  errors.text('credit', input.credit, 0, 200);
  errors.text('licence', input.licence, 0, 200);
  if (input.consent) {
    const { givenBy, uses, notes } = input.consent;
    errors.text('consent.givenBy', givenBy, 1, 200);
    errors.text('consent.notes', notes, 0, 2000);
    if (uses && uses.length > MAX_CONSENT_USES) errors.add('consent.uses', `must list at most ${MAX_CONSENT_USES}`);
    if (uses?.some((use) => use.trim().length === 0 || use.trim().length > 50)) {
      errors.add('consent.uses', 'each use must be 1 to 50 characters (e.g. web, print, social, press)');
    }
  }
}

function consentData(consent: ConsentFields) {
  return {
    givenBy: consent.givenBy.trim(),
    uses: [...new Set((consent.uses ?? []).map((use) => use.trim()))],
    expiresAt: consent.expiresAt ?? null,
    notes: consent.notes ?? '',
  };
}

/** The user responsible for an upload: the signed-in user, or the creator of the API token. */
function uploaderOf(caller: Caller): string | null {
  const viewer = caller.viewer;
  if (viewer.kind === 'user') return viewer.userId;
  return viewer.kind === 'apiToken' ? viewer.createdById : null;
}

/**
 * Checks, cleans and stores an upload; returns the new item's id. Refusals are BAD_USER_INPUT on
 * `file` (empty, too large, wrong type, SVG, truncated or corrupt) or on the named field, and
 * leave nothing behind: bytes are only written once everything has passed.
 */
export async function uploadMedia(caller: Caller, file: unknown, input: MediaFields): Promise<string> {
  if (!isUploadedFile(file)) {
    throw new ValidationError({ file: 'must be a file sent as a multipart request (GraphQL multipart request spec)' });
  }
  if (file.size === 0) throw new ValidationError({ file: 'is empty' });
  if (file.size > config.media.maxUploadBytes) throw tooLarge();
  const errors = new FieldErrors();
  if (input.isPublic === null) errors.add('isPublic', 'cannot be null');
  checkText(errors, input);
  errors.throwIfAny();

  const bytes = Buffer.from(await file.arrayBuffer());
  const mimeType = await sniffMediaType(bytes);
  if (isImageType(mimeType) && !input.alt?.trim()) {
    throw new ValidationError({ alt: 'is required for images (describe the image for people who cannot see it)' });
  }
  const processed = await processUpload(bytes, mimeType);

  const id = randomUUID();
  const storageKey = originalKey(id, processed.mimeType);
  const filename = cleanFilename(file.name, processed.mimeType);
  const checksum = sha256Hex(processed.bytes);
  const storage = mediaStorage();
  await storage.put(storageKey, processed.bytes);
  try {
    await prisma.$transaction(async (tx) => {
      await tx.media.create({
        data: {
          id,
          filename,
          mimeType: processed.mimeType,
          size: processed.bytes.length,
          width: processed.width,
          height: processed.height,
          alt: input.alt?.trim() ?? '',
          caption: input.caption?.trim() ?? '',
          credit: input.credit?.trim() ?? '',
          licence: input.licence?.trim() ?? '',
          isPublic: input.isPublic ?? false,
          storageKey,
          checksum,
          uploadedById: uploaderOf(caller),
          ...(input.consent ? { consent: { create: consentData(input.consent) } } : {}),
        },
        select: { id: true },
      });
      await recordAudit(
        caller.meta,
        {
          action: 'media.upload',
          actor: caller.viewer,
          targetType: 'Media',
          targetId: id,
          details: {
            filename,
            mimeType: processed.mimeType,
            size: processed.bytes.length,
            declaredType: file.type.slice(0, 100),
            consent: Boolean(input.consent),
          },
        },
        tx,
      );
    });
  } catch (error) {
    await storage.delete(storageKey).catch((e: Error) => logger.warn({ err: e.message }, 'media cleanup failed'));
    throw error;
  }
  return id;
}

export interface MediaUpdate extends MediaFields {
  clearConsent?: boolean | null;
}

/** Edits metadata and consent: media:manage, or the uploader of the item (with media:upload). */
export async function updateMedia(caller: Caller, id: string, input: MediaUpdate): Promise<string> {
  const errors = new FieldErrors();
  for (const key of ['alt', 'caption', 'credit', 'licence', 'isPublic'] as const) {
    if (input[key] === null) errors.add(key, 'cannot be null');
  }
  checkText(errors, input);
  if (input.consent && input.clearConsent) errors.add('clearConsent', 'cannot be combined with consent');
  errors.throwIfAny();

  const row = await prisma.media.findUnique({ where: { id }, select: { mimeType: true, uploadedById: true } });
  if (!row) throw new NotFoundError('Media');
  if (!caller.permissions.has('media:manage')) {
    const own = caller.viewer.kind === 'user' && row.uploadedById === caller.viewer.userId;
    if (!own) throw new ForbiddenError('Only the uploader or a media manager may edit this media item.');
  }
  if (input.alt != null && !input.alt.trim() && isImageType(row.mimeType)) {
    throw new ValidationError({ alt: 'is required for images (describe the image for people who cannot see it)' });
  }

  const data: Prisma.MediaUpdateInput = {};
  for (const key of ['alt', 'caption', 'credit', 'licence'] as const) {
    const value = input[key];
    if (value != null) data[key] = value.trim();
  }
  if (input.isPublic != null) data.isPublic = input.isPublic;
  if (input.consent) {
    const consent = consentData(input.consent);
    data.consent = { upsert: { create: consent, update: { ...consent, recordedAt: new Date() } } };
  }
  const changedFields = [...Object.keys(data), ...(input.clearConsent ? ['consent'] : [])];
  try {
    await prisma.$transaction(async (tx) => {
      if (input.clearConsent) await tx.mediaConsent.deleteMany({ where: { mediaId: id } });
      await tx.media.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: { id: true } });
      await recordAudit(
        caller.meta,
        { action: 'media.update', actor: caller.viewer, targetType: 'Media', targetId: id, details: { changedFields } },
        tx,
      );
    });
  } catch (error) {
    if ((error as { code?: string })?.code === 'P2025') throw new NotFoundError('Media');
    throw error;
  }
  return id;
}

// --- Where an item is used --------------------------------------------------------------------

const USES_SHOWN = 100;
const contentUse = {
  select: { id: true, title: true, status: true, deletedAt: true },
  orderBy: { id: 'asc' },
  take: USES_SHOWN,
} as const;
const namedUse = { select: { id: true, name: true }, orderBy: { id: 'asc' }, take: USES_SHOWN } as const;

/** The relations to load (as a Prisma select) to tell where an item is used. */
export const USAGE_SELECT = {
  postCovers: contentUse,
  projectCovers: contentUse,
  personPhotos: namedUse,
  partnerLogos: namedUse,
} satisfies Prisma.MediaSelect;

export interface MediaUsage {
  /** Post, Project, Person or Partner. */
  typename: string;
  /** The global id of the item using the media. */
  id: string;
  /** Its title (posts, projects) or name (people, partners). */
  title: string;
  /** The content status (posts, projects); null for people and partners. */
  status: string | null;
  /** In the trash (still blocks deletion until purged). */
  trashed: boolean;
}

type UsageRow = Prisma.MediaGetPayload<{ select: typeof USAGE_SELECT }>;

export function usageFromRow(row: UsageRow): MediaUsage[] {
  const content = (typename: string, items: UsageRow['postCovers']) =>
    items.map((item) => ({
      typename,
      id: toGlobalId(typename, item.id),
      title: item.title,
      status: item.status as string,
      trashed: item.deletedAt !== null,
    }));
  const named = (typename: string, items: UsageRow['personPhotos']) =>
    items.map((item) => ({
      typename,
      id: toGlobalId(typename, item.id),
      title: item.name,
      status: null,
      trashed: false,
    }));
  return [
    ...content('Post', row.postCovers),
    ...content('Project', row.projectCovers),
    ...named('Person', row.personPhotos),
    ...named('Partner', row.partnerLogos),
  ];
}

function inUse(usedBy: MediaUsage[]): ConflictError {
  const list = usedBy.map((use) => `${use.typename} "${use.title}"`).join(', ');
  return new ConflictError(`The media item is still used by ${list}: remove it from there first.`, { usedBy });
}

/**
 * Deletes an unused item (CONFLICT with extensions.usedBy when content uses it), then its stored
 * file and cached renditions; returns what `read` loaded just before. NOT_FOUND when missing.
 */
export async function deleteMedia<T>(
  caller: Caller,
  id: string,
  read: (db: Prisma.TransactionClient) => Promise<T | null>,
): Promise<T> {
  let removed: { storageKey: string } | undefined;
  let result: T;
  try {
    result = await prisma.$transaction(async (tx) => {
      const row = await read(tx);
      const usage = await tx.media.findUnique({ where: { id }, select: USAGE_SELECT });
      if (!row || !usage) throw new NotFoundError('Media');
      const usedBy = usageFromRow(usage);
      if (usedBy.length > 0) throw inUse(usedBy);
      const { storageKey, ...details } = await tx.media.delete({
        where: { id },
        select: { storageKey: true, filename: true, mimeType: true, size: true, checksum: true },
      });
      removed = { storageKey };
      await recordAudit(
        caller.meta,
        { action: 'media.delete', actor: caller.viewer, targetType: 'Media', targetId: id, details },
        tx,
      );
      return row;
    });
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'P2025') throw new NotFoundError('Media');
    // Content started using the item meanwhile: the foreign key refused the delete.
    if (code === 'P2003') {
      const usage = await prisma.media.findUnique({ where: { id }, select: USAGE_SELECT });
      if (usage) throw inUse(usageFromRow(usage));
    }
    throw error;
  }
  const storage = mediaStorage();
  const key = removed!.storageKey;
  await Promise.all([storage.delete(key), storage.deletePrefix(renditionPrefix(id))]).catch((error: Error) =>
    logger.error({ err: error.message, mediaId: id }, 'media file removal failed (row deleted)'),
  );
  return result;
}
