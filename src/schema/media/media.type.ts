import type { InputRef } from '@pothos/core';
import { prisma } from '../../db/client.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { RENDITION_WIDTHS } from '../../media/process.js';
import { isMediaMimeType } from '../../media/sniff.js';
import { consentExpired, consentValid, mediaVisibility } from '../../media/visibility.js';
import { builder } from '../builder.js';
import { searchWhere } from '../content/content-query.js';
import { pageSize } from '../pagination.js';
import { type MediaUsage, mediaUrl, type UploadedFile, USAGE_SELECT, usageFromRow } from './media.service.js';

/**
 * An upload of the GraphQL multipart request spec: Yoga puts a WHATWG File in the variables.
 * The builder's scalar map (builder.ts) has no entry for it, so the ref carries its input shape.
 * parseValue lets any value through: the resolver refuses what is not a file with BAD_USER_INPUT
 * on `file`, after the authorization checks (a JSON request cannot carry a file).
 */
const untypedScalar = builder.scalarType.bind(builder) as unknown as (
  name: string,
  options: { description: string; serialize: () => never; parseValue: (value: unknown) => unknown },
) => unknown;
export const FileScalar = untypedScalar('File', {
  description: 'A file sent as a GraphQL multipart request (input only)',
  serialize: () => {
    throw new Error('File is input only');
  },
  parseValue: (value) => value,
}) as InputRef<UploadedFile>;

