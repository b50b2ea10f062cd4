/**
 * Sessions and credentials: login, refresh-token rotation with reuse detection, logout,
 * password change, API tokens. Knows no GraphQL; takes the caller's RequestMeta and Viewer.
 */
import { recordAudit } from '../../auth/audit.js';
import { emailLimiter, ipLimiter, recordAccountFailure } from '../../auth/login-throttle.js';
import { dummyPasswordHash, hashPassword, passwordPolicyViolation, verifyPassword } from '../../auth/password.js';
import { assertHoldsRole } from '../../auth/permissions.js';
import { newApiTokenSecret, sha256, signToken, TokenRejectedError, verifyToken } from '../../auth/tokens.js';
import { invalidatePrincipals, type RequestMeta, type Viewer } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
  userId: string;
  sessionId: string;
}

const INVALID_LOGIN = 'Invalid email or password.';
const INVALID_REFRESH = 'Invalid or expired refresh token.';
/** A second use of a refresh token this soon after the first is a client race, not a theft. */
const REFRESH_RACE_GRACE_MS = 2_000;

export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

async function issuePair(
  db: Prisma.TransactionClient,
  userId: string,
  sessionId: string,
): Promise<Omit<AuthResult, 'userId' | 'sessionId'>> {
  const access = await signToken('access', userId, sessionId);
  const refresh = await signToken('refresh', userId, sessionId);
  await db.refreshToken.create({
    data: { sessionId, jtiHash: sha256(refresh.jti), expiresAt: refresh.expiresAt },
  });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
  };
}

/**
 * Same message and similar work for an unknown email, a wrong password and an inactive account
 * (a dummy hash is compared when there is no user), so neither text nor timing tells them apart.
 */
export async function login(meta: RequestMeta, emailInput: string, password: string): Promise<AuthResult> {
  const email = normaliseEmail(emailInput);
  const locked = (seconds: number) =>
    new RateLimitedError(seconds, 'This account is temporarily locked after repeated failed logins.');

  // Reserved before any await: a parallel burst is counted attempt by attempt.
  const ipWait = ipLimiter.reserve(meta.ip);
  if (ipWait > 0) {
    await recordAudit(meta, { action: 'auth.login', outcome: 'failure', details: { reason: 'ip_throttled' } });
    throw new RateLimitedError(ipWait, 'Too many failed logins from this address.');
  }
  const emailWait = emailLimiter.reserve(email);
  if (emailWait > 0) {
    ipLimiter.release(meta.ip); // refused unchecked: not a guess from this address
    const target = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    await recordAudit(meta, {
      action: 'auth.login',
      outcome: 'failure',
      targetType: target ? 'User' : undefined,
      targetId: target?.id,
      details: { reason: 'locked' },
    });
    throw locked(emailWait);
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true, lockedUntil: true },
  });
  if (user?.lockedUntil && user.lockedUntil > new Date()) {
    ipLimiter.release(meta.ip);
    emailLimiter.release(email);
    await recordAudit(meta, {
      action: 'auth.login',
      outcome: 'failure',
      targetType: 'User',
      targetId: user.id,
      details: { reason: 'locked' },
    });
    throw locked((user.lockedUntil.getTime() - Date.now()) / 1000);
  }

  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || !user.isActive) {
    const lockedFor = Math.max(emailLimiter.failed(email), user ? await recordAccountFailure(user.id) : 0);
    ipLimiter.failed(meta.ip);
    await recordAudit(meta, {
      action: 'auth.login',
      outcome: 'failure',
      targetType: user ? 'User' : undefined,
      targetId: user?.id,
      details: { reason: !user ? 'unknown_email' : !matches ? 'wrong_password' : 'inactive_user' },
    });
    if (lockedFor > 0) {
      await recordAudit(meta, {
        action: 'auth.lockout',
        outcome: 'failure',
        targetType: user ? 'User' : undefined,
        targetId: user?.id,
        details: { seconds: Math.round(lockedFor) },
      });
      throw locked(lockedFor);
    }
    throw new UnauthenticatedError(INVALID_LOGIN);
  }
  ipLimiter.release(meta.ip);
  emailLimiter.reset(email);

  return prisma.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: { lastLoginAt: now, failedLoginCount: 0, firstFailedLoginAt: null, lockedUntil: null },
    });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        userAgent: meta.userAgent.slice(0, 512),
        ip: meta.ip,
        expiresAt: new Date(now.getTime() + config.auth.refreshTokenTtlSeconds * 1000),
      },
    });
    const pair = await issuePair(tx, user.id, session.id);
    await recordAudit(
      meta,
      { action: 'auth.login', actorUserId: user.id, targetType: 'Session', targetId: session.id },
      tx,
    );
    return { ...pair, userId: user.id, sessionId: session.id };
  });
}

