/**
 * Bearer credentials: hostile and malformed JWTs are refused (anonymous viewer, UNAUTHENTICATED on
 * guarded fields, never a 5xx) and audited; key rotation keeps previous-key tokens valid; API
 * tokens act with their role, are stored as digests, and stop working when revoked or expired.
 */
import { randomBytes } from 'node:crypto';
import { base64url, decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/auth/tokens.js';
import { prisma } from '../../src/db/client.js';
import { codes, type GqlResponse, gql, randomIp } from '../helpers/client.js';
import { createUser, login, PASSWORD, signedIn } from '../helpers/factories.js';

// From vitest.config.ts.
const CURRENT = { kid: 'k1', secret: 'test-secret-0123456789-0123456789-abcdef' };
const PREVIOUS = { kid: 'old', secret: 'previous-test-secret-0123456789-0123456789' };
const ISSUER = 'ngo-content-api';
const AUDIENCE = 'ngo-content-api';

const encoder = new TextEncoder();

interface SignOptions {
  secret?: string;
  kid?: string | null;
  alg?: string;
  headerTyp?: string | null;
  claims?: Record<string, unknown>;
  sub?: string;
  iss?: string;
  aud?: string;
  iat?: number;
  exp?: number;
}

/** Signs an access-token-shaped JWT as the server would, with any part overridable. */
async function sign(sub: string, sid: string, options: SignOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const header: Record<string, unknown> = { alg: options.alg ?? 'HS256' };
  if (options.headerTyp !== null) header.typ = options.headerTyp ?? 'at+jwt';
  if (options.kid !== null) header.kid = options.kid ?? CURRENT.kid;
  return new SignJWT({ typ: 'access', sid, ...options.claims })
    .setProtectedHeader(header as { alg: string })
    .setSubject(options.sub ?? sub)
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 600)
    .setJti(crypto.randomUUID())
    .sign(encoder.encode(options.secret ?? CURRENT.secret));
}

