import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signToken, TokenRejectedError, verifyToken } from '../../src/auth/tokens.js';

const enc = (s: string) => new TextEncoder().encode(s);
const SECRET = 'test-secret-0123456789-0123456789-abcdef';

async function reason(token: string, type: 'access' | 'refresh' = 'access'): Promise<string> {
  try {
    await verifyToken(token, type);
    return 'accepted';
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
}

function claims() {
  return new SignJWT({ typ: 'access', sid: '00000000-0000-4000-8000-000000000000' })
    .setSubject('00000000-0000-4000-8000-000000000001')
    .setIssuer('ngo-content-api')
    .setAudience('ngo-content-api')
    .setIssuedAt()
    .setJti('j1');
}

describe('tokens', () => {
  it('round-trips an access token with every claim', async () => {
    const issued = await signToken('access', 'u1', 's1');
    const verified = await verifyToken(issued.token, 'access');
    expect(verified).toMatchObject({ sub: 'u1', sid: 's1', typ: 'access', jti: issued.jti });
    expect(verified.exp - verified.iat).toBe(900);
  });

  it('refuses the wrong type, none, tampering, other keys, expiry and bad claims', async () => {
    const refresh = await signToken('refresh', 'u1', 's1');
    expect(await reason(refresh.token, 'access')).toBe('wrong_type');
    const access = await signToken('access', 'u1', 's1');
    expect(await reason(access.token, 'refresh')).toBe('wrong_type');

    const none = new UnsecuredJWT({ typ: 'access', sid: 's1' })
      .setSubject('u1')
      .setJti('x')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    expect(await reason(none)).toBe('bad_algorithm');

    const [h, p, s] = access.token.split('.');
    const flipped = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await reason(flipped)).toBe('bad_signature');

    const otherKey = await claims()
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' })
      .setExpirationTime('1h')
      .sign(enc('another-secret-0123456789-0123456789-xyz'));
    expect(await reason(otherKey)).toBe('bad_signature');

    const unknownKid = await claims()
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'nope' })
      .setExpirationTime('1h')
      .sign(enc(SECRET));
    expect(await reason(unknownKid)).toBe('unknown_key');

    const hs512 = await claims()
      .setProtectedHeader({ alg: 'HS512', typ: 'at+jwt', kid: 'k1' })
      .setExpirationTime('1h')
      .sign(enc(SECRET));
    expect(await reason(hs512)).toBe('bad_algorithm');

    const expired = await claims()
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(enc(SECRET));
    expect(await reason(expired)).toBe('expired');

    const wrongAudience = await claims()
      .setAudience('someone-else')
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' })
      .setExpirationTime('1h')
      .sign(enc(SECRET));
    expect(await reason(wrongAudience)).toBe('bad_claims');

    expect(await reason('garbage')).toBe('malformed');
    expect(await reason('a.b.c')).toBe('malformed');
  });

  it('accepts a token signed with a previous key during rotation', async () => {
    const old = await claims()
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'old' })
      .setExpirationTime('1h')
      .sign(enc('previous-test-secret-0123456789-0123456789'));
    expect(await reason(old)).toBe('accepted');
  });
});