async function revokeSessions(
  db: Prisma.TransactionClient,
  where: Prisma.SessionWhereInput,
  reason: string,
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

/** Verifies a refresh token's signature and claims; audits and refuses a bad one. */
async function refreshClaims(meta: RequestMeta, token: string) {
  try {
    return await verifyToken(token, 'refresh');
  } catch (error) {
    if (!(error instanceof TokenRejectedError)) throw error;
    await recordAudit(meta, {
      action: 'auth.token_rejected',
      outcome: 'failure',
      details: { reason: error.reason, tokenType: 'refresh' },
    });
    throw new UnauthenticatedError(INVALID_REFRESH);
  }
}

/**
 * Rotation: the presented refresh token is consumed (exactly once, by a conditional update) and
 * a new pair is issued in the same session. A token that was already consumed is treated as
 * stolen: the whole session (token family) is revoked and the event audited.
 */
export async function refreshSession(meta: RequestMeta, token: string): Promise<AuthResult> {
  const claims = await refreshClaims(meta, token);
  const jtiHash = sha256(claims.jti);
  const outcome = await prisma.$transaction(async (tx) => {
    const record = await tx.refreshToken.findUnique({
      where: { jtiHash },
      select: {
        id: true,
        sessionId: true,
        session: { select: { userId: true, revokedAt: true, expiresAt: true, user: { select: { isActive: true } } } },
      },
    });
    if (!record || record.sessionId !== claims.sid || record.session.userId !== claims.sub) {
      return { kind: 'invalid' as const, reason: 'unknown_token' };
    }
    const consumed = await tx.refreshToken.updateMany({
      where: { id: record.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (consumed.count === 0) {
      // Lost a race with a concurrent refresh of the same token (two tabs): refuse this one but
      // keep the session, or the winner's fresh pair would die with it. Later replays are theft.
      const used = await tx.refreshToken.findUnique({ where: { id: record.id }, select: { usedAt: true } });
      if (used?.usedAt && Date.now() - used.usedAt.getTime() < REFRESH_RACE_GRACE_MS) {
        return { kind: 'invalid' as const, reason: 'concurrent_refresh' };
      }
      await revokeSessions(tx, { id: record.sessionId }, 'refresh_token_reuse');
      await recordAudit(
        meta,
        {
          action: 'auth.refresh_reuse',
          outcome: 'failure',
          actorUserId: record.session.userId,
          targetType: 'Session',
          targetId: record.sessionId,
        },
        tx,
      );
      return { kind: 'reuse' as const };
    }
    const { session } = record;
    if (session.revokedAt || session.expiresAt < new Date() || !session.user.isActive) {
      const reason = session.revokedAt
        ? 'session_revoked'
        : !session.user.isActive
          ? 'user_inactive'
          : 'session_expired';
      return { kind: 'invalid' as const, reason };
    }
    await tx.session.update({ where: { id: record.sessionId }, data: { lastUsedAt: new Date() } });
    const pair = await issuePair(tx, session.userId, record.sessionId);
    return { kind: 'ok' as const, result: { ...pair, userId: session.userId, sessionId: record.sessionId } };
  });
  if (outcome.kind === 'ok') return outcome.result;
  if (outcome.kind === 'reuse') invalidatePrincipals();
  else {
    await recordAudit(meta, {
      action: 'auth.token_rejected',
      outcome: 'failure',
      details: { reason: outcome.reason, tokenType: 'refresh' },
    });
  }
  throw new UnauthenticatedError(INVALID_REFRESH);
}

/** Ends the session the refresh token belongs to. */
export async function logout(meta: RequestMeta, token: string): Promise<boolean> {
  const claims = await refreshClaims(meta, token);
  const record = await prisma.refreshToken.findUnique({
    where: { jtiHash: sha256(claims.jti) },
    select: { sessionId: true, session: { select: { userId: true } } },
  });
  if (!record || record.sessionId !== claims.sid) throw new UnauthenticatedError(INVALID_REFRESH);
  await revokeSessions(prisma, { id: record.sessionId }, 'logout');
  invalidatePrincipals();
  await recordAudit(meta, {
    action: 'auth.logout',
    actorUserId: record.session.userId,
    targetType: 'Session',
    targetId: record.sessionId,
  });
  return true;
}

function requireUser(viewer: Viewer): Extract<Viewer, { kind: 'user' }> {
  if (viewer.kind !== 'user') throw new UnauthenticatedError();
  return viewer;
}

export async function logoutEverywhere(meta: RequestMeta, viewer: Viewer): Promise<boolean> {
  const user = requireUser(viewer);
  const count = await revokeSessions(prisma, { userId: user.userId }, 'logout_everywhere');
  invalidatePrincipals();
  await recordAudit(meta, {
    action: 'auth.logout_everywhere',
    actor: viewer,
    targetType: 'User',
    targetId: user.userId,
    details: { sessions: count },
  });
  return true;
}

/** Ends one of the viewer's own sessions (hidden sessions of others read as NOT_FOUND). */
export async function endSession(meta: RequestMeta, viewer: Viewer, sessionId: string): Promise<boolean> {
  const user = requireUser(viewer);
  const count = await revokeSessions(prisma, { id: sessionId, userId: user.userId }, 'ended_by_user');
  if (count === 0) {
    const exists = await prisma.session.findFirst({
      where: { id: sessionId, userId: user.userId },
      select: { id: true },
    });
    if (!exists) throw new NotFoundError('Session');
    return true; // already ended
  }
  invalidatePrincipals();
  await recordAudit(meta, { action: 'auth.session_ended', actor: viewer, targetType: 'Session', targetId: sessionId });
  return true;
}

/** Changes the viewer's password and ends every other session. */
export async function changePassword(
  meta: RequestMeta,
  viewer: Viewer,
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  const me = requireUser(viewer);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: me.userId },
    select: { email: true, passwordHash: true, lockedUntil: true },
  });
  // A stolen access token must not give unlimited guesses at the password: the same counters
  // and lock as login.
  const wait = Math.max(
    emailLimiter.reserve(user.email),
    user.lockedUntil && user.lockedUntil > new Date() ? (user.lockedUntil.getTime() - Date.now()) / 1000 : 0,
  );
  if (wait > 0) throw new RateLimitedError(wait, 'This account is temporarily locked after repeated failed attempts.');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    const lockedFor = Math.max(emailLimiter.failed(user.email), await recordAccountFailure(me.userId));
    await recordAudit(meta, {
      action: 'auth.password_change',
      outcome: 'failure',
      actor: viewer,
      targetType: 'User',
      targetId: me.userId,
      details: { reason: 'wrong_current_password' },
    });
    if (lockedFor > 0) {
      throw new RateLimitedError(lockedFor, 'This account is temporarily locked after repeated failed attempts.');
    }
    throw new ValidationError({ currentPassword: 'is not correct' });
  }
  emailLimiter.release(user.email);
  const problem = passwordPolicyViolation(newPassword, user.email);
  if (problem) throw new ValidationError({ newPassword: problem });
  if (await verifyPassword(newPassword, user.passwordHash)) {
    throw new ValidationError({ newPassword: 'must differ from the current password' });
  }
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await revokeSessions(tx, { userId: me.userId, id: { not: me.sessionId } }, 'password_changed');
    await recordAudit(
      meta,
      {
        action: 'auth.password_change',
        actor: viewer,
        targetType: 'User',
        targetId: me.userId,
        details: { sessionsEnded: ended },
      },
      tx,
    );
  });
  invalidatePrincipals();
  return true;
}

