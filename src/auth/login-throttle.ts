/**
 * Login throttling that a client cannot use to learn which emails exist:
 * - per account: failures counted in the User row (atomic SQL), locked after the configured
 *   number within the window; unknown emails get the same treatment from an in-memory counter;
 * - per IP: failed attempts within a window (in memory; one process. A multi-process deployment
 *   should put this behind its proxy's rate limiter as well).
 */
import { LRUCache } from 'lru-cache';
import { config } from '../config/env.js';
import { prisma } from '../db/client.js';

interface Counter {
  count: number;
  firstAt: number;
  lockedUntil?: number;
}

const windowMs = () => config.auth.loginFailureWindowSeconds * 1000;
const lockMs = () => config.auth.loginLockoutSeconds * 1000;

const unknownEmailFailures = new LRUCache<string, Counter>({ max: 100_000, ttl: 24 * 3600_000 });
const ipFailures = new LRUCache<string, Counter>({ max: 100_000, ttl: 24 * 3600_000 });

/** Seconds until this IP may try again, or 0. */
export function ipRetryAfter(ip: string, now = Date.now()): number {
  const c = ipFailures.get(ip);
  if (!c || now - c.firstAt > config.auth.loginIpWindowSeconds * 1000) return 0;
  if (c.count < config.auth.loginIpMaxAttempts) return 0;
  return (c.firstAt + config.auth.loginIpWindowSeconds * 1000 - now) / 1000;
}

export function recordIpFailure(ip: string, now = Date.now()): void {
  const c = ipFailures.get(ip);
  if (!c || now - c.firstAt > config.auth.loginIpWindowSeconds * 1000) ipFailures.set(ip, { count: 1, firstAt: now });
  else c.count += 1;
}

/** Seconds until an unknown email's lock ends, or 0 (same rule as for real accounts). */
export function unknownEmailRetryAfter(email: string, now = Date.now()): number {
  const until = unknownEmailFailures.get(email)?.lockedUntil ?? 0;
  return until > now ? (until - now) / 1000 : 0;
}

/** Counts a failure for an email without an account; returns the new lock's seconds, or 0. */
export function recordUnknownEmailFailure(email: string, now = Date.now()): number {
  let c = unknownEmailFailures.get(email);
  if (!c || now - c.firstAt > windowMs()) {
    c = { count: 0, firstAt: now };
    unknownEmailFailures.set(email, c);
  }
  c.count += 1;
  if (c.count >= config.auth.loginMaxFailures) {
    c.lockedUntil = now + lockMs();
    c.count = 0;
    c.firstAt = now;
    return lockMs() / 1000;
  }
  return 0;
}

/**
 * Counts a failure on a real account in one statement (safe under concurrent attempts); locks it
 * when the count reaches the limit within the window. Returns the lock's seconds, or 0.
 */
export async function recordAccountFailure(userId: string): Promise<number> {
  const windowSeconds = config.auth.loginFailureWindowSeconds;
  await prisma.$executeRaw`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "firstFailedLoginAt" > now() - make_interval(secs => ${windowSeconds})
                                THEN "failedLoginCount" + 1 ELSE 1 END,
      "firstFailedLoginAt" = CASE WHEN "firstFailedLoginAt" > now() - make_interval(secs => ${windowSeconds})
                                THEN "firstFailedLoginAt" ELSE now() END
    WHERE id = ${userId}::uuid`;
  const locked = await prisma.$queryRaw<Array<{ lockedUntil: Date | null }>>`
    UPDATE "User" SET "lockedUntil" = now() + make_interval(secs => ${config.auth.loginLockoutSeconds}),
                      "failedLoginCount" = 0, "firstFailedLoginAt" = NULL
    WHERE id = ${userId}::uuid AND "failedLoginCount" >= ${config.auth.loginMaxFailures}
    RETURNING "lockedUntil"`;
  const until = locked[0]?.lockedUntil;
  return until ? (until.getTime() - Date.now()) / 1000 : 0;
}
