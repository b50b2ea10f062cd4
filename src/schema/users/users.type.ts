import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { readableWhere } from '../content/content-query.js';
import { pageSize } from '../pagination.js';

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  // node(id) of a row that does not exist (or no longer does) is null, not an error.
  nullable: true,
  // Names of staff are shown as content authors; everything personal is guarded per field.
  authScopes: { public: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    // Login data: the user themself, or holders of user:read.
    email: t.exposeString('email', {
      nullable: true,
      authScopes: (user) => ({ $any: { self: user.id, permission: 'user:read' } }),
    }),
    lastLoginAt: t.expose('lastLoginAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: (user) => ({ $any: { self: user.id, permission: 'user:read' } }),
    }),
    isActive: t.exposeBoolean('isActive', {
      nullable: true,
      authScopes: (user) => ({ $any: { self: user.id, permission: 'user:read' } }),
    }),
    role: t.relation('role', {
      nullable: true,
      authScopes: (user) => ({ $any: { self: user.id, permission: 'user:read' } }),
    }),
    posts: t.relatedConnection(
      'posts',
      {
        cursor: 'id',
        ...pageSize,
        totalCount: true,
        description: 'Their published posts (with preview: what the caller may see), newest first',
        query: (_args, ctx) => ({ where: readableWhere(ctx), orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] }),
      },
      { name: 'UserPostsConnection' },
      { name: 'UserPostsEdge' },
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: (user) => ({ $any: { self: user.id, permission: 'user:read' } }),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: User,
    nullable: true,
    description: 'The signed-in user, or null for the anonymous visitor and API tokens',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer.kind === 'user' ? prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
  users: t.prismaConnection(
    {
      type: User,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'user:read' },
      args: {
        isActive: t.arg.boolean(),
        search: t.arg.string({ description: 'Matches name or email (case-insensitive)' }),
      },
      totalCount: (_parent, args) => prisma.user.count({ where: userWhere(args) }),
      resolve: (query, _root, args) =>
        prisma.user.findMany({ ...query, where: userWhere(args), orderBy: { id: 'asc' } }),
    },
    { name: 'UserConnection' },
    { name: 'UserEdge' },
  ),
}));

function userWhere(args: { isActive?: boolean | null; search?: string | null }) {
  const search = args.search?.trim();
  return {
    ...(args.isActive == null ? {} : { isActive: args.isActive }),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: 'insensitive' as const } },
            { email: { contains: search.toLowerCase() } },
          ],
        }
      : {}),
  };
}