/** A role's permissions must be within the granter's: no one hands out more than they hold. */
export async function assertCanGrantRole(viewerPermissions: ReadonlySet<string>, roleId: string): Promise<void> {
  const role = await prisma.role.findUnique({ where: { id: roleId }, select: { id: true } });
  if (!role) throw new ValidationError({ roleId: 'does not name an existing role' });
  await assertHoldsRole(viewerPermissions, roleId);
}

export async function createApiToken(
  meta: RequestMeta,
  viewer: Viewer,
  viewerPermissions: ReadonlySet<string>,
  input: { name: string; roleId: string; expiresAt?: Date | null },
) {
  const fields: Record<string, string> = {};
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) fields.name = 'must be 1 to 100 characters';
  if (input.expiresAt && input.expiresAt <= new Date()) fields.expiresAt = 'must be in the future';
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  await assertCanGrantRole(viewerPermissions, input.roleId);
  const secret = newApiTokenSecret();
  const apiToken = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name,
        roleId: input.roleId,
        tokenHash: sha256(secret),
        prefix: secret.slice(0, 10),
        expiresAt: input.expiresAt ?? null,
        createdById: viewer.kind === 'user' ? viewer.userId : viewer.kind === 'apiToken' ? viewer.createdById : null,
      },
    });
    await recordAudit(
      meta,
      {
        action: 'apitoken.create',
        actor: viewer,
        targetType: 'ApiToken',
        targetId: created.id,
        details: { name, roleId: input.roleId },
      },
      tx,
    );
    return created;
  });
  return { token: secret, apiTokenId: apiToken.id };
}

export async function revokeApiToken(
  meta: RequestMeta,
  viewer: Viewer,
  viewerPermissions: ReadonlySet<string>,
  id: string,
) {
  const token = await prisma.apiToken.findUnique({
    where: { id },
    select: { id: true, revokedAt: true, roleId: true },
  });
  if (!token) throw new NotFoundError('API token');
  await assertHoldsRole(viewerPermissions, token.roleId);
  if (!token.revokedAt) {
    await prisma.$transaction(async (tx) => {
      await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
      await recordAudit(meta, { action: 'apitoken.revoke', actor: viewer, targetType: 'ApiToken', targetId: id }, tx);
    });
    invalidatePrincipals();
  }
  return id;
}
