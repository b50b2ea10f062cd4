import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf, mediaIdOf } from '../global-id.js';
import { createPerson, deletePerson, updatePerson } from './person.service.js';
import { Person } from './person.type.js';

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 100 characters' }),
    slug: t.string({ description: 'Unique; made from the name when absent' }),
    role: t.string({ description: 'At most 100 characters' }),
    bio: t.string({ description: 'At most 5000 characters' }),
    photoId: t.id({ description: 'A media id' }),
    position: t.int({ description: 'Sort key, 0 to 1000000 (default 0)' }),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  fields: (t) => ({
    name: t.string(),
    slug: t.string(),
    role: t.string(),
    bio: t.string(),
    photoId: t.id({ description: 'null removes the photo' }),
    position: t.int(),
  }),
});

builder.mutationFields((t) => ({
  createPerson: t.prismaField({
    type: Person,
    authScopes: { permission: 'people:manage' },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createPerson(callerOf(ctx), { ...input, photoId: mediaIdOf(input.photoId) });
      return prisma.person.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePerson: t.prismaField({
    type: Person,
    authScopes: { permission: 'people:manage' },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdatePersonInput, required: true }),
      expectedVersion: t.arg.int({ description: 'The version you edited: a stale one is CONFLICT (recommended)' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updatePerson(
        callerOf(ctx),
        decodeGlobalIdOf(args.id, 'Person', 'id'),
        {
          ...args.input,
          photoId: mediaIdOf(args.input.photoId),
        },
        args.expectedVersion,
      );
      return prisma.person.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deletePerson: t.prismaField({
    type: Person,
    description: 'Deletes the person; returns their last data',
    authScopes: { permission: 'people:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeGlobalIdOf(args.id, 'Person', 'id');
      return deletePerson(callerOf(ctx), id, (db) => db.person.findUnique({ ...query, where: { id } }));
    },
  }),
}));
