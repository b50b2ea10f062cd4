/**
 * Field- and type-level access rules: a user's login data is theirs and user:read holders' only
 * (hidden fields answer null with an error at their path), names are public, sessions are their
 * owner's only, API tokens and audit events need their permission, including through node(id).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { decodeGlobalIdOf, toGlobalId } from '../../src/schema/global-id.js';
import { codes, type GqlError, gql } from '../helpers/client.js';
import { createUser, login, PASSWORD, roleId, signedIn } from '../helpers/factories.js';

const GUARDED_USER_FIELDS = ['email', 'lastLoginAt', 'isActive', 'role', 'updatedAt'] as const;

const USER_NODE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { id ... on User { name createdAt email lastLoginAt isActive role { name } updatedAt } }
  }
`;

/** A user who has signed in once (so lastLoginAt is set), with their global and database ids. */
async function someone(role = 'author') {
  const user = await createUser(role);
  const session = await login(user.email, user.password);
  return { email: user.email, id: user.id, globalId: user.globalId, token: session.accessToken };
}

/** An API token of `role`, created through the API by a new admin. */
async function apiToken(role: string) {
  const admin = await signedIn('admin');
  const res = await gql(
    'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }',
    { input: { name: `token for ${role}`, roleId: toGlobalId('Role', await roleId(role)) } },
    { token: admin.token },
  );
  expect(res.errors).toBeUndefined();
  return { token: res.data!.createApiToken.token as string, id: res.data!.createApiToken.apiToken.id as string };
}

/**
 * A type-level refusal (Session, ApiToken, AuditEvent) is raised on the first field of the object,
 * e.g. at node.id, and nulls the whole node: the codes of the errors by their root field.
 */
function errorsByRoot(errors: GqlError[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors ?? []) {
    const root = String(e.path?.[0]);
    out[root] = [...(out[root] ?? []), e.extensions?.code ?? 'NONE'];
  }
  return out;
}

/** The errors of a response by path, e.g. { 'node.email': 'FORBIDDEN' }. */
function errorsByPath(errors: GqlError[] | undefined): Record<string, string | undefined> {
  return Object.fromEntries((errors ?? []).map((e) => [(e.path ?? []).join('.'), e.extensions?.code]));
}