export const MediaConsent = builder.prismaObject('MediaConsent', {
  description: 'Who consented to the use of a media item (e.g. a photo of a person), for which uses, until when',
  fields: (t) => ({
    givenBy: t.exposeString('givenBy', { description: 'Who gave consent (the person, or a parent or guardian)' }),
    uses: t.exposeStringList('uses', { description: 'e.g. web, print, social, press' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'Null: no end date' }),
    notes: t.exposeString('notes'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    isExpired: t.boolean({
      description: 'The end date has passed: the item is no longer served to the public',
      select: { expiresAt: true },
      resolve: (consent) => consent.expiresAt !== null && consent.expiresAt <= new Date(),
    }),
  }),
});

export const MediaUsageRef = builder.objectRef<MediaUsage>('MediaUsage').implement({
  description: 'Content that uses a media item (cover image, photo, logo)',
  fields: (t) => ({
    typename: t.exposeString('typename', { description: 'Post, Project, Person or Partner' }),
    id: t.exposeID('id', { description: 'The global id of that item' }),
    title: t.exposeString('title', { description: 'Its title (posts, projects) or name (people, partners)' }),
    status: t.exposeString('status', { nullable: true, description: 'Content status; null for people and partners' }),
    trashed: t.exposeBoolean('trashed'),
  }),
});

export const Media = builder.prismaNode('Media', {
  id: { field: 'id' },
  nullable: true,
  description:
    'An uploaded image or PDF. The public sees items marked public or used by published content, while their consent lasts.',
  // node(id) applies the same row visibility as the lists and the file route.
  findUnique: (id, ctx) => ({ id, ...mediaVisibility(ctx) }),
  fields: (t) => ({
    url: t.string({
      description: `Where the file is served, relative to the API origin (/media/<id>/<filename>). Images also come as renditions: add ?w=<width>&format=webp|avif|jpeg|png (either or both); w must be one of ${RENDITION_WIDTHS.join(', ')}, and is capped at the original width and MEDIA_RENDITION_MAX_WIDTH.`,
      select: { id: true, filename: true },
      resolve: (media) => mediaUrl(media.id, media.filename),
    }),
    filename: t.exposeString('filename', { description: 'The cleaned original name' }),
    mimeType: t.exposeString('mimeType', { description: 'The type found in the bytes' }),
    size: t.exposeInt('size', { description: 'In bytes, as stored (images after metadata removal)' }),
    width: t.exposeInt('width', { nullable: true, description: 'Images only' }),
    height: t.exposeInt('height', { nullable: true, description: 'Images only' }),
    alt: t.exposeString('alt'),
    caption: t.exposeString('caption'),
    credit: t.exposeString('credit'),
    licence: t.exposeString('licence'),
    isPublic: t.exposeBoolean('isPublic', {
      description: 'Served to the public even when no published content uses it',
    }),
    consent: t.relation('consent', {
      nullable: true,
      description: 'Staff only (media:read_all); null when none was recorded',
      authScopes: { permission: 'media:read_all' },
    }),
    usedBy: t.field({
      type: [MediaUsageRef],
      nullable: true,
      description: 'Staff only (media:read_all): the content using this item, trashed content included',
      authScopes: { permission: 'media:read_all' },
      select: USAGE_SELECT,
      resolve: (media) => usageFromRow(media),
    }),
    uploadedBy: t.relation('uploadedBy', {
      nullable: true,
      description: 'Staff only (media:read_all)',
      authScopes: { permission: 'media:read_all' },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const MediaWhere = builder.inputType('MediaWhere', {
  fields: (t) => ({
    mimeType: t.string({ description: 'An exact type (image/png, application/pdf) or image/* for every image' }),
    consentExpired: t.boolean({ description: 'Staff only (media:read_all): items whose consent has (not) expired' }),
    search: t.string({ description: 'Matches the file name, alt text, caption or credit (case-insensitive)' }),
  }),
});

type MediaWhereArgs = { where?: typeof MediaWhere.$inferInput | null };
type Ctx = Parameters<typeof mediaVisibility>[0] & { viewer: { kind: string } };

function mediaWhere(ctx: Ctx, args: MediaWhereArgs): Prisma.MediaWhereInput {
  const w = args.where;
  const mimeType = w?.mimeType?.trim().toLowerCase();
  if (mimeType && mimeType !== 'image/*' && !isMediaMimeType(mimeType)) {
    throw new ValidationError({
      'where.mimeType': 'must be an accepted type (e.g. image/jpeg, application/pdf) or image/*',
    });
  }
  if (w?.consentExpired != null && !ctx.permissions.has('media:read_all')) {
    throw ctx.viewer.kind === 'anonymous'
      ? new UnauthenticatedError()
      : new ForbiddenError('Filtering by consent needs the media:read_all permission.');
  }
  return {
    AND: [
      mediaVisibility(ctx),
      mimeType === 'image/*' ? { mimeType: { startsWith: 'image/' } } : mimeType ? { mimeType } : {},
      w?.consentExpired === true ? consentExpired() : w?.consentExpired === false ? consentValid() : {},
      searchWhere(w?.search, ['filename', 'alt', 'caption', 'credit']),
    ],
  };
}

const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.MediaOrderByWithRelationInput[];

builder.queryFields((t) => ({
  media: t.prismaConnection(
    {
      type: Media,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'media:read' },
      description: 'The media library, newest first: what the caller may see (the public: public and used items)',
      args: { where: t.arg({ type: MediaWhere }) },
      totalCount: (_parent, args, ctx) => prisma.media.count({ where: mediaWhere(ctx, args) }),
      resolve: (query, _root, args, ctx) =>
        prisma.media.findMany({ ...query, where: mediaWhere(ctx, args), orderBy: NEWEST_FIRST }),
    },
    { name: 'MediaConnection' },
    { name: 'MediaEdge' },
  ),
  expiredConsentMedia: t.prismaConnection(
    {
      type: Media,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'media:read_all' },
      description:
        'Items whose consent has expired (no longer served to the public), longest expired first, with the content using them (usedBy)',
      totalCount: () => prisma.media.count({ where: consentExpired() }),
      resolve: (query) =>
        prisma.media.findMany({
          ...query,
          where: consentExpired(),
          orderBy: [{ consent: { expiresAt: 'asc' } }, { id: 'asc' }],
        }),
    },
    { name: 'ExpiredConsentMediaConnection' },
    { name: 'ExpiredConsentMediaEdge' },
  ),
}));
