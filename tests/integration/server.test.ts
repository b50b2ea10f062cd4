import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.js';
import { codes, gql, yoga } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

/** A typed operation (npm run codegen types its variables and result). */
const RolesDocument = graphql(`
  query Roles {
    roles {
      id
      name
    }
  }
`);

describe('HTTP edge', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await yoga.fetch('http://localhost/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await yoga.fetch('http://localhost/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('gives 404 for an unknown route', async () => {
    const res = await yoga.fetch('http://localhost/wp-admin');
    expect(res.status).toBe(404);
  });

  it('answers a malformed document with GRAPHQL_PARSE_FAILED and no 5xx', async () => {
    const res = await gql('{ roles { name ');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await gql('{ noSuchField }');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('puts a request id on every response and keeps a sane incoming one', async () => {
    const res = await gql('{ __typename }', undefined, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
    const other = await gql('{ __typename }', undefined, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses GET and multipart requests without the CSRF preflight header', async () => {
    const plain = await yoga.fetch('http://localhost/graphql?query=%7B__typename%7D');
    expect(plain.status).toBe(403);
    const withHeader = await yoga.fetch('http://localhost/graphql?query=%7B__typename%7D', {
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses documents past the depth and alias limits', async () => {
    const deep = await gql(
      `{ me { role { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } }`,
    );
    expect(codes(deep)).toContain('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ');
    const many = await gql(`{ ${aliases} }`);
    expect(codes(many)).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('global ids and node', () => {
  it('refetches a role through node(id) and nodes(ids) with the same access rules', async () => {
    const { token } = await signedIn('editor');
    const roles = await gql(RolesDocument, {}, { token });
    expect(roles.errors).toBeUndefined();
    const names = roles.data!.roles.map((r) => r.name);
    expect(names).toEqual(['admin', 'author', 'editor', 'public']);
    const editor = roles.data!.roles.find((r) => r.name === 'editor')!;
    expect(editor.id).not.toContain('-'); // opaque, not the raw uuid

    const node = await gql(
      'query($id: ID!) { node(id: $id) { id ... on Role { name parent { name } } } }',
      { id: editor.id },
      { token },
    );
    expect(node.data).toEqual({ node: { id: editor.id, name: 'editor', parent: { name: 'author' } } });

    const anonymous = await gql('query($id: ID!) { node(id: $id) { id } }', { id: editor.id });
    expect(anonymous.data?.node ?? null).toBeNull();
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);

    const nodes = await gql(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: roles.data!.roles.map((r) => r.id) },
      { token },
    );
    expect((nodes.data as { nodes: unknown[] }).nodes).toHaveLength(4);
  });

  it('answers a malformed global id with BAD_USER_INPUT', async () => {
    const { token } = await signedIn('admin');
    const res = await gql('mutation { deactivateUser(id: "not-an-id") { id } }', undefined, { token });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('request size', () => {
  it('refuses an over-size JSON body with 413 and BAD_USER_INPUT, before reading it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(res.status).toBe(413);
    const json = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(json.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
