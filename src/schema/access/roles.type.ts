import { permissionsOfRole } from '../../auth/permissions.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';

export const Permission = builder.prismaNode('Permission', {
  id: { field: 'id' },
  // node(id) of a row that does not exist (or no longer does) is null, not an error.
  nullable: true,
  // Permission keys describe the system, not anyone's data: signed-in callers may read them.
  authScopes: { authenticated: true },
  fields: (t) => ({
    key: t.exposeString('key'),
    description: t.exposeString('description'),
  }),
});

export const Role = builder.prismaNode('Role', {
  id: { field: 'id' },
  // node(id) of a row that does not exist (or no longer does) is null, not an error.
  nullable: true,
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    isSystem: t.exposeBoolean('isSystem'),
    parent: t.relation('parent', { nullable: true }),
    permissions: t.field({
      type: [Permission],
      description: "The role's own permissions; effectivePermissions adds the inherited ones",
      select: { permissions: { select: { permission: true } } },
      resolve: (role) => role.permissions.map((link) => link.permission).sort((a, b) => a.key.localeCompare(b.key)),
    }),
    effectivePermissions: t.stringList({
      description: 'Every permission key the role holds, its own and inherited ones',
      select: { id: true },
      resolve: async (role) => [...(await permissionsOfRole(role.id))].sort(),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  roles: t.prismaField({
    type: [Role],
    nullable: false,
    authScopes: { authenticated: true },
    resolve: (query) => prisma.role.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
  permissions: t.prismaField({
    type: [Permission],
    nullable: false,
    authScopes: { authenticated: true },
    resolve: (query) => prisma.permission.findMany({ ...query, orderBy: { key: 'asc' } }),
  }),
}));
