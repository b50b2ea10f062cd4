import { callerOf as caller } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { assignRole, createUser, deactivateUser, reactivateUser, updateUser } from './users.service.js';
import { User } from './users.type.js';

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    password: t.string({ required: true }),
    roleId: t.id({ required: true }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    email: t.string(),
    name: t.string(),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: User,
    authScopes: { permission: 'user:manage' },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createUser(caller(ctx), { ...input, roleId: decodeGlobalIdOf(input.roleId, 'Role', 'roleId') });
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateUser: t.prismaField({
    type: User,
    authScopes: { permission: 'user:manage' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateUser(caller(ctx), decodeGlobalIdOf(args.id, 'User', 'id'), args.input);
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deactivateUser: t.prismaField({
    type: User,
    authScopes: { permission: 'user:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await deactivateUser(caller(ctx), decodeGlobalIdOf(args.id, 'User', 'id'));
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reactivateUser: t.prismaField({
    type: User,
    authScopes: { permission: 'user:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await reactivateUser(caller(ctx), decodeGlobalIdOf(args.id, 'User', 'id'));
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignRole: t.prismaField({
    type: User,
    authScopes: { permission: 'user:manage' },
    args: { userId: t.arg.id({ required: true }), roleId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await assignRole(
        caller(ctx),
        decodeGlobalIdOf(args.userId, 'User', 'userId'),
        decodeGlobalIdOf(args.roleId, 'Role', 'roleId'),
      );
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
