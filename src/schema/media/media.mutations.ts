import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { deleteMedia, updateMedia, uploadMedia } from './media.service.js';
import { FileScalar, Media } from './media.type.js';

const MediaConsentInput = builder.inputType('MediaConsentInput', {
  description: 'A consent record; replaces the item’s previous one',
  fields: (t) => ({
    givenBy: t.string({ required: true, description: 'Who consented (1 to 200 characters)' }),
    uses: t.stringList({ description: 'For which uses, e.g. web, print, social, press (at most 20)' }),
    expiresAt: t.field({ type: 'DateTime', description: 'Until when; absent: no end date' }),
    notes: t.string({ description: 'At most 2000 characters' }),
  }),
});

const UpdateMediaInput = builder.inputType('UpdateMediaInput', {
  fields: (t) => ({
    alt: t.string({ description: 'Cannot be emptied for images' }),
    caption: t.string(),
    credit: t.string(),
    licence: t.string(),
    isPublic: t.boolean(),
    consent: t.field({ type: MediaConsentInput, description: 'Records (or replaces) the consent' }),
    clearConsent: t.boolean({ description: 'Removes the consent record' }),
  }),
});

builder.mutationFields((t) => ({
  uploadMedia: t.prismaField({
    type: Media,
    nullable: false,
    description:
      'Uploads an image (JPEG, PNG, WebP, AVIF, GIF: re-encoded without any metadata) or a PDF, as a GraphQL multipart request. The type is read from the bytes; SVG is refused. Alt text is required for images.',
    authScopes: { permission: 'media:upload' },
    args: {
      file: t.arg({ type: FileScalar, required: true }),
      alt: t.arg.string({ description: 'Required for images; at most 1000 characters' }),
      caption: t.arg.string({ description: 'At most 2000 characters' }),
      credit: t.arg.string({ description: 'At most 200 characters' }),
      licence: t.arg.string({ description: 'At most 200 characters' }),
      isPublic: t.arg.boolean({ description: 'Serve it even when no published content uses it (default false)' }),
      consent: t.arg({ type: MediaConsentInput }),
    },
    resolve: async (query, _root, { file, ...input }, ctx) => {
      const id = await uploadMedia(callerOf(ctx), file, input);
      return prisma.media.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateMedia: t.prismaField({
    type: Media,
    nullable: false,
    description: 'Edits metadata and consent: media:manage, or the uploader of the item',
    authScopes: { permission: 'media:upload' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateMediaInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateMedia(callerOf(ctx), decodeGlobalIdOf(args.id, 'Media', 'id'), args.input);
      return prisma.media.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteMedia: t.prismaField({
    type: Media,
    nullable: false,
    description:
      'Deletes an item with its file and renditions; CONFLICT (extensions.usedBy) while content uses it. Returns its last data.',
    authScopes: { permission: 'media:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeGlobalIdOf(args.id, 'Media', 'id');
      return deleteMedia(callerOf(ctx), id, (db) => db.media.findUnique({ ...query, where: { id } }));
    },
  }),
}));