function b64json(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** The raw user and session ids inside a server-issued access token. */
function idsOf(accessToken: string): { userId: string; sessionId: string } {
  const claims = decodeJwt(accessToken);
  return { userId: claims.sub as string, sessionId: claims.sid as string };
}

async function waitFor<T>(probe: () => Promise<T | null | undefined>, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The (throttled, asynchronous) audit row of a refused credential from this address. */
function rejectionAudit(ip: string) {
  return waitFor(
    () => prisma.auditEvent.findFirst({ where: { ip, action: 'auth.token_rejected' } }),
    `auth.token_rejected from ${ip}`,
  );
}

/** A credential that must be refused: anonymous on `me`, UNAUTHENTICATED on a guarded field. */
async function expectRefused(token: string, reason: string) {
  const ip = randomIp();
  const me = await gql('{ me { id } }', undefined, { token, ip });
  expect(me.status).toBe(200);
  expect(me.errors).toBeUndefined();
  expect(me.data).toEqual({ me: null });

  const guarded = await gql('{ users { totalCount } }', undefined, { token, ip });
  expect(guarded.status).toBeLessThan(500);
  expect(codes(guarded)).toEqual(['UNAUTHENTICATED']);
  expect(guarded.errors![0]!.message).toBe('Invalid or expired credentials.');
  expect(guarded.data ?? null).toBeNull();

  const audit = await rejectionAudit(ip);
  expect(audit.outcome).toBe('failure');
  expect(audit.actorUserId).toBeNull();
  expect(audit.details).toEqual({ reason });
  expect(JSON.stringify(audit)).not.toContain(token);
  // Throttled: one row per address and reason, however often the token is presented.
  expect(await prisma.auditEvent.count({ where: { ip, action: 'auth.token_rejected' } })).toBe(1);
}

async function expectAccepted(token: string, userGlobalId: string) {
  const me = await gql('{ me { id } }', undefined, { token });
  expect(me.errors).toBeUndefined();
  expect(me.data).toEqual({ me: { id: userGlobalId } });
  const users = await gql<{ users: { totalCount: number } }>('{ users { totalCount } }', undefined, { token });
  expect(users.errors).toBeUndefined();
  expect(users.data!.users.totalCount).toBeGreaterThan(0);
}

describe('hostile access tokens', () => {
  it('accepts a genuine admin access token (baseline)', async () => {
    const admin = await signedIn('admin');
    await expectAccepted(admin.accessToken, admin.userId);
    // And the anonymous visitor gets UNAUTHENTICATED with the plain message.
    const anonymous = await gql('{ users { totalCount } }');
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors![0]!.message).toBe('Authentication required.');
  });

  it('refuses a refresh token used as an access token', async () => {
    const admin = await signedIn('admin');
    await expectRefused(admin.refreshToken, 'wrong_type');
  });

  it('refuses a token whose header says access but whose typ claim says refresh', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    await expectRefused(await sign(userId, sessionId, { claims: { typ: 'refresh' } }), 'wrong_type');
  });

  it('refuses a token without the at+jwt typ header', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    await expectRefused(await sign(userId, sessionId, { headerTyp: null }), 'wrong_type');
  });

  it('refuses an alg "none" token', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const header = b64json({ alg: 'none', typ: 'at+jwt', kid: 'k1' });
    const payload = b64json({
      typ: 'access',
      sid: sessionId,
      sub: userId,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 600,
      jti: crypto.randomUUID(),
    });
    await expectRefused(`${header}.${payload}.`, 'bad_algorithm');
    // The genuine token's payload with its signature stripped and alg none in the header.
    const [, genuinePayload] = admin.accessToken.split('.');
    await expectRefused(`${header}.${genuinePayload}.`, 'bad_algorithm');
  });

  it('refuses another HMAC algorithm with the right secret (algorithm pinned to HS256)', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    await expectRefused(await sign(userId, sessionId, { alg: 'HS512' }), 'bad_algorithm');
  });

  it('refuses a tampered signature', async () => {
    const admin = await signedIn('admin');
    const [header, payload, signature] = admin.accessToken.split('.') as [string, string, string];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    await expectRefused(`${header}.${payload}.${flipped}`, 'bad_signature');
  });

  it('refuses a tampered payload (another user as subject) under the original signature', async () => {
    const admin = await signedIn('admin');
    const author = await signedIn('author');
    const [, authorPayload, authorSignature] = author.accessToken.split('.') as [string, string, string];
    const [adminHeader, adminPayload] = admin.accessToken.split('.') as [string, string];
    const claims = decodeJwt(author.accessToken);
    const forged = b64json({ ...claims, sub: idsOf(admin.accessToken).userId });
    await expectRefused(`${adminHeader}.${forged}.${authorSignature}`, 'bad_signature');
    // Sanity: the pieces themselves are genuine.
    expect(`${adminHeader}.${authorPayload}`).not.toBe(`${adminHeader}.${adminPayload}`);
  });

  it('refuses a token signed with another key under the current kid', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    const token = await sign(userId, sessionId, { secret: randomBytes(32).toString('hex') });
    await expectRefused(token, 'bad_signature');
    // The previous key's secret under the current kid is not accepted either.
    await expectRefused(await sign(userId, sessionId, { secret: PREVIOUS.secret }), 'bad_signature');
  });

  it('refuses a token with an unknown kid, or none', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    await expectRefused(await sign(userId, sessionId, { kid: 'k2' }), 'unknown_key');
    await expectRefused(await sign(userId, sessionId, { kid: null }), 'unknown_key');
  });

  it('refuses an expired token', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(userId, sessionId, { iat: now - 3600, exp: now - 600 });
    await expectRefused(token, 'expired');
  });

  it('refuses garbage', async () => {
    await expectRefused('garbage', 'malformed');
    await expectRefused('a.b.c', 'malformed');
    // A plausible header over an undecodable payload: the signature check refuses it first.
    await expectRefused(`${b64json({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' })}.%%%%.xyz`, 'bad_signature');
  });

  it('refuses a malformed Authorization header', async () => {
    const ip = randomIp();
    const res = await gql('{ users { totalCount } }', undefined, {
      ip,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect((await rejectionAudit(ip)).details).toEqual({ reason: 'malformed' });
  });

  it('refuses the wrong issuer or audience', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    await expectRefused(await sign(userId, sessionId, { iss: 'someone-else' }), 'bad_claims');
    await expectRefused(await sign(userId, sessionId, { aud: 'another-api' }), 'bad_claims');
  });

  it('refuses a token missing a required claim (sid)', async () => {
    const admin = await signedIn('admin');
    const { userId } = idsOf(admin.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ typ: 'access' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .setJti(crypto.randomUUID())
      .sign(encoder.encode(CURRENT.secret));
    await expectRefused(token, 'bad_claims');
  });

  it("refuses a well-signed token naming another user's session", async () => {
    const admin = await signedIn('admin');
    const other = await signedIn('author');
    const token = await sign(idsOf(admin.accessToken).userId, idsOf(other.accessToken).sessionId);
    await expectRefused(token, 'session_revoked');
    // And one naming no session at all.
    await expectRefused(await sign(idsOf(admin.accessToken).userId, crypto.randomUUID()), 'session_revoked');
  });

  it('accepts a token signed with the previous key (kid "old") for a live session: key rotation', async () => {
    const admin = await signedIn('admin');
    const { userId, sessionId } = idsOf(admin.accessToken);
    const token = await sign(userId, sessionId, { kid: PREVIOUS.kid, secret: PREVIOUS.secret });
    await expectAccepted(token, admin.userId);
    // The previous key under its kid cannot resurrect an ended session.
    await prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    const stale = await sign(userId, sessionId, { kid: PREVIOUS.kid, secret: PREVIOUS.secret });
    await expectRefused(stale, 'session_revoked');
  });

  it('refuses an access token presented to refreshSession, and audits it', async () => {
    const user = await signedIn('author');
    const ip = randomIp();
    const res = await gql(
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
      { t: user.accessToken },
      { ip },
    );
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
    const audit = await rejectionAudit(ip);
    expect(audit.details).toEqual({ reason: 'wrong_type', tokenType: 'refresh' });
  });
});