describe('User: login data is for the user themself and user:read holders', () => {
  it('the user reads their own email and lastLoginAt through me', async () => {
    const user = await createUser('author');
    const { accessToken } = await login(user.email, user.password);
    const res = await gql(
      '{ me { id name email lastLoginAt isActive role { name } updatedAt } }',
      {},
      {
        token: accessToken,
      },
    );
    expect(res.errors).toBeUndefined();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginAt).not.toBeNull();
    expect(res.data!.me).toEqual({
      id: user.globalId,
      name: user.name,
      email: user.email,
      lastLoginAt: row.lastLoginAt!.toISOString(),
      isActive: true,
      role: { name: 'author' },
      updatedAt: row.updatedAt.toISOString(),
    });
  });

  it('the user reads their own login data through node(id) and in the login payload', async () => {
    const user = await createUser('editor');
    const res = await gql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { email lastLoginAt } } }',
      { e: user.email, p: PASSWORD },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toEqual({ email: user.email, lastLoginAt: expect.any(String) });

    const node = await gql(USER_NODE, { id: user.globalId }, { token: res.data!.login.accessToken });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toMatchObject({
      id: user.globalId,
      email: user.email,
      lastLoginAt: expect.any(String),
      role: { name: 'editor' },
    });
  });

  // Regression: scope-auth builds the scope map once per request, while the viewer is still
  // anonymous; login and refreshSession switch the viewer, so the cache must be rebuilt (actAs).
  it('the login and refreshSession payloads read as the signed-in user, role included', async () => {
    const user = await createUser('editor');
    const res = await gql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken user { email role { name } } } }',
      { e: user.email, p: PASSWORD },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toEqual({ email: user.email, role: { name: 'editor' } });

    const refreshed = await gql(
      'mutation ($t: String!) { refreshSession(refreshToken: $t) { user { email isActive role { name } } } }',
      { t: res.data!.login.refreshToken },
    );
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshSession.user).toEqual({
      email: user.email,
      isActive: true,
      role: { name: 'editor' },
    });
  });

  it('an admin (user:read) reads every user’s login data through users and node(id)', async () => {
    const admin = await signedIn('admin');
    const target = await someone('author');

    const list = await gql(
      'query ($s: String) { users(search: $s) { totalCount edges { node { id name email lastLoginAt isActive } } } }',
      { s: target.email.toUpperCase() },
      { token: admin.token },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.users.totalCount).toBe(1);
    expect(list.data!.users.edges).toEqual([
      {
        node: {
          id: target.globalId,
          name: 'Test author',
          email: target.email,
          lastLoginAt: expect.any(String),
          isActive: true,
        },
      },
    ]);

    const node = await gql(USER_NODE, { id: target.globalId }, { token: admin.token });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toMatchObject({
      id: target.globalId,
      name: 'Test author',
      email: target.email,
      lastLoginAt: expect.any(String),
      isActive: true,
      role: { name: 'author' },
    });
  });

  it('an editor reading another user through node(id) gets the name, and null with FORBIDDEN for login data', async () => {
    const editor = await signedIn('editor');
    const target = await someone('author');
    const res = await gql(USER_NODE, { id: target.globalId }, { token: editor.token });
    expect(res.data!.node).toEqual({
      id: target.globalId,
      name: 'Test author',
      createdAt: expect.any(String),
      email: null,
      lastLoginAt: null,
      isActive: null,
      role: null,
      updatedAt: null,
    });
    expect(errorsByPath(res.errors)).toEqual(
      Object.fromEntries(GUARDED_USER_FIELDS.map((field) => [`node.${field}`, 'FORBIDDEN'])),
    );
    // The same through nodes(ids).
    const many = await gql(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on User { name email } } }',
      {
        ids: [target.globalId],
      },
      { token: editor.token },
    );
    expect(many.data!.nodes).toEqual([{ name: 'Test author', email: null }]);
    expect(errorsByPath(many.errors)).toEqual({ 'nodes.0.email': 'FORBIDDEN' });
  });

  it('an API token without user:read gets FORBIDDEN for login data; one with it reads them', async () => {
    const target = await someone('author');
    const editorToken = await apiToken('editor');
    const denied = await gql(USER_NODE, { id: target.globalId }, { token: editorToken.token });
    expect(denied.data!.node).toMatchObject({ name: 'Test author', email: null, lastLoginAt: null });
    expect(errorsByPath(denied.errors)).toEqual(
      Object.fromEntries(GUARDED_USER_FIELDS.map((field) => [`node.${field}`, 'FORBIDDEN'])),
    );

    const adminToken = await apiToken('admin');
    const allowed = await gql(USER_NODE, { id: target.globalId }, { token: adminToken.token });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.node).toMatchObject({ email: target.email, lastLoginAt: expect.any(String) });
    // An API token is not a user: `me` is null for it, without error.
    const me = await gql('{ me { id } }', {}, { token: adminToken.token });
    expect(me).toMatchObject({ data: { me: null } });
    expect(me.errors).toBeUndefined();
  });

  it('the anonymous visitor reads a user’s public name, and UNAUTHENTICATED for login data', async () => {
    const target = await someone('author');
    const publicOnly = await gql('query ($id: ID!) { node(id: $id) { id ... on User { name createdAt } } }', {
      id: target.globalId,
    });
    expect(publicOnly.errors).toBeUndefined();
    expect(publicOnly.data!.node).toEqual({ id: target.globalId, name: 'Test author', createdAt: expect.any(String) });

    const res = await gql(USER_NODE, { id: target.globalId });
    expect(res.data!.node).toMatchObject({ name: 'Test author', email: null, lastLoginAt: null, role: null });
    expect(errorsByPath(res.errors)).toEqual(
      Object.fromEntries(GUARDED_USER_FIELDS.map((field) => [`node.${field}`, 'UNAUTHENTICATED'])),
    );

    const me = await gql('{ me { id email } }');
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({ me: null });
  });
});

describe('node(id) of a row that does not exist', () => {
  // BUG (every builder.prismaNode: Pothos loads nodes with findUniqueOrThrow unless the node is
  // `nullable: true`): an unknown id answers INTERNAL_SERVER_ERROR (logged as unexpected) instead
  // of node: null, the Relay convention. Remove `.fails` once fixed.
  it('is null without an internal error', async () => {
    const admin = await signedIn('admin');
    for (const type of ['User', 'Role', 'Session', 'ApiToken', 'AuditEvent', 'Permission']) {
      const res = await gql(
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: toGlobalId(type, randomUUID()) },
        {
          token: admin.token,
        },
      );
      expect({ type, data: res.data, codes: codes(res) }).toEqual({ type, data: { node: null }, codes: [] });
    }
  });
});

