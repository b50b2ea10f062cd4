import { describe, expect, it } from 'vitest';
import { hashPassword, passwordPolicyViolation, verifyPassword } from '../../src/auth/password.js';

describe('password policy (ASVS 5.0)', () => {
  it('accepts 10 to 64 characters with no composition rules', () => {
    expect(passwordPolicyViolation('plain lowercase words')).toBeNull();
    expect(passwordPolicyViolation('x'.repeat(9))).toMatch(/at least 10/);
    expect(passwordPolicyViolation('x'.repeat(64))).toBeNull();
    expect(passwordPolicyViolation('x'.repeat(65))).toMatch(/at most 64/);
  });

  it('counts characters, not bytes', () => {
    expect(passwordPolicyViolation('😀'.repeat(10))).toBeNull();
    expect(passwordPolicyViolation('😀'.repeat(65))).toMatch(/at most 64/);
  });

  it('refuses the email and common passwords', () => {
    expect(passwordPolicyViolation('Jane.Doe@example.org', 'jane.doe@example.org')).toMatch(/email/);
    expect(passwordPolicyViolation('jane.doe.x', 'jane.doe.x@example.org')).toMatch(/email/);
    expect(passwordPolicyViolation('password123')).toMatch(/common/);
    expect(passwordPolicyViolation('1234567890')).toMatch(/common/);
  });
});

describe('password hashing', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$2[aby]\$04\$/); // cost 4 under NODE_ENV=test
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('does not truncate at bcrypt’s 72 bytes', async () => {
    const long = 'é'.repeat(60); // 120 bytes
    const differsLate = `${'é'.repeat(59)}e`;
    const hash = await hashPassword(long);
    expect(hash.startsWith('sha256$')).toBe(true);
    expect(await verifyPassword(long, hash)).toBe(true);
    expect(await verifyPassword(differsLate, hash)).toBe(false);
    // The same first 72 bytes with a different tail must fail too.
    const asciiLong = `${'a'.repeat(72)}tail-one`;
    const asciiHash = await hashPassword(asciiLong);
    expect(await verifyPassword(`${'a'.repeat(72)}tail-two`, asciiHash)).toBe(false);
  });

  it('treats NFC and NFD spellings as the same password', async () => {
    const nfc = 'café au lait, s’il vous plaît'.normalize('NFC');
    const hash = await hashPassword(nfc);
    expect(await verifyPassword(nfc.normalize('NFD'), hash)).toBe(true);
  });
});