// --- API tokens -------------------------------------------------------------------------------

const CREATE_API_TOKEN = /* GraphQL */ `
  mutation($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken { id name prefix isActive expiresAt lastUsedAt revokedAt role { name } createdBy { id } }
    }
  }
`;

interface CreatedData {
  createApiToken: {
    token: string;
    apiToken: {
      id: string;
      name: string;
      prefix: string;
      isActive: boolean;
      expiresAt: string | null;
      lastUsedAt: string | null;
      revokedAt: string | null;
      role: { name: string };
      createdBy: { id: string } | null;
    };
  };
}

async function roleIds(token: string): Promise<Record<string, string>> {
  const res = await gql<{ roles: Array<{ id: string; name: string }> }>('{ roles { id name } }', undefined, {
    token,
  });
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.roles.map((r) => [r.name, r.id]));
}

async function createApiToken(
  adminToken: string,
  role: string,
  extra: { name?: string; expiresAt?: string | null } = {},
): Promise<GqlResponse<CreatedData>> {
  const roles = await roleIds(adminToken);
  return gql<CreatedData>(
    CREATE_API_TOKEN,
    { input: { name: extra.name ?? `token-${role}`, roleId: roles[role], expiresAt: extra.expiresAt } },
    { token: adminToken },
  );
}

/** The raw uuid behind an ApiToken global id. */
async function apiTokenRow(secret: string) {
  return prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: sha256(secret) } });
}

