/**
 * The permission matrix: every root Query field (but node/nodes) and every Mutation field, for
 * every kind of caller, against a declared rule. The fields are read from the schema itself, so a
 * new root field without a row in EXPECTED fails here, as does a row for a field that is gone.
 *
 * Each call sends harmless arguments (ids of rows that do not exist, invalid input): a refusal must
 * carry exactly the declared code; an allowed call may fail further on (NOT_FOUND, BAD_USER_INPUT,
 * as declared in REQUESTS) but never with UNAUTHENTICATED or FORBIDDEN.
 */
import { randomUUID } from 'node:crypto';
import type { GraphQLField } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/schema/global-id.js';
import { schema } from '../../src/schema/index.js';
import { codes, gql } from '../helpers/client.js';
import { createUser, login, roleId, signedIn } from '../helpers/factories.js';

const CALLERS = ['anonymous', 'public', 'author', 'editor', 'admin', 'apiTokenEditor'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Rule = Record<Caller, Outcome>;
/** Callers with no column of their own: they must be treated exactly as the named caller. */
const DERIVED = { revokedApiToken: 'anonymous', malformedBearer: 'anonymous' } as const satisfies Record<
  string,
  Caller
>;
type AnyCaller = Caller | keyof typeof DERIVED;
const ALL_CALLERS: AnyCaller[] = [...CALLERS, ...(Object.keys(DERIVED) as Array<keyof typeof DERIVED>)];

/** Scope `public`: anyone, the anonymous visitor included. */
const ANYONE: Rule = {
  anonymous: 'allowed',
  public: 'allowed',
  author: 'allowed',
  editor: 'allowed',
  admin: 'allowed',
  apiTokenEditor: 'allowed',
};
/** Scope `authenticated`: a signed-in user or an API token. */
const SIGNED_IN: Rule = {
  anonymous: 'UNAUTHENTICATED',
  public: 'allowed',
  author: 'allowed',
  editor: 'allowed',
  admin: 'allowed',
  apiTokenEditor: 'allowed',
};
/** Scope `user`: a signed-in user, not an API token (one's own account and sessions). */
const USERS_ONLY: Rule = {
  anonymous: 'UNAUTHENTICATED',
  public: 'allowed',
  author: 'allowed',
  editor: 'allowed',
  admin: 'allowed',
  apiTokenEditor: 'FORBIDDEN',
};
/** A permission only the built-in admin role holds (user:*, role:manage, apitoken:manage, audit:read). */
const ADMIN_PERMISSION: Rule = {
  anonymous: 'UNAUTHENTICATED',
  public: 'FORBIDDEN',
  author: 'FORBIDDEN',
  editor: 'FORBIDDEN',
  admin: 'allowed',
  apiTokenEditor: 'FORBIDDEN',
};

/** The declared rule of every root field. A new root field needs a row here (and in REQUESTS). */
const EXPECTED: Record<string, Rule> = {
  // Query
  apiTokens: ADMIN_PERMISSION, // apitoken:manage
  auditEvents: ADMIN_PERMISSION, // audit:read
  me: ANYONE, // null for the anonymous visitor and API tokens
  mySessions: USERS_ONLY,
  permissions: SIGNED_IN,
  roles: SIGNED_IN,
  users: ADMIN_PERMISSION, // user:read
  // Mutation: sessions and credentials
  login: ANYONE,
  refreshSession: ANYONE,
  logout: ANYONE,
  logoutEverywhere: USERS_ONLY,
  changePassword: USERS_ONLY,
  endSession: USERS_ONLY,
  // Mutation: users (user:manage)
  createUser: ADMIN_PERMISSION,
  updateUser: ADMIN_PERMISSION,
  deactivateUser: ADMIN_PERMISSION,
  reactivateUser: ADMIN_PERMISSION,
  assignRole: ADMIN_PERMISSION,
  // Mutation: roles (role:manage)
  createRole: ADMIN_PERMISSION,
  updateRole: ADMIN_PERMISSION,
  deleteRole: ADMIN_PERMISSION,
  setRolePermissions: ADMIN_PERMISSION,
  // Mutation: API tokens (apitoken:manage)
  createApiToken: ADMIN_PERMISSION,
  revokeApiToken: ADMIN_PERMISSION,
};

interface Fixtures {
  /** A user nobody else uses, to sign in as (login, refreshSession, logout). */
  throwaway: { email: string; password: string };
}

interface Request {
  document: string;
  variables?: (fixtures: Fixtures) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The codes an allowed call may end with, given these harmless arguments. */
  allowedCodes: string[];
  /** The call ends the caller's sessions: a signed-in caller is a new user of the same role. */
  consumesCaller?: boolean;
}

const gid = (type: string) => toGlobalId(type, randomUUID());

/** A minimal, harmless document per root field. */
/** content:create / content:update_own: authors and up (an editor-role API token too). */
const AUTHORS: Rule = {
  anonymous: 'UNAUTHENTICATED',
  public: 'FORBIDDEN',
  author: 'allowed',
  editor: 'allowed',
  admin: 'allowed',
  apiTokenEditor: 'allowed',
};
/** content:publish, :archive, :delete, :update, taxonomy:manage, people:manage: editors and up. */
const EDITORS: Rule = {
  anonymous: 'UNAUTHENTICATED',
  public: 'FORBIDDEN',
  author: 'FORBIDDEN',
  editor: 'allowed',
  admin: 'allowed',
  apiTokenEditor: 'allowed',
};

/** Rows for content root fields; each content file adds its own. */
const CONTENT_EXPECTED: Record<string, Rule> = {
  posts: ANYONE,
  post: ANYONE,
  categories: ANYONE,
  tags: ANYONE,
  createPost: AUTHORS,
  updatePost: AUTHORS,
  submitForReview: AUTHORS,
  publish: EDITORS,
  unpublish: EDITORS,
  archive: EDITORS,
  deleteContent: EDITORS,
  restoreContent: EDITORS,
  restoreRevision: EDITORS,
  pages: ANYONE,
  page: ANYONE,
  projects: ANYONE,
  project: ANYONE,
  events: ANYONE,
  event: ANYONE,
  people: ANYONE,
  person: ANYONE,
  partners: ANYONE,
  partner: ANYONE,
  createPage: AUTHORS,
  updatePage: AUTHORS,
  createProject: AUTHORS,
  updateProject: AUTHORS,
  createEvent: AUTHORS,
  updateEvent: AUTHORS,
  // taxonomy:manage
  createCategory: EDITORS,
  updateCategory: EDITORS,
  deleteCategory: EDITORS,
  createTag: EDITORS,
  updateTag: EDITORS,
  deleteTag: EDITORS,
  // people:manage
  createPerson: EDITORS,
  updatePerson: EDITORS,
  deletePerson: EDITORS,
  createPartner: EDITORS,
  updatePartner: EDITORS,
  deletePartner: EDITORS,
  // media: media:read (everyone), media:read_all, media:upload (updateMedia: own items), media:manage
  media: ANYONE,
  expiredConsentMedia: EDITORS,
  uploadMedia: AUTHORS,
  updateMedia: AUTHORS,
  deleteMedia: EDITORS,
};
Object.assign(EXPECTED, CONTENT_EXPECTED);

const CONTENT_REQUESTS: Record<string, Request> = {
  media: { document: '{ media(first: 1) { totalCount } }', allowedCodes: [] },
  expiredConsentMedia: { document: '{ expiredConsentMedia(first: 1) { totalCount } }', allowedCodes: [] },
  uploadMedia: {
    // A JSON request carries no file: refused by the resolver (BAD_USER_INPUT on file), after authorization.
    document: 'mutation ($file: File!) { uploadMedia(file: $file, alt: "x") { id } }',
    variables: () => ({ file: 'not a file' }),
    allowedCodes: ['BAD_USER_INPUT'],
  },
  updateMedia: {
    document: 'mutation ($id: ID!) { updateMedia(id: $id, input: { caption: "x" }) { id } }',
    variables: () => ({ id: gid('Media') }),
    allowedCodes: ['NOT_FOUND'],
  },
  deleteMedia: {
    document: 'mutation ($id: ID!) { deleteMedia(id: $id) { id } }',
    variables: () => ({ id: gid('Media') }),
    allowedCodes: ['NOT_FOUND'],
  },
  posts: { document: '{ posts(first: 1) { totalCount } }', allowedCodes: [] },
  post: { document: '{ post(slug: "nothing-here") { id } }', allowedCodes: [] },
  categories: { document: '{ categories(first: 1) { totalCount } }', allowedCodes: [] },
  tags: { document: '{ tags(first: 1) { totalCount } }', allowedCodes: [] },
  createPost: {
    document: 'mutation { createPost(input: { title: "" }) { id } }',
    allowedCodes: ['BAD_USER_INPUT'],
  },
  updatePost: {
    document: 'mutation ($id: ID!) { updatePost(id: $id, input: { title: "x" }, expectedVersion: 1) { id } }',
    variables: () => ({ id: gid('Post') }),
    allowedCodes: ['NOT_FOUND'],
  },
  ...Object.fromEntries(
    ['submitForReview', 'publish', 'unpublish', 'archive', 'deleteContent', 'restoreContent'].map((field) => [
      field,
      {
        document: `mutation ($id: ID!) { ${field}(id: $id) { id } }`,
        variables: () => ({ id: gid('Post') }),
        allowedCodes: ['NOT_FOUND'],
      },
    ]),
  ),
  restoreRevision: {
    document: 'mutation ($id: ID!) { restoreRevision(revisionId: $id) { id } }',
    variables: () => ({ id: gid('Revision') }),
    allowedCodes: ['NOT_FOUND'],
  },
  pages: { document: '{ pages(first: 1) { totalCount } }', allowedCodes: [] },
  page: { document: '{ page(path: "nothing/here") { id } }', allowedCodes: [] },
  projects: { document: '{ projects(first: 1) { totalCount } }', allowedCodes: [] },
  project: { document: '{ project(slug: "nothing-here") { id } }', allowedCodes: [] },
  events: { document: '{ events(first: 1) { totalCount } }', allowedCodes: [] },
  event: { document: '{ event(slug: "nothing-here") { id } }', allowedCodes: [] },
  people: { document: '{ people(first: 1) { totalCount } }', allowedCodes: [] },
  person: { document: '{ person(slug: "nothing-here") { id } }', allowedCodes: [] },
  partners: { document: '{ partners(first: 1) { totalCount } }', allowedCodes: [] },
  partner: { document: '{ partner(slug: "nothing-here") { id } }', allowedCodes: [] },
  createPage: { document: 'mutation { createPage(input: { title: "" }) { id } }', allowedCodes: ['BAD_USER_INPUT'] },
  createProject: {
    document: 'mutation { createProject(input: { title: "" }) { id } }',
    allowedCodes: ['BAD_USER_INPUT'],
  },
  createEvent: {
    document: 'mutation { createEvent(input: { title: "", startsAt: "2030-01-01T10:00:00Z" }) { id } }',
    allowedCodes: ['BAD_USER_INPUT'],
  },
  ...Object.fromEntries(
    (['Page', 'Project', 'Event'] as const).map((type) => [
      `update${type}`,
      {
        document: `mutation ($id: ID!) { update${type}(id: $id, input: { title: "x" }, expectedVersion: 1) { id } }`,
        variables: () => ({ id: gid(type) }),
        allowedCodes: ['NOT_FOUND'],
      },
    ]),
  ),
  ...Object.fromEntries(
    (['Category', 'Tag', 'Person', 'Partner'] as const).flatMap((type) => [
      [
        `create${type}`,
        { document: `mutation { create${type}(input: { name: "" }) { id } }`, allowedCodes: ['BAD_USER_INPUT'] },
      ],
      [
        `update${type}`,
        {
          document: `mutation ($id: ID!) { update${type}(id: $id, input: { name: "x" }) { id } }`,
          variables: () => ({ id: gid(type) }),
          allowedCodes: ['NOT_FOUND'],
        },
      ],
      [
        `delete${type}`,
        {
          document: `mutation ($id: ID!) { delete${type}(id: $id) { id } }`,
          variables: () => ({ id: gid(type) }),
          allowedCodes: ['NOT_FOUND'],
        },
      ],
    ]),
  ),
};

const REQUESTS: Record<string, Request> = {
  apiTokens: { document: '{ apiTokens(first: 1) { totalCount } }', allowedCodes: [] },
  auditEvents: { document: '{ auditEvents(first: 1) { totalCount } }', allowedCodes: [] },
  me: { document: '{ me { id } }', allowedCodes: [] },
  mySessions: { document: '{ mySessions { id } }', allowedCodes: [] },
  permissions: { document: '{ permissions { key } }', allowedCodes: [] },
  roles: { document: '{ roles { name } }', allowedCodes: [] },
  users: { document: '{ users(first: 1) { totalCount } }', allowedCodes: [] },

  login: {
    document: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    variables: ({ throwaway }) => ({ e: throwaway.email, p: throwaway.password }),
    allowedCodes: [],
  },
  refreshSession: {
    document: 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
    variables: async ({ throwaway }) => ({ t: (await login(throwaway.email, throwaway.password)).refreshToken }),
    allowedCodes: [],
  },
  logout: {
    document: 'mutation ($t: String!) { logout(refreshToken: $t) }',
    variables: async ({ throwaway }) => ({ t: (await login(throwaway.email, throwaway.password)).refreshToken }),
    allowedCodes: [],
  },
  logoutEverywhere: { document: 'mutation { logoutEverywhere }', allowedCodes: [], consumesCaller: true },
  changePassword: {
    // A wrong current password: refused by the resolver (BAD_USER_INPUT), so nothing changes.
    document: 'mutation { changePassword(currentPassword: "not the password 0", newPassword: "a new password 12345") }',
    allowedCodes: ['BAD_USER_INPUT'],
  },
  endSession: {
    document: 'mutation ($id: ID!) { endSession(id: $id) }',
    variables: () => ({ id: gid('Session') }),
    allowedCodes: ['NOT_FOUND'],
  },

  createUser: {
    document: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: () => ({ input: { email: 'not-an-email', name: 'Nobody', password: 'short', roleId: gid('Role') } }),
    allowedCodes: ['BAD_USER_INPUT'],
  },
  updateUser: {
    document: 'mutation ($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }',
    variables: () => ({ id: gid('User') }),
    allowedCodes: ['NOT_FOUND'],
  },
  deactivateUser: {
    document: 'mutation ($id: ID!) { deactivateUser(id: $id) { id } }',
    variables: () => ({ id: gid('User') }),
    allowedCodes: ['NOT_FOUND'],
  },
  reactivateUser: {
    document: 'mutation ($id: ID!) { reactivateUser(id: $id) { id } }',
    variables: () => ({ id: gid('User') }),
    allowedCodes: ['NOT_FOUND'],
  },
  assignRole: {
    document: 'mutation ($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r) { id } }',
    variables: () => ({ u: gid('User'), r: gid('Role') }),
    allowedCodes: ['NOT_FOUND'],
  },

  createRole: {
    document: 'mutation { createRole(input: { name: "!not a role name" }) { id } }',
    allowedCodes: ['BAD_USER_INPUT'],
  },
  updateRole: {
    document: 'mutation ($id: ID!) { updateRole(id: $id, input: { description: "x" }) { id } }',
    variables: () => ({ id: gid('Role') }),
    allowedCodes: ['NOT_FOUND'],
  },
  deleteRole: {
    document: 'mutation ($id: ID!) { deleteRole(id: $id) { id } }',
    variables: () => ({ id: gid('Role') }),
    allowedCodes: ['NOT_FOUND'],
  },
  setRolePermissions: {
    document: 'mutation ($id: ID!) { setRolePermissions(roleId: $id, permissionKeys: []) { id } }',
    variables: () => ({ id: gid('Role') }),
    allowedCodes: ['NOT_FOUND'],
  },

  createApiToken: {
    document: 'mutation ($r: ID!) { createApiToken(input: { name: "  ", roleId: $r }) { token } }',
    variables: () => ({ r: gid('Role') }),
    allowedCodes: ['BAD_USER_INPUT'],
  },
  revokeApiToken: {
    document: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
    variables: () => ({ id: gid('ApiToken') }),
    allowedCodes: ['NOT_FOUND'],
  },
};

Object.assign(REQUESTS, CONTENT_REQUESTS);

const rootFields = (fields: Record<string, GraphQLField<unknown, unknown>> | undefined) =>
  Object.keys(fields ?? {}).filter((name) => !name.startsWith('__') && name !== 'node' && name !== 'nodes');
const QUERY_FIELDS = rootFields(schema.getQueryType()?.getFields());
const MUTATION_FIELDS = rootFields(schema.getMutationType()?.getFields());
const ROOT_FIELDS = [...QUERY_FIELDS, ...MUTATION_FIELDS].sort();

describe('the declared matrix', () => {
  it('names every root field of the schema, and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ROOT_FIELDS);
    expect(Object.keys(REQUESTS).sort()).toEqual(ROOT_FIELDS);
    // Keyed by field name alone: a Query and a Mutation field must not share one.
    expect(QUERY_FIELDS.filter((name) => MUTATION_FIELDS.includes(name))).toEqual([]);
    expect(schema.getSubscriptionType()).toBeFalsy();
  });

  it('is coherent: only the anonymous visitor is ever told to authenticate', () => {
    for (const [field, rule] of Object.entries(EXPECTED)) {
      for (const caller of CALLERS) {
        const outcome = rule[caller];
        if (caller === 'anonymous') expect({ field, outcome }).not.toEqual({ field, outcome: 'FORBIDDEN' });
        else expect({ field, caller, outcome }).not.toEqual({ field, caller, outcome: 'UNAUTHENTICATED' });
      }
      // Whatever a signed-in caller may do, an admin may do.
      if (CALLERS.some((c) => c !== 'anonymous' && rule[c] === 'allowed')) expect(rule.admin).toBe('allowed');
    }
  });
});

