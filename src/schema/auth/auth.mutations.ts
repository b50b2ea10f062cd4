import { RequestCache } from '@pothos/plugin-scope-auth';
import { permissionsOfRole } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import {
  type AuthResult,
  changePassword,
  endSession,
  login,
  logout,
  logoutEverywhere,
  refreshSession,
} from './auth.service.js';
import { AuthPayload, Session } from './auth.type.js';
import { assertOncePerRequest } from './sensitive.js';

/** The rest of this request (the payload's `user { email role }`) is read as the signed-in user. */
async function actAs(ctx: Context, result: AuthResult) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { roleId: true } });
  ctx.viewer = { kind: 'user', userId: result.userId, sessionId: result.sessionId, roleId: user.roleId };
  ctx.permissions = await permissionsOfRole(user.roleId);
  // scope-auth caches the request's scopes (computed while anonymous): recompute for the new viewer.
  RequestCache.clearForContext(ctx);
}

builder.mutationFields((t) => ({
  login: t.field({
    type: AuthPayload,
    authScopes: { public: true },
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      assertOncePerRequest(ctx, 'login');
      const result = await login(ctx, args.email, args.password);
      await actAs(ctx, result);
      return result;
    },
  }),
  refreshSession: t.field({
    type: AuthPayload,
    authScopes: { public: true },
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      assertOncePerRequest(ctx, 'refreshSession');
      const result = await refreshSession(ctx, args.refreshToken);
      await actAs(ctx, result);
      return result;
    },
  }),
  logout: t.boolean({
    authScopes: { public: true },
    description: 'Ends the session of this refresh token',
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => logout(ctx, args.refreshToken),
  }),
  logoutEverywhere: t.boolean({
    authScopes: { user: true },
    description: 'Ends every session of the signed-in user, this one included',
    resolve: (_root, _args, ctx) => logoutEverywhere(ctx, ctx.viewer),
  }),
  changePassword: t.boolean({
    authScopes: { user: true },
    description: 'Changes the password and ends every other session',
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => {
      assertOncePerRequest(ctx, 'changePassword');
      return changePassword(ctx, ctx.viewer, args.currentPassword, args.newPassword);
    },
  }),
  endSession: t.boolean({
    authScopes: { user: true },
    description: "Ends one of the signed-in user's sessions",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => endSession(ctx, ctx.viewer, decodeGlobalIdOf(args.id, Session.name, 'id')),
  }),
}));
