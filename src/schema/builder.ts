/**
 * The one SchemaBuilder: plugins, options, scalars, root types. It defines no domain types; each
 * domain folder adds its types and root fields (see schema/index.ts).
 */
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import type { PermissionKey } from '../auth/permissions.js';
import { config } from '../config/env.js';
import type { Context } from '../context.js';
import { prisma } from '../db/client.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';

export interface AuthScopes {
  /** Anyone, the anonymous visitor included. */
  public: boolean;
  /** A signed-in user or an API token. */
  authenticated: boolean;
  /** A signed-in user (not an API token): for one's own account and sessions. */
  user: boolean;
  /** Holds this permission (directly or through the role's parents). */
  permission: PermissionKey;
  /** Is this user (by id). */
  self: string;
  /** Is the author of the item (by author id). */
  owner: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  // Non-null unless a field says otherwise; fields that access rules may hide are nullable.
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      public: true,
      authenticated: ctx.viewer.kind !== 'anonymous',
      user: ctx.viewer.kind === 'user',
      permission: (key) => ctx.permissions.has(key),
      self: (userId) => ctx.viewer.kind === 'user' && ctx.viewer.userId === userId,
      owner: (authorId) => ctx.viewer.kind === 'user' && ctx.viewer.userId === authorId,
    }),
    // Signing in could help the anonymous visitor; an authenticated caller is simply not allowed.
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer.kind === 'anonymous'
        ? new UnauthenticatedError(ctx.authRejection ? 'Invalid or expired credentials.' : 'Authentication required.')
        : new ForbiddenError(),
  },
  prisma: {
    client: () => prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // Every prismaField/prismaConnection resolver must spread `...query`, or nested selections
    // would cost one query per row: fail loudly outside production.
    onUnusedQuery: config.isProduction ? null : 'error',
    maxConnectionSize: 100,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: { nullable: true },
    nodesQueryOptions: { nullable: { list: false, items: true } },
  },
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError('DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T09:00:00Z', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time with a time zone offset, e.g. 2026-01-31T09:00:00Z',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({});
builder.mutationType({});
