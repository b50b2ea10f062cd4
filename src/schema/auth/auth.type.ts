import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { User } from '../users/users.type.js';

export interface AuthPayloadShape {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
  userId: string;
}

export const AuthPayload = builder.objectRef<AuthPayloadShape>('AuthPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    refreshToken: t.exposeString('refreshToken'),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime' }),
    refreshTokenExpiresAt: t.expose('refreshTokenExpiresAt', { type: 'DateTime' }),
    user: t.prismaField({
      type: User,
      resolve: (query, payload) => prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
  }),
});

export const Session = builder.prismaNode('Session', {
  id: { field: 'id' },
  // node(id) of a row that does not exist (or no longer does) is null, not an error.
  nullable: true,
  // Only the owner of a session may see it (node(id) included).
  authScopes: (session) => ({ self: session.userId }),
  select: { userId: true },
  fields: (t) => ({
    userAgent: t.exposeString('userAgent'),
    ip: t.exposeString('ip'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    isCurrent: t.boolean({
      select: { id: true },
      resolve: (session, _args, ctx) => ctx.viewer.kind === 'user' && ctx.viewer.sessionId === session.id,
    }),
  }),
});

builder.queryFields((t) => ({
  mySessions: t.prismaField({
    type: [Session],
    description: "The signed-in user's live sessions, most recently used first",
    authScopes: { user: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer.kind !== 'user'
        ? []
        : prisma.session.findMany({
            ...query,
            where: { userId: ctx.viewer.userId, revokedAt: null, expiresAt: { gt: new Date() } },
            orderBy: { lastUsedAt: 'desc' },
            take: 100,
          }),
  }),
}));
