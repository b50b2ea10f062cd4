/** Every list field: paging caps, cursors, and the number of SQL statements of a nested read. */
import { describe, expect, it } from 'vitest';
import { codes, countSql, gql } from '../helpers/client.js';
import { createUser, signedIn } from '../helpers/factories.js';

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('connections', () => {
  it('users: nested role and permissions in a constant number of statements', async () => {
    const { token } = await signedIn('admin');
    for (let i = 0; i < 25; i++) await createUser(i % 2 ? 'editor' : 'author');
    const query = `{ users(first: 30) { totalCount edges { cursor node { name email role { name parent { name } permissions { key } } } } } }`;
    // Warm the credential cache so only the list's own statements are counted.
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const { result, statements } = await countSql(() => gql(query, undefined, { token }));
    expect(result.errors).toBeUndefined();
    expect((result.data as any).users.edges).toHaveLength(26);
    expect((result.data as any).users.totalCount).toBe(26);
    // One statement for the page (users joined with roles and permissions), one for the count.
    expect(statements.length).toBeLessThanOrEqual(2);
  });

  it('pages with cursors and refuses page sizes over 100 or below 0', async () => {
    const { token } = await signedIn('admin');
    for (let i = 0; i < 4; i++) await createUser('author');
    const first = await gql<any>(
      '{ users(first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      undefined,
      { token },
    );
    expect(first.data.users.edges).toHaveLength(2);
    expect(first.data.users.pageInfo.hasNextPage).toBe(true);
    const next = await gql<any>(
      'query($after: String) { users(first: 2, after: $after) { edges { node { id } } } }',
      { after: first.data.users.pageInfo.endCursor },
      { token },
    );
    const seen = new Set([...first.data.users.edges, ...next.data.users.edges].map((e: any) => e.node.id));
    expect(seen.size).toBe(4);

    const tooMany = await gql('{ users(first: 101) { totalCount } }', undefined, { token });
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual({ first: 'must be between 0 and 100' });
    const negative = await gql('{ users(last: -1) { totalCount } }', undefined, { token });
    expect(codes(negative)).toEqual(['BAD_USER_INPUT']);
    const badCursor = await gql('{ users(first: 2, after: "not-a-cursor") { totalCount } }', undefined, { token });
    expect(codes(badCursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('auditEvents and apiTokens: nested reads in a constant number of statements', async () => {
    const { token } = await signedIn('admin');
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const audit = await countSql(() =>
      gql('{ auditEvents(first: 50) { totalCount edges { node { action actorUserId } } } }', undefined, { token }),
    );
    expect(audit.result.errors).toBeUndefined();
    expect(audit.statements.length).toBeLessThanOrEqual(2);
    const tokens = await countSql(() =>
      gql(
        '{ apiTokens(first: 50) { totalCount edges { node { name role { name } createdBy { name } } } } }',
        undefined,
        { token },
      ),
    );
    expect(tokens.result.errors).toBeUndefined();
    expect(tokens.statements.length).toBeLessThanOrEqual(2);
  });
});
