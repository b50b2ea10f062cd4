/**
 * Passwords: bcryptjs (async, so hashing never blocks the event loop) with the configured cost,
 * and a policy after OWASP ASVS 5.0 (length 10-64, no composition rules, not the email, not a
 * common password).
 */

import { dictionary } from '@zxcvbn-ts/language-common';
import bcrypt from 'bcryptjs';
import { config } from '../config/env.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 64;
/** bcrypt reads only 72 bytes of its input. */
const BCRYPT_MAX_BYTES = 72;

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);

/**
 * Returns the broken rule's message, or null. Length counts Unicode code points, after NFC
 * normalisation (so the same password typed on two keyboards is the same).
 */
export function passwordPolicyViolation(password: string, email?: string): string | null {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = normalised.toLowerCase();
  if (email) {
    const address = email.trim().toLowerCase();
    if (lower === address || lower === address.split('@')[0]) return 'must not be your email address';
  }
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords; choose another';
  return null;
}

/**
 * bcrypt silently ignores bytes past 72, and 64 non-ASCII characters can be up to 256 bytes.
 * Such passwords are pre-hashed (SHA-256, base64: 44 bytes) so every byte counts; the prefix in
 * the stored hash records the choice.
 */
const PREHASH_PREFIX = 'sha256$';

async function bcryptInput(password: string): Promise<{ input: string; prehashed: boolean }> {
  const normalised = password.normalize('NFC');
  if (Buffer.byteLength(normalised, 'utf8') <= BCRYPT_MAX_BYTES) return { input: normalised, prehashed: false };
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  return { input: Buffer.from(digest).toString('base64'), prehashed: true };
}

export async function hashPassword(password: string): Promise<string> {
  const { input, prehashed } = await bcryptInput(password);
  const hash = await bcrypt.hash(input, config.auth.bcryptCost);
  return prehashed ? `${PREHASH_PREFIX}${hash}` : hash;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { input, prehashed } = await bcryptInput(password);
  const isPrehashed = stored.startsWith(PREHASH_PREFIX);
  const hash = isPrehashed ? stored.slice(PREHASH_PREFIX.length) : stored;
  const matches = await bcrypt.compare(input, hash);
  return matches && prehashed === isPrehashed;
}

/** Compared against when the email is unknown, so both failures take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= bcrypt.hash('dummy password for timing equalisation', config.auth.bcryptCost);
  return dummyHash;
}
