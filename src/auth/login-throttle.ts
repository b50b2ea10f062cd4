/**
 * Login throttling that holds under concurrent bursts and tells nobody which emails exist.
 *
 * Attempts are *reserved* synchronously before any await (password check, database), so twenty
 * parallel guesses cannot all pass a check made before the first one is counted:
 * - per email (known or not): at most LOGIN_MAX_FAILURES attempts per window, then locked for
 *   LOGIN_LOCKOUT_SECONDS; a success releases the reservation and clears the count;
 * - per client address: at most LOGIN_IP_MAX_ATTEMPTS failed attempts per window.
 * These counters live in this process. Known accounts are also locked in the database
 * (recordAccountFailure), which survives restarts and is shared by every process.
 */
import { LRUCache } from 'lru-cache';
import { config } from '../config/env.js';
import { prisma } from '../db/client.js';

interface Counter {
  count: number;
  firstAt: number;
  lockedUntil: number;
}

class AttemptLimiter {
  private readonly counters = new LRUCache<string, Counter>({ max: 100_000, ttl: 24 * 3600_000 });

  constructor(
    private readonly max: () => number,
    private readonly windowMs: () => number,
    private readonly lockMs: () => number,
  ) {}

  /** Seconds to wait (refused), or 0 after counting this attempt. Never awaits. */
  reserve(key: string, now = Date.now()): number {
    let c = this.counters.get(key);
    if (c && c.lockedUntil > now) return (c.lockedUntil - now) / 1000;
    if (!c || now - c.firstAt > this.windowMs()) {
      c = { count: 0, firstAt: now, lockedUntil: 0 };
      this.counters.set(key, c);
    }
    if (c.count >= this.max()) {
      c.lockedUntil = now + this.lockMs();
      return this.lockMs() / 1000;
    }
    c.count += 1;
    return 0;
  }

  /** After a success: the attempt does not count. */
  release(key: string): void {
    const c = this.counters.get(key);
    if (c && c.count > 0) c.count -= 1;
  }

  /** After a failure: seconds of the lock this failure started, or 0. */
  failed(key: string, now = Date.now()): number {
    const c = this.counters.get(key);
    if (!c || c.count < this.max()) return 0;
    c.lockedUntil = Math.max(c.lockedUntil, now + this.lockMs());
    return (c.lockedUntil - now) / 1000;
  }

  reset(key: string): void {
    this.counters.delete(key);
  }
}

/** Per email address, known or not (same behaviour for both: no enumeration). */
export const emailLimiter = new AttemptLimiter(
  () => config.auth.loginMaxFailures,
  () => config.auth.loginFailureWindowSeconds * 1000,
  () => config.auth.loginLockoutSeconds * 1000,
);

/** Per client address; locked only until its window ends. */
export const ipLimiter = new AttemptLimiter(
  () => config.auth.loginIpMaxAttempts,
  () => config.auth.loginIpWindowSeconds * 1000,
  () => config.auth.loginIpWindowSeconds * 1000,
);

/**
 * Counts a failure on a real account in the database (one statement per step, safe under
 * concurrent attempts and shared by every process); locks the account when the count reaches
 * the limit within the window. Returns the lock's seconds, or 0.
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