describe('the matrix against the server', () => {
  const tokens = {} as Record<Exclude<AnyCaller, 'anonymous'>, string>;
  const fixtures = {} as Fixtures;

  beforeAll(async () => {
    for (const role of ['public', 'author', 'editor', 'admin'] as const) tokens[role] = (await signedIn(role)).token;
    const created = await gql(
      'mutation ($r: ID!) { createApiToken(input: { name: "matrix", roleId: $r }) { token } }',
      { r: toGlobalId('Role', await roleId('editor')) },
      { token: tokens.admin },
    );
    expect(created.errors).toBeUndefined();
    tokens.apiTokenEditor = created.data!.createApiToken.token;
    // An admin token, used once (so its principal is cached), then revoked: it must count for nothing.
    const revoked = await gql(
      'mutation ($r: ID!) { createApiToken(input: { name: "revoked", roleId: $r }) { token apiToken { id } } }',
      { r: toGlobalId('Role', await roleId('admin')) },
      { token: tokens.admin },
    );
    expect(revoked.errors).toBeUndefined();
    tokens.revokedApiToken = revoked.data!.createApiToken.token;
    expect((await gql('{ users { totalCount } }', {}, { token: tokens.revokedApiToken })).errors).toBeUndefined();
    const revoke = await gql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { isActive } }',
      { id: revoked.data!.createApiToken.apiToken.id },
      { token: tokens.admin },
    );
    expect(revoke.data).toEqual({ revokeApiToken: { isActive: false } });
    tokens.malformedBearer = 'not.a.jwt';
    const throwaway = await createUser('author');
    fixtures.throwaway = { email: throwaway.email, password: throwaway.password };
  });

  async function tokenOf(caller: AnyCaller, request: Request): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    if (
      request.consumesCaller &&
      (caller === 'public' || caller === 'author' || caller === 'editor' || caller === 'admin')
    )
      return (await signedIn(caller)).token;
    return tokens[caller];
  }

  describe.each(ROOT_FIELDS)('%s', (field) => {
    it.each(ALL_CALLERS)('as %s', async (caller) => {
      const rule = EXPECTED[field];
      const request = REQUESTS[field];
      expect(rule, `no rule declared for root field ${field} in EXPECTED`).toBeDefined();
      expect(request, `no request declared for root field ${field} in REQUESTS`).toBeDefined();
      const expected = rule![caller in DERIVED ? DERIVED[caller as keyof typeof DERIVED] : (caller as Caller)];
      const variables = (await request!.variables?.(fixtures)) ?? {};
      const res = await gql(request!.document, variables, { token: await tokenOf(caller, request!) });

      if (expected === 'allowed') {
        const got = codes(res);
        expect(got).not.toContain('UNAUTHENTICATED');
        expect(got).not.toContain('FORBIDDEN');
        expect(
          got.every((code) => request!.allowedCodes.includes(code)),
          `unexpected codes ${got.join(', ')}`,
        ).toBe(true);
        if (got.length === 0) expect(res.data?.[field]).not.toBeUndefined();
        else expect(res.errors![0]!.path).toEqual([field]);
      } else {
        expect(codes(res)).toEqual([expected]);
        expect(res.errors![0]!.path).toEqual([field]);
        // Every root field is non-null but `me`: a refusal nulls the whole result.
        expect(res.data).toBeNull();
      }
    });
  });

  it('a refused call has no effect: the API token is still alive and nobody was signed out', async () => {
    const me = await gql('{ roles { name } }', {}, { token: tokens.apiTokenEditor });
    expect(me.errors).toBeUndefined();
    for (const role of ['public', 'author', 'editor', 'admin'] as const) {
      const res = await gql('{ mySessions { id } }', {}, { token: tokens[role] });
      expect({ role, codes: codes(res) }).toEqual({ role, codes: [] });
    }
  });
});
