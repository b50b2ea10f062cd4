/**
 * Authentication: turns the Authorization header into a Viewer, once per request. A missing or
 * refused credential gives the anonymous viewer (fields that need more answer UNAUTHENTICATED);
 * the refusal reason is kept for the audit log and the error message.
 */
import { LRUCache } from 'lru-cache';
import { config } from '../config/env.js';
import { prisma } from '../db/client.js';
import { logger } from '../logger.js';
import { API_TOKEN_PREFIX, sha256, TokenRejectedError, type TokenRejection, verifyToken } from './tokens.js';

export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; sessionId: string; roleId: string }
  | { kind: 'apiToken'; tokenId: string; roleId: string; createdById: string | null };

/** Where a request came from, for audit records and throttling. */
export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string;
}

/** Who asks, from where, holding what: what services take instead of the GraphQL context. */
export interface Caller {
  meta: RequestMeta;
  viewer: Viewer;
  permissions: ReadonlySet<string>;
}

export type AuthRejection = TokenRejection | 'session_revoked' | 'user_inactive' | 'api_token_invalid';

interface Principal {
  viewer: Viewer;
  rejection?: AuthRejection;
}

/**
 * Brief cache of what a credential resolves to, so a request costs no query for it; cleared on
 * every change that could revoke access (logout, deactivation, role change, token revocation).
 */
const principals = new LRUCache<string, Principal>({
  max: 50_000,
  ttl: Math.max(1, config.auth.principalCacheTtlMs),
});

/** Drops every cached principal: the next request of each credential is checked anew. */
export function invalidatePrincipals(): void {
  principals.clear();
}

const TOUCH_INTERVAL_MS = 60_000;
const lastTouched = new LRUCache<string, number>({ max: 50_000 });

/** Records last-used times at most once a minute per credential, off the request path. */
function touch(key: string, write: () => Promise<unknown>): void {
  const now = Date.now();
  if ((lastTouched.get(key) ?? 0) > now - TOUCH_INTERVAL_MS) return;
  lastTouched.set(key, now);
  write().catch((error: Error) => logger.warn({ err: error.message }, 'last-used update failed'));
}

async function fromAccessToken(token: string): Promise<Principal> {
  const claims = await verifyToken(token, 'access');
  const session = await prisma.session.findUnique({
    where: { id: claims.sid },
    select: { userId: true, revokedAt: true, expiresAt: true, user: { select: { isActive: true, roleId: true } } },
  });
  if (!session || session.userId !== claims.sub || session.revokedAt || session.expiresAt < new Date()) {
    return { viewer: { kind: 'anonymous' }, rejection: 'session_revoked' };
  }
  if (!session.user.isActive) return { viewer: { kind: 'anonymous' }, rejection: 'user_inactive' };
  touch(`s:${claims.sid}`, () =>
    prisma.session.update({ where: { id: claims.sid }, data: { lastUsedAt: new Date() } }),
  );
  return { viewer: { kind: 'user', userId: claims.sub, sessionId: claims.sid, roleId: session.user.roleId } };
}

async function fromApiToken(secret: string): Promise<Principal> {
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: sha256(secret) },
    select: { id: true, roleId: true, revokedAt: true, expiresAt: true, createdById: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) {
    return { viewer: { kind: 'anonymous' }, rejection: 'api_token_invalid' };
  }
  touch(`t:${token.id}`, () => prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } }));
  return { viewer: { kind: 'apiToken', tokenId: token.id, roleId: token.roleId, createdById: token.createdById } };
}

/** Resolves the Authorization header to a viewer (anonymous when absent or refused). */
export async function authenticate(authorization: string | null): Promise<Principal> {
  if (!authorization) return { viewer: { kind: 'anonymous' } };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return { viewer: { kind: 'anonymous' }, rejection: 'malformed' };
  const credential = match[1];
  // The cache is keyed by a digest, so no credential sits in memory longer than the request.
  const key = sha256(credential);
  const cached = principals.get(key);
  if (cached) return cached;
  let principal: Principal;
  try {
    principal = credential.startsWith(API_TOKEN_PREFIX)
      ? await fromApiToken(credential)
      : await fromAccessToken(credential);
  } catch (error) {
    if (!(error instanceof TokenRejectedError)) throw error;
    principal = { viewer: { kind: 'anonymous' }, rejection: error.reason };
  }
  // Only valid principals are cached at full TTL: a refused token is cheap to refuse again, and
  // an expired one must not be cached as valid.
  if (!principal.rejection) principals.set(key, principal);
  return principal;
}
