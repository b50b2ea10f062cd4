/**
 * JWTs with jose (RFC 8725): HS256 pinned, explicit `typ` (header and claim), issuer, audience,
 * expiry, a `jti` on every token and a `kid` naming the key. Verification accepts the current key
 * and any previous keys from config, so keys can be rotated without logging everyone out.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import { config } from '../config/env.js';

export type TokenType = 'access' | 'refresh';

const ALGORITHM = 'HS256';
const HEADER_TYP: Record<TokenType, string> = { access: 'at+jwt', refresh: 'rt+jwt' };
const encoder = new TextEncoder();

export interface TokenClaims {
  sub: string;
  /** Session (refresh-token family) id. */
  sid: string;
  jti: string;
  typ: TokenType;
  iat: number;
  exp: number;
}

export interface IssuedToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

/** Why a token was refused: recorded in the audit log, never shown in detail to the client. */
export type TokenRejection =
  | 'malformed'
  | 'unknown_key'
  | 'bad_algorithm'
  | 'bad_signature'
  | 'expired'
  | 'wrong_type'
  | 'bad_claims';

export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRejection) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

export async function signToken(type: TokenType, userId: string, sessionId: string): Promise<IssuedToken> {
  const ttl = type === 'access' ? config.auth.accessTokenTtlSeconds : config.auth.refreshTokenTtlSeconds;
  const now = Math.floor(Date.now() / 1000);
  const jti = randomUUID();
  const { kid, secret } = config.auth.signingKey;
  const token = await new SignJWT({ typ: type, sid: sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: HEADER_TYP[type], kid })
    .setSubject(userId)
    .setIssuer(config.auth.issuer)
    .setAudience(config.auth.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .setJti(jti)
    .sign(encoder.encode(secret));
  return { token, jti, expiresAt: new Date((now + ttl) * 1000) };
}

/** Verifies signature, algorithm, issuer, audience, expiry and type; throws TokenRejectedError. */
export async function verifyToken(token: string, expected: TokenType): Promise<TokenClaims> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new TokenRejectedError('malformed');
  }
  if (header.alg !== ALGORITHM) throw new TokenRejectedError('bad_algorithm');
  const key = config.auth.verificationKeys.find((k) => k.kid === header.kid);
  if (!key) throw new TokenRejectedError('unknown_key');
  try {
    const { payload } = await jwtVerify(token, encoder.encode(key.secret), {
      algorithms: [ALGORITHM],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      typ: HEADER_TYP[expected],
      requiredClaims: ['sub', 'jti', 'iat', 'exp', 'typ', 'sid'],
      clockTolerance: 5,
    });
    if (payload.typ !== expected) throw new TokenRejectedError('wrong_type');
    if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || typeof payload.jti !== 'string') {
      throw new TokenRejectedError('bad_claims');
    }
    return payload as unknown as TokenClaims;
  } catch (error) {
    if (error instanceof TokenRejectedError) throw error;
    if (error instanceof errors.JWTExpired) throw new TokenRejectedError('expired');
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new TokenRejectedError('bad_signature');
    if (error instanceof errors.JOSEAlgNotAllowed) throw new TokenRejectedError('bad_algorithm');
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw new TokenRejectedError(error.claim === 'typ' ? 'wrong_type' : 'bad_claims');
    }
    throw new TokenRejectedError('malformed');
  }
}

/** Server-side records keep only digests of token ids and API token secrets. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const API_TOKEN_PREFIX = 'ngo_';

/** A new opaque API token secret: 256 random bits, recognisable by its prefix. */
export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}
