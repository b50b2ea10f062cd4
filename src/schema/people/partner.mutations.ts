import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf, mediaIdOf } from '../global-id.js';
import { createPartner, deletePartner, updatePartner } from './partner.service.js';
import { Partner } from './partner.type.js';

const CreatePartnerInput = builder.inputType('CreatePartnerInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 200 characters' }),
    slug: t.string({ description: 'Unique; made from the name when absent' }),
    website: t.string({ description: 'An http(s) URL' }),
    logoId: t.id({ description: 'A media id' }),
    contactName: t.string({ description: 'Staff only' }),
    contactEmail: t.string({ description: 'Staff only; an email address' }),
  }),
});

const UpdatePartnerInput = builder.inputType('UpdatePartnerInput', {
  fields: (t) => ({
    name: t.string(),
    slug: t.string(),
    website: t.string({ description: 'null or "" removes it' }),
    logoId: t.id({ description: 'null removes it' }),
    contactName: t.string({ description: 'null or "" removes it' }),
    contactEmail: t.string({ description: 'null or "" removes it' }),
  }),
});

builder.mutationFields((t) => ({
  createPartner: t.prismaField({
    type: Partner,
    authScopes: { permission: 'people:manage' },
    args: { input: t.arg({ type: CreatePartnerInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createPartner(callerOf(ctx), { ...input, logoId: mediaIdOf(input.logoId) });
      return prisma.partner.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePartner: t.prismaField({
    type: Partner,
    authScopes: { permission: 'people:manage' },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdatePartnerInput, required: true }),
      expectedVersion: t.arg.int({ description: 'The version you edited: a stale one is CONFLICT (recommended)' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updatePartner(
        callerOf(ctx),
        decodeGlobalIdOf(args.id, 'Partner', 'id'),
        {
          ...args.input,
          logoId: mediaIdOf(args.input.logoId),
        },
        args.expectedVersion,
      );
      return prisma.partner.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deletePartner: t.prismaField({
    type: Partner,
    description: 'Deletes the partner (its projects stay); returns its last data',
    authScopes: { permission: 'people:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeGlobalIdOf(args.id, 'Partner', 'id');
      return deletePartner(callerOf(ctx), id, (db) => db.partner.findUnique({ ...query, where: { id } }));
    },
  }),
}));
