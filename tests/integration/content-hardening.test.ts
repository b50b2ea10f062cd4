/** Probes a review found: cursors of hidden rows, duplicate translations, purge leftovers, currencies, page trees. */
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { publishDueItems, purgeTrash } from '../../src/schema/content/publishable.service.js';
import { codes, countSql, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

const unique = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 8)}`;

async function createPost(token: string, input: Record<string, unknown>) {
  const res = await gql<any>(
    'mutation($input: CreatePostInput!) { createPost(input: $input) { id slug version } }',
    { input },
    { token },
  );
  expect(res.errors).toBeUndefined();
  return res.data.createPost as { id: string; slug: string; version: number };
}

const publish = (token: string, id: string) => gql('mutation($id: ID!) { publish(id: $id) { id } }', { id }, { token });

describe('content hardening', () => {
  it('refuses a cursor that names a row outside the caller’s list (a draft, for the public)', async () => {
    const { token } = await signedIn('editor');
    const word = unique('cursor').replace(' ', '');
    const published = await createPost(token, { title: `${word} A` });
    await publish(token, published.id);
    const draft = await createPost(token, { title: `${word} B` });
    // A cursor is the encoded row id: the public can forge one for any id it learns.
    const draftRow = await prisma.post.findFirstOrThrow({ where: { slug: draft.slug } });
    const forged = Buffer.from(`GPC:S:${draftRow.id}`).toString('base64');
    const probe = await gql(
      'query($c: String!, $s: String!) { posts(first: 5, after: $c, search: $s, orderBy: [{ title: ASC }]) { edges { node { title } } } }',
      { c: forged, s: word },
    );
    expect(codes(probe)).toEqual(['BAD_USER_INPUT']);
    // A real cursor from the same list pages normally.
    const page = await gql<any>('query($s: String!) { posts(first: 1, search: $s) { pageInfo { endCursor } } }', {
      s: word,
    });
    const next = await gql<any>(
      'query($c: String!, $s: String!) { posts(first: 1, after: $c, search: $s) { edges { node { title } } } }',
      { c: page.data.posts.pageInfo.endCursor, s: word },
    );
    expect(next.errors).toBeUndefined();
    // Staff in preview mode may page from the draft.
    const staff = await gql(
      'query($c: String!, $s: String!) { posts(first: 5, after: $c, search: $s, preview: true) { totalCount } }',
      { c: forged, s: word },
      { token },
    );
    expect(staff.errors).toBeUndefined();
  });

  it('keeps one version per locale in a translation group, even under concurrent creates', async () => {
    const { token } = await signedIn('editor');
    const source = await createPost(token, { title: unique('Source') });
    const attempts = await Promise.all(
      Array.from({ length: 4 }, () =>
        gql(
          'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
          { input: { title: unique('Traduction'), locale: 'fr', translationOf: source.id } },
          { token },
        ),
      ),
    );
    expect(attempts.filter((r) => !r.errors).length).toBe(1);
    for (const failed of attempts.filter((r) => r.errors)) {
      expect(codes(failed)).toEqual(['CONFLICT']);
      expect(failed.errors![0]!.extensions!.fields).toEqual({ locale: 'exists' });
    }
  });

  it('refuses an update based on a version other than the current one before judging anything', async () => {
    const { token } = await signedIn('editor');
    const post = await createPost(token, { title: unique('Versioned') });
    const ahead = await gql(
      'mutation($id: ID!) { updatePost(id: $id, input: { title: "x" }, expectedVersion: 7) { id } }',
      { id: post.id },
      { token },
    );
    expect(codes(ahead)).toEqual(['CONFLICT']);
    expect(ahead.errors![0]!.extensions!.currentVersion).toBe(1);
  });

  it('purges an item for good, with its revisions', async () => {
    const { token } = await signedIn('editor');
    const post = await createPost(token, { title: unique('Doomed') });
    await gql(
      'mutation($id: ID!) { updatePost(id: $id, input: { body: "secret draft text" }, expectedVersion: 1) { id } }',
      { id: post.id },
      { token },
    );
    await gql('mutation($id: ID!) { deleteContent(id: $id) { id } }', { id: post.id }, { token });
    const row = await prisma.post.findFirstOrThrow({ where: { slug: post.slug } });
    expect(await prisma.revision.count({ where: { contentId: row.id } })).toBeGreaterThan(0);
    await prisma.post.update({ where: { id: row.id }, data: { deletedAt: new Date(Date.now() - 40 * 86_400_000) } });
    expect(await purgeTrash()).toBeGreaterThanOrEqual(1);
    expect(await prisma.post.count({ where: { id: row.id } })).toBe(0);
    expect(await prisma.revision.count({ where: { contentId: row.id } })).toBe(0);
  });

  it('accepts only currencies the runtime knows', async () => {
    const { token } = await signedIn('editor');
    const bad = await gql(
      'mutation { createProject(input: { title: "Wells", fundingGoal: 100, currency: "XYZ" }) { id } }',
      {},
      { token },
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(bad.errors![0]!.extensions!.fields as object)).toContain('currency');
    const good = await gql(
      'mutation { createProject(input: { title: "Wells", fundingGoal: 100, currency: "KES" }) { id } }',
      {},
      { token },
    );
    expect(good.errors).toBeUndefined();
  });

  it('holds a scheduled page until its parent is live', async () => {
    const { token } = await signedIn('editor');
    const parent = await gql<any>(
      'mutation($t: String!) { createPage(input: { title: $t }) { id } }',
      { t: unique('Parent') },
      { token },
    );
    const child = await gql<any>(
      'mutation($t: String!, $p: ID!) { createPage(input: { title: $t, parentId: $p }) { id } }',
      { t: unique('Child'), p: parent.data.createPage.id },
      { token },
    );
    const childId = child.data.createPage.id;
    // Scheduling itself is refused while the parent is not published.
    const early = await gql(
      'mutation($id: ID!, $at: DateTime!) { publish(id: $id, at: $at) { id } }',
      { id: childId, at: new Date(Date.now() + 60_000).toISOString() },
      { token },
    );
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    await publish(token, parent.data.createPage.id);
    const scheduled = await gql<any>(
      'mutation($id: ID!, $at: DateTime!) { publish(id: $id, at: $at) { status } }',
      { id: childId, at: new Date(Date.now() + 60_000).toISOString() },
      { token },
    );
    expect(scheduled.data.publish.status).toBe('SCHEDULED');
    // The parent goes back to draft before the child is due: the child waits.
    await gql('mutation($id: ID!) { unpublish(id: $id) { id } }', { id: parent.data.createPage.id }, { token });
    await publishDueItems(new Date(Date.now() + 3_600_000));
    const state = await gql<any>(
      'query($id: ID!) { node(id: $id) { ... on Page { status } } }',
      { id: childId },
      { token },
    );
    expect(state.data.node.status).toBe('SCHEDULED');
  });

  it('lists the trash for those who may restore from it', async () => {
    const { token } = await signedIn('editor');
    const author = await signedIn('author');
    const word = unique('trash').replace(' ', '');
    const post = await createPost(token, { title: `${word} binned` });
    await gql('mutation($id: ID!) { deleteContent(id: $id) { id } }', { id: post.id }, { token });
    const trash = await gql<any>(
      'query($s: String!) { posts(search: $s, where: { inTrash: true }) { totalCount edges { node { id } } } }',
      { s: word },
      { token },
    );
    expect(trash.data.posts.totalCount).toBe(1);
    expect(trash.data.posts.edges[0].node.id).toBe(post.id);
    const denied = await gql(
      'query($s: String!) { posts(search: $s, where: { inTrash: true }) { totalCount } }',
      { s: word },
      { token: author.token },
    );
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const anonymous = await gql('query($s: String!) { posts(search: $s, where: { inTrash: true }) { totalCount } }', {
      s: word,
    });
    expect(codes(anonymous)).toEqual(['FORBIDDEN']);
  });

  it("lists a category's and an author's published posts as connections", async () => {
    const editor = await signedIn('editor');
    const category = await prisma.category.create({
      data: { name: unique('Water'), slug: unique('water').replace(' ', '-') },
    });
    const categoryId = (
      await gql<any>('query($s: String!) { categories(search: $s) { edges { node { id } } } }', { s: category.name })
    ).data.categories.edges[0].node.id;
    const live = await createPost(editor.token, { title: unique('Live'), categoryIds: [categoryId] });
    await publish(editor.token, live.id);
    await createPost(editor.token, { title: unique('Draft'), categoryIds: [categoryId] });
    const read = await gql<any>(
      'query($id: ID!) { node(id: $id) { ... on Category { posts(first: 10) { totalCount edges { node { id } } } } } }',
      { id: categoryId },
    );
    expect(read.data.node.posts.totalCount).toBe(1);
    expect(read.data.node.posts.edges.map((e: any) => e.node.id)).toEqual([live.id]);
    const byAuthor = await gql<any>(
      'query($id: ID!) { node(id: $id) { ... on User { posts(first: 10) { totalCount } } } }',
      { id: editor.userId },
    );
    expect(byAuthor.data.node.posts.totalCount).toBe(1);
    const preview = await gql<any>(
      'query($id: ID!) { node(id: $id) { ... on User { posts(first: 10) { totalCount } } } posts(first: 1, preview: true) { totalCount } }',
      { id: editor.userId },
      { token: editor.token },
    );
    expect(preview.data.node.posts.totalCount).toBe(2);
  });

  it('versions categories, tags, people and partners: a stale expectedVersion is CONFLICT, one of ten concurrent wins', async () => {
    const { token } = await signedIn('editor');
    const created = await gql<any>(
      'mutation($n: String!) { createCategory(input: { name: $n }) { id version } }',
      { n: unique('Versioned') },
      { token },
    );
    const { id, version } = created.data.createCategory;
    expect(version).toBe(1);
    const UPDATE =
      'mutation($id: ID!, $n: String!, $v: Int) { updateCategory(id: $id, input: { name: $n }, expectedVersion: $v) { version } }';
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gql<any>(UPDATE, { id, n: `Name ${i}`, v: 1 }, { token })),
    );
    expect(burst.filter((r) => !r.errors).length).toBe(1);
    for (const lost of burst.filter((r) => r.errors)) {
      expect(codes(lost)).toEqual(['CONFLICT']);
      expect(lost.errors![0]!.extensions!.currentVersion).toBe(2);
    }
    // Without expectedVersion the write is unconditional (and still bumps the version).
    const blind = await gql<any>(UPDATE, { id, n: 'Blind' }, { token });
    expect(blind.data.updateCategory.version).toBe(3);
    const person = await gql<any>(
      'mutation($n: String!) { createPerson(input: { name: $n }) { id } }',
      { n: unique('Ada') },
      { token },
    );
    const stale = await gql(
      'mutation($id: ID!) { updatePerson(id: $id, input: { role: "Chair" }, expectedVersion: 5) { id } }',
      { id: person.data.createPerson.id },
      { token },
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
  });

  it('loads translations of a whole list in one query (no query per row)', async () => {
    const { token } = await signedIn('editor');
    const word = unique('babel').replace(' ', '');
    for (let i = 0; i < 8; i++) {
      const en = await createPost(token, { title: `${word} en ${i}` });
      await publish(token, en.id);
      const fr = await gql<any>(
        'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
        { input: { title: `${word} fr ${i}`, locale: 'fr', translationOf: en.id } },
        { token },
      );
      await publish(token, fr.data.createPost.id);
    }
    await new Promise((r) => setTimeout(r, 150));
    const query =
      'query($s: String!) { posts(first: 20, search: $s, locale: "en") { edges { node { title translations { locale title author { name } } } } } }';
    const { result, statements } = await countSql(() => gql<any>(query, { s: word }));
    expect(result.errors).toBeUndefined();
    const edges = result.data!.posts.edges;
    expect(edges).toHaveLength(8);
    for (const edge of edges) {
      expect(edge.node.translations).toHaveLength(1);
      expect(edge.node.translations[0].locale).toBe('fr');
      expect(edge.node.translations[0].title.replace(' fr ', ' en ')).toBe(edge.node.title);
    }
    // The page, and one query for every row's translations.
    expect(statements.length).toBeLessThanOrEqual(2);
  });

  it('lets an author-role API token work on the drafts it wrote, as its creator', async () => {
    const admin = await signedIn('admin');
    const roles = await gql<any>('{ roles { id name } }', {}, { token: admin.token });
    const authorRole = roles.data.roles.find((r: any) => r.name === 'author').id;
    const created = await gql<any>(
      'mutation($r: ID!) { createApiToken(input: { name: "Importer", roleId: $r }) { token } }',
      { r: authorRole },
      { token: admin.token },
    );
    const token = created.data.createApiToken.token as string;
    const post = await createPost(token, { title: unique('Imported') });
    const preview = await gql<any>(
      'query($id: ID!) { post(id: $id, preview: true) { id author { id } } }',
      { id: post.id },
      { token },
    );
    expect(preview.data.post.id).toBe(post.id);
    expect(preview.data.post.author.id).toBe(admin.userId);
    const edited = await gql<any>(
      'mutation($id: ID!) { updatePost(id: $id, input: { body: "Imported body" }, expectedVersion: 1) { version } }',
      { id: post.id },
      { token },
    );
    expect(edited.data.updatePost.version).toBe(2);
    const other = await signedIn('author');
    const hidden = await gql<any>(
      'query($id: ID!) { post(id: $id, preview: true) { id } }',
      { id: post.id },
      { token: other.token },
    );
    expect(hidden.data.post).toBeNull();
  });

  it('declares revisions on the Publishable interface, staff only', async () => {
    const { token } = await signedIn('editor');
    const post = await createPost(token, { title: unique('History') });
    await gql(
      'mutation($id: ID!) { updatePost(id: $id, input: { title: "History, revised" }, expectedVersion: 1) { id } }',
      { id: post.id },
      { token },
    );
    const query =
      'query($id: ID!) { node(id: $id) { ... on Publishable { title revisions(first: 5) { totalCount edges { node { action version } } } } } }';
    const staff = await gql<any>(query, { id: post.id }, { token });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.node.revisions.totalCount).toBe(1);
    expect(staff.data.node.revisions.edges[0].node).toEqual({ action: 'update', version: 1 });
    const author = await signedIn('author');
    await publish(token, post.id);
    const denied = await gql<any>(query, { id: post.id }, { token: author.token });
    expect(denied.data.node.title).toBe('History, revised');
    expect(denied.data.node.revisions).toBeNull();
    expect(codes(denied)).toEqual(['FORBIDDEN']);
  });

  it('caches list counts only until the next change', async () => {
    const { token } = await signedIn('editor');
    const word = unique('counted').replace(' ', '');
    const count = async () =>
      (await gql<any>('query($s: String!) { posts(search: $s) { totalCount } }', { s: word })).data.posts.totalCount;
    const first = await createPost(token, { title: `${word} one` });
    await publish(token, first.id);
    expect(await count()).toBe(1);
    expect(await count()).toBe(1); // served from the cache
    const second = await createPost(token, { title: `${word} two` });
    await publish(token, second.id);
    expect(await count()).toBe(2); // the mutation cleared it
    await gql('mutation($id: ID!) { unpublish(id: $id) { id } }', { id: second.id }, { token });
    expect(await count()).toBe(1);
  });
});
