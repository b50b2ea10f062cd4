import { callerOf as caller } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { createRole, deleteRole, setRolePermissions, updateRole } from './roles.service.js';
import { Role } from './roles.type.js';

const CreateRoleInput = builder.inputType('CreateRoleInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
    parentId: t.id({ description: 'The role to inherit from' }),
  }),
});

const UpdateRoleInput = builder.inputType('UpdateRoleInput', {
  fields: (t) => ({
    description: t.string(),
    parentId: t.id(),
    clearParent: t.boolean({ description: 'Inherit from no role' }),
  }),
});

const DeletedRole = builder.objectRef<{ id: string; name: string }>('DeletedRole').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

builder.mutationFields((t) => ({
  createRole: t.prismaField({
    type: Role,
    authScopes: { permission: 'role:manage' },
    args: { input: t.arg({ type: CreateRoleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createRole(caller(ctx), {
        ...input,
        parentId: input.parentId ? decodeGlobalIdOf(input.parentId, 'Role', 'parentId') : null,
      });
      return prisma.role.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRole: t.prismaField({
    type: Role,
    authScopes: { permission: 'role:manage' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateRoleInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateRole(caller(ctx), decodeGlobalIdOf(args.id, 'Role', 'id'), {
        ...args.input,
        parentId: args.input.parentId ? decodeGlobalIdOf(args.input.parentId, 'Role', 'parentId') : null,
      });
      return prisma.role.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRole: t.field({
    type: DeletedRole,
    authScopes: { permission: 'role:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const role = await deleteRole(caller(ctx), decodeGlobalIdOf(args.id, 'Role', 'id'));
      return { id: args.id, name: role.name };
    },
  }),
  setRolePermissions: t.prismaField({
    type: Role,
    authScopes: { permission: 'role:manage' },
    args: {
      roleId: t.arg.id({ required: true }),
      permissionKeys: t.arg.stringList({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await setRolePermissions(
        caller(ctx),
        decodeGlobalIdOf(args.roleId, 'Role', 'roleId'),
        args.permissionKeys,
      );
      return prisma.role.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