describe('Session: only its owner sees it', () => {
  const SESSION_NODE = 'query ($id: ID!) { node(id: $id) { id ... on Session { ip isCurrent } } }';

  it('the owner reads their session through node(id) and mySessions', async () => {
    const owner = await someone('author');
    const session = await prisma.session.findFirstOrThrow({ where: { userId: owner.id } });
    const id = toGlobalId('Session', session.id);
    const res = await gql(SESSION_NODE, { id }, { token: owner.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toEqual({ id, ip: session.ip, isCurrent: true });
    const mine = await gql('{ mySessions { id isCurrent } }', {}, { token: owner.token });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.mySessions).toEqual([{ id, isCurrent: true }]);
  });

  it('another user’s session through node(id) is null with an error, for every other caller', async () => {
    const owner = await someone('author');
    const session = await prisma.session.findFirstOrThrow({ where: { userId: owner.id } });
    const id = toGlobalId('Session', session.id);
    const callers: Array<[string, string | undefined, string]> = [
      ['author', (await signedIn('author')).token, 'FORBIDDEN'],
      ['editor', (await signedIn('editor')).token, 'FORBIDDEN'],
      // Not even an admin: sessions are personal.
      ['admin', (await signedIn('admin')).token, 'FORBIDDEN'],
      ['admin API token', (await apiToken('admin')).token, 'FORBIDDEN'],
      ['anonymous', undefined, 'UNAUTHENTICATED'],
    ];
    for (const [caller, token, code] of callers) {
      const res = await gql(SESSION_NODE, { id }, { token });
      expect({ caller, node: res.data?.node, errors: errorsByRoot(res.errors) }).toEqual({
        caller,
        node: null,
        errors: { node: [code] },
      });
      const many = await gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id] }, { token });
      expect({ caller, nodes: many.data?.nodes, codes: codes(many) }).toEqual({ caller, nodes: [null], codes: [code] });
    }
  });
});

describe('ApiToken and AuditEvent: need their permission, through node(id) too', () => {
  const TOKEN_NODE = 'query ($id: ID!) { node(id: $id) { id ... on ApiToken { name prefix role { name } } } }';

  it('an ApiToken node is null with FORBIDDEN for an editor (and for the token itself), visible to an admin', async () => {
    const admin = await signedIn('admin');
    const created = await gql(
      'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id prefix } } }',
      { input: { name: 'Website build', roleId: toGlobalId('Role', await roleId('editor')) } },
      { token: admin.token },
    );
    expect(created.errors).toBeUndefined();
    const { id, prefix } = created.data!.createApiToken.apiToken;

    const asAdmin = await gql(TOKEN_NODE, { id }, { token: admin.token });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.node).toEqual({ id, name: 'Website build', prefix, role: { name: 'editor' } });

    const editor = await signedIn('editor');
    for (const [caller, token, code] of [
      ['editor', editor.token, 'FORBIDDEN'],
      ['the token itself', created.data!.createApiToken.token as string, 'FORBIDDEN'],
      ['anonymous', undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await gql(TOKEN_NODE, { id }, { token });
      expect({ caller, node: res.data?.node, errors: errorsByRoot(res.errors) }).toEqual({
        caller,
        node: null,
        errors: { node: [code] },
      });
    }
    const list = await gql('{ apiTokens { totalCount } }', {}, { token: editor.token });
    expect(codes(list)).toEqual(['FORBIDDEN']);
  });

  it('an AuditEvent node is null with FORBIDDEN for an editor, visible to an admin', async () => {
    const admin = await signedIn('admin');
    const editor = await signedIn('editor');
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'auth.login', actorUserId: decodeGlobalIdOf(editor.userId, 'User', 'userId') },
    });
    const id = toGlobalId('AuditEvent', event.id);
    const query = 'query ($id: ID!) { node(id: $id) { id ... on AuditEvent { action actorUserId } } }';
    const asAdmin = await gql(query, { id }, { token: admin.token });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.node).toEqual({ id, action: 'auth.login', actorUserId: editor.userId });

    // Even the event about the editor's own login is not theirs to read.
    const asEditor = await gql(query, { id }, { token: editor.token });
    expect(asEditor.data!.node).toBeNull();
    expect(errorsByRoot(asEditor.errors)).toEqual({ node: ['FORBIDDEN'] });
  });
});
