import { prisma } from '../../db/client.js';
import { createApiToken, revokeApiToken } from '../auth/auth.service.js';
import { assertOncePerRequest } from '../auth/sensitive.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { ApiToken } from './api-tokens.type.js';

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    roleId: t.id({ required: true }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
  }),
});

const CreatedApiToken = builder.objectRef<{ token: string; apiTokenId: string }>('CreatedApiToken').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The secret. Shown this once; only its digest is stored.' }),
    apiToken: t.prismaField({
      type: ApiToken,
      resolve: (query, created) => prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: created.apiTokenId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiToken,
    authScopes: { permission: 'apitoken:manage' },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      assertOncePerRequest(ctx, 'createApiToken');
      return createApiToken(ctx, ctx.viewer, ctx.permissions, {
        name: input.name,
        roleId: decodeGlobalIdOf(input.roleId, 'Role', 'roleId'),
        expiresAt: input.expiresAt,
      });
    },
  }),
  revokeApiToken: t.prismaField({
    type: ApiToken,
    authScopes: { permission: 'apitoken:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await revokeApiToken(ctx, ctx.viewer, ctx.permissions, decodeGlobalIdOf(args.id, 'ApiToken', 'id'));
      return prisma.apiToken.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