describe('API tokens', () => {
  it('creates a token whose secret is shown once and stored only as a digest', async () => {
    const admin = await signedIn('admin');
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const res = await createApiToken(admin.accessToken, 'editor', { name: 'Static site build', expiresAt });
    expect(res.errors).toBeUndefined();
    const { token, apiToken } = res.data!.createApiToken;
    expect(token).toMatch(/^ngo_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: 'Static site build',
      prefix: token.slice(0, 10),
      isActive: true,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      role: { name: 'editor' },
      createdBy: { id: admin.userId },
    });

    const rows = await prisma.apiToken.findMany({ where: { name: 'Static site build' } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(sha256(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    // Audited without the secret.
    const audit = await prisma.auditEvent.findMany({ where: { action: 'apitoken.create', targetId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(idsOf(admin.accessToken).userId);
    expect(JSON.stringify(audit)).not.toContain(token.slice(10));
  });

  it('never shows the secret again: ApiToken has no token field', async () => {
    const admin = await signedIn('admin');
    const created = await createApiToken(admin.accessToken, 'author');
    expect(created.errors).toBeUndefined();

    const res = await gql('{ apiTokens { edges { node { id token } } } }', undefined, { token: admin.accessToken });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const hash = await gql('{ apiTokens { edges { node { id tokenHash } } } }', undefined, {
      token: admin.accessToken,
    });
    expect(codes(hash)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    const type = await gql<{ __type: { fields: Array<{ name: string }> } }>(
      '{ __type(name: "ApiToken") { fields { name } } }',
    );
    const fields = type.data!.__type.fields.map((f) => f.name);
    expect(fields).toContain('prefix');
    expect(fields).not.toContain('token');
    expect(fields).not.toContain('tokenHash');

    const list = await gql<{ apiTokens: { edges: Array<{ node: Record<string, unknown> }> } }>(
      '{ apiTokens { edges { node { id name prefix } } } }',
      undefined,
      { token: admin.accessToken },
    );
    expect(list.errors).toBeUndefined();
    expect(JSON.stringify(list.data)).not.toContain(created.data!.createApiToken.token);
  });

  it("acts with its role's permissions: an editor-role token cannot read users, an admin-role token can", async () => {
    const admin = await signedIn('admin');
    const editorToken = (await createApiToken(admin.accessToken, 'editor')).data!.createApiToken.token;
    const adminToken = (await createApiToken(admin.accessToken, 'admin')).data!.createApiToken.token;

    const forbidden = await gql('{ users { totalCount } }', undefined, { token: editorToken });
    expect(forbidden.status).toBe(200);
    expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    // It is authenticated (roles need that) but not a user (me is null).
    const roles = await gql<{ roles: unknown[]; me: null }>('{ roles { name } me { id } }', undefined, {
      token: editorToken,
    });
    expect(roles.errors).toBeUndefined();
    expect(roles.data!.roles).toHaveLength(4);
    expect(roles.data!.me).toBeNull();

    const allowed = await gql<{ users: { totalCount: number } }>('{ users { totalCount } }', undefined, {
      token: adminToken,
    });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.users.totalCount).toBe(await prisma.user.count());

    // User-only operations are not for API tokens.
    const sessions = await gql('{ mySessions { id } }', undefined, { token: adminToken });
    expect(codes(sessions)).toEqual(['FORBIDDEN']);
    const everywhere = await gql('mutation { logoutEverywhere }', undefined, { token: adminToken });
    expect(codes(everywhere)).toEqual(['FORBIDDEN']);
  });

  it('records lastUsedAt when used', async () => {
    const admin = await signedIn('admin');
    const created = (await createApiToken(admin.accessToken, 'author')).data!.createApiToken;
    const before = Date.now();
    const res = await gql('{ roles { name } }', undefined, { token: created.token });
    expect(res.errors).toBeUndefined();
    const row = await waitFor(async () => {
      const r = await apiTokenRow(created.token);
      return r.lastUsedAt ? r : null;
    }, 'lastUsedAt');
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const shown = await gql<{ node: { lastUsedAt: string | null } }>(
      'query($id: ID!) { node(id: $id) { ... on ApiToken { lastUsedAt } } }',
      { id: created.apiToken.id },
      { token: admin.accessToken },
    );
    expect(shown.data!.node.lastUsedAt).toBe(row.lastUsedAt!.toISOString());
  });

  it('stops working on the next request once revoked', async () => {
    const admin = await signedIn('admin');
    const created = (await createApiToken(admin.accessToken, 'admin')).data!.createApiToken;
    const before = await gql('{ users { totalCount } }', undefined, { token: created.token });
    expect(before.errors).toBeUndefined(); // and now cached as a valid principal

    const revoked = await gql<{ revokeApiToken: { id: string; isActive: boolean; revokedAt: string | null } }>(
      'mutation($id: ID!) { revokeApiToken(id: $id) { id isActive revokedAt } }',
      { id: created.apiToken.id },
      { token: admin.accessToken },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeApiToken).toMatchObject({ id: created.apiToken.id, isActive: false });
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();

    const ip = randomIp();
    const after = await gql('{ users { totalCount } }', undefined, { token: created.token, ip });
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    const roles = await gql('{ roles { name } }', undefined, { token: created.token });
    expect(codes(roles)).toEqual(['UNAUTHENTICATED']);
    expect((await rejectionAudit(ip)).details).toEqual({ reason: 'api_token_invalid' });
    expect(
      await prisma.auditEvent.count({
        where: { action: 'apitoken.revoke', targetId: (await apiTokenRow(created.token)).id },
      }),
    ).toBe(1);

    // Revoking again is harmless; listing hides it unless asked.
    const again = await gql(
      'mutation($id: ID!) { revokeApiToken(id: $id) { isActive } }',
      { id: created.apiToken.id },
      {
        token: admin.accessToken,
      },
    );
    expect(again.errors).toBeUndefined();
    const list = await gql<{
      a: { edges: Array<{ node: { id: string } }> };
      b: { edges: Array<{ node: { id: string } }> };
    }>(
      '{ a: apiTokens { edges { node { id } } } b: apiTokens(includeRevoked: true) { edges { node { id } } } }',
      undefined,
      { token: admin.accessToken },
    );
    expect(list.data!.a.edges.map((e) => e.node.id)).not.toContain(created.apiToken.id);
    expect(list.data!.b.edges.map((e) => e.node.id)).toContain(created.apiToken.id);
  });

  it('refuses an expired token', async () => {
    const admin = await signedIn('admin');
    const created = (
      await createApiToken(admin.accessToken, 'admin', { expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
    ).data!.createApiToken;
    // Its expiry passes (before it was ever used, so no cached principal is involved).
    await prisma.apiToken.update({
      where: { tokenHash: sha256(created.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await gql('{ users { totalCount } }', undefined, { token: created.token });
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    const me = await gql('{ me { id } }', undefined, { token: created.token });
    expect(me.data).toEqual({ me: null });
  });

  it('refuses an unknown token with the API token prefix', async () => {
    const ip = randomIp();
    const res = await gql('{ roles { name } }', undefined, {
      token: `ngo_${randomBytes(32).toString('base64url')}`,
      ip,
    });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect((await rejectionAudit(ip)).details).toEqual({ reason: 'api_token_invalid' });
  });

  it('lets only holders of apitoken:manage create tokens', async () => {
    const admin = await signedIn('admin');
    const roles = await roleIds(admin.accessToken);
    const countBefore = await prisma.apiToken.count();
    for (const role of ['editor', 'author'] as const) {
      const user = await signedIn(role);
      const res = await gql(
        CREATE_API_TOKEN,
        { input: { name: 'sneaky', roleId: roles.author } },
        { token: user.token },
      );
      expect(res.status).toBe(200);
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.data ?? null).toBeNull();
    }
    const anonymous = await gql(CREATE_API_TOKEN, { input: { name: 'sneaky', roleId: roles.author } });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    // An editor-role API token cannot mint one either.
    const editorToken = (await createApiToken(admin.accessToken, 'editor')).data!.createApiToken.token;
    const viaToken = await gql(
      CREATE_API_TOKEN,
      { input: { name: 'sneaky', roleId: roles.admin } },
      {
        token: editorToken,
      },
    );
    expect(codes(viaToken)).toEqual(['FORBIDDEN']);
    expect(await prisma.apiToken.count()).toBe(countBefore + 1);
    expect(await prisma.apiToken.count({ where: { name: 'sneaky' } })).toBe(0);
  });

  it('refuses an expiry in the past with BAD_USER_INPUT on expiresAt', async () => {
    const admin = await signedIn('admin');
    const res = await createApiToken(admin.accessToken, 'author', {
      name: 'backdated',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields).toEqual({ expiresAt: expect.any(String) });
    expect(res.data ?? null).toBeNull();
    expect(await prisma.apiToken.count({ where: { name: 'backdated' } })).toBe(0);

    const blank = await createApiToken(admin.accessToken, 'author', { name: '   ' });
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(blank.errors![0]!.extensions!.fields ?? {})).toEqual(['name']);
  });

  it('refuses a role id that is not a Role global id', async () => {
    const admin = await signedIn('admin');
    const user = await createUser('author');
    const res = await gql(
      CREATE_API_TOKEN,
      { input: { name: 'wrong id', roleId: user.globalId } },
      {
        token: admin.accessToken,
      },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields).toHaveProperty('roleId');
  });

  it('keeps working for a token whose creator signs out', async () => {
    const admin = await signedIn('admin');
    const created = (await createApiToken(admin.accessToken, 'admin')).data!.createApiToken;
    const out = await gql('mutation { logoutEverywhere }', undefined, { token: admin.accessToken });
    expect(out.errors).toBeUndefined();
    const res = await gql('{ users { totalCount } }', undefined, { token: created.token });
    expect(res.errors).toBeUndefined();
    // The admin's own access token is gone.
    expect(codes(await gql('{ users { totalCount } }', undefined, { token: admin.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // A fresh login still works.
    // (signedIn().user is overwritten by the login payload's `user { id }`: use email/PASSWORD.)
    const again = await login(admin.email, PASSWORD);
    expect(again.accessToken).not.toBe(admin.accessToken);
  });
});
