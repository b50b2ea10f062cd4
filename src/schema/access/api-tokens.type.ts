import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { pageSize } from '../pagination.js';

export const ApiToken = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  // node(id) of a row that does not exist (or no longer does) is null, not an error.
  nullable: true,
  authScopes: { permission: 'apitoken:manage' },
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to recognise it' }),
    role: t.relation('role'),
    createdBy: t.relation('createdBy', { nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    isActive: t.boolean({
      select: { revokedAt: true, expiresAt: true },
      resolve: (token) => !token.revokedAt && (!token.expiresAt || token.expiresAt > new Date()),
    }),
  }),
});

builder.queryFields((t) => ({
  apiTokens: t.prismaConnection(
    {
      type: ApiToken,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'apitoken:manage' },
      args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
      totalCount: (_parent, args) => prisma.apiToken.count({ where: args.includeRevoked ? {} : { revokedAt: null } }),
      resolve: (query, _root, args) =>
        prisma.apiToken.findMany({
          ...query,
          where: args.includeRevoked ? {} : { revokedAt: null },
          orderBy: { id: 'asc' },
        }),
    },
    { name: 'ApiTokenConnection' },
    { name: 'ApiTokenEdge' },
  ),
}));
