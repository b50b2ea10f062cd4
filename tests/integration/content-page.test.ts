/** Pages: create/update with versions, paths of a tree that moves, visibility, statement counts. */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes, countSql, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const unique = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

const PAGE_FIELDS = 'id slug path title status version position body bodyHtml locale parent { id path }';

const CREATE = `mutation($input: CreatePageInput!) { createPage(input: $input) { ${PAGE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePageInput!, $v: Int!) {
  updatePage(id: $id, input: $input, expectedVersion: $v) { ${PAGE_FIELDS} }
}`;
const PUBLISH = 'mutation($id: ID!) { publish(id: $id) { id status } }';

let editor: string;
let author: string;

beforeAll(async () => {
  editor = (await signedIn('editor')).token;
  author = (await signedIn('author')).token;
});

async function createPage(input: Record<string, unknown>, token = editor) {
  const res = await gql<any>(CREATE, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createPage as { id: string; path: string; slug: string; version: number };
}

async function publish(id: string) {
  const res = await gql<any>(PUBLISH, { id }, { token: editor });
  expect(res.errors).toBeUndefined();
  expect(res.data.publish.status).toBe('PUBLISHED');
}

async function pathOf(id: string): Promise<string> {
  const res = await gql<any>('query($id: ID!) { page(id: $id, preview: true) { path } }', { id }, { token: editor });
  return res.data.page.path;
}

describe('createPage and updatePage', () => {
  it('computes paths from the parent, makes slugs, renders the body', async () => {
    const rootSlug = unique('about');
    const root = await createPage({ title: 'About us', slug: rootSlug, body: '# Hi\n\n<script>x</script>' });
    expect(root.path).toBe(rootSlug);
    expect(root.version).toBe(1);
    const child = await createPage({ title: 'Our Team', parentId: root.id });
    expect(child.slug).toBe('our-team');
    expect(child.path).toBe(`${rootSlug}/our-team`);
    // The same title under the same parent gets the next free slug; under another parent it is free.
    const again = await createPage({ title: 'Our Team', parentId: root.id });
    expect(again.path).toBe(`${rootSlug}/our-team-2`);
    const grandchild = await createPage({ title: 'Board', parentId: child.id });
    expect(grandchild.path).toBe(`${rootSlug}/our-team/board`);
    expect((grandchild as any).parent.id).toBe(child.id);
    // Appended after the siblings.
    expect((again as any).position).toBe((child as any).position + 1);

    const read = await gql<any>(
      'query($id: ID!) { page(id: $id, preview: true) { bodyHtml } }',
      { id: root.id },
      {
        token: editor,
      },
    );
    expect(read.data.page.bodyHtml).toContain('<h1>Hi</h1>');
    expect(read.data.page.bodyHtml).not.toContain('<script');
  });

  it('refuses a duplicate path with CONFLICT on slug, and bad input with fields', async () => {
    const slug = unique('contact');
    await createPage({ title: 'Contact', slug });
    const dup = await gql(CREATE, { input: { title: 'Contact again', slug } }, { token: editor });
    expect(codes(dup)).toEqual(['CONFLICT']);
    expect(dup.errors?.[0]?.extensions?.fields).toEqual({ slug: 'is taken' });

    const badLocale = await gql(CREATE, { input: { title: 'X', locale: 'xx' } }, { token: editor });
    expect(codes(badLocale)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(badLocale.errors?.[0]?.extensions?.fields ?? {})).toEqual(['locale']);

    const badSlug = await gql(CREATE, { input: { title: 'X', slug: 'Not A Slug', position: -1 } }, { token: editor });
    expect(codes(badSlug)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(badSlug.errors?.[0]?.extensions?.fields ?? {}).sort()).toEqual(['position', 'slug']);

    const noTitle = await gql(CREATE, { input: { title: '  ' } }, { token: editor });
    expect(noTitle.errors?.[0]?.extensions?.fields).toHaveProperty('title');

    const badParent = await gql(
      CREATE,
      { input: { title: 'X', parentId: 'UG9zdDoxMjM=' } }, // a Post id
      { token: editor },
    );
    expect(codes(badParent)).toEqual(['BAD_USER_INPUT']);
    expect(badParent.errors?.[0]?.extensions?.fields).toHaveProperty('parentId');
  });

  it('updates with expectedVersion: a stale version is CONFLICT', async () => {
    const page = await createPage({ title: 'Versions', slug: unique('versions') });
    const ok = await gql<any>(
      UPDATE,
      { id: page.id, input: { title: 'Versions 2', body: 'new' }, v: 1 },
      {
        token: editor,
      },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updatePage.version).toBe(2);
    expect(ok.data.updatePage.title).toBe('Versions 2');
    const stale = await gql(UPDATE, { id: page.id, input: { title: 'Versions 3' }, v: 1 }, { token: editor });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);

    const revisions = await gql<any>(
      'query($id: ID!) { page(id: $id, preview: true) { revisions(first: 5) { totalCount edges { node { version changedFields } } } } }',
      { id: page.id },
      { token: editor },
    );
    expect(revisions.data.page.revisions.totalCount).toBe(1);
    expect(revisions.data.page.revisions.edges[0].node.changedFields).toEqual(
      expect.arrayContaining(['title', 'body']),
    );
  });

  it('rewrites the paths of a page and all its descendants on a slug change or a move', async () => {
    const a = await createPage({ title: 'A', slug: unique('a') });
    const b = await createPage({ title: 'B', slug: unique('b') });
    const child = await createPage({ title: 'Child', slug: 'child', parentId: a.id });
    const grand = await createPage({ title: 'Grand', slug: 'grand', parentId: child.id });
    const great = await createPage({ title: 'Great', slug: 'great', parentId: grand.id });

    // Slug change of the root.
    const renamed = unique('a-renamed');
    const r1 = await gql<any>(UPDATE, { id: a.id, input: { slug: renamed }, v: a.version }, { token: editor });
    expect(r1.errors).toBeUndefined();
    expect(r1.data.updatePage.path).toBe(renamed);
    expect(await pathOf(child.id)).toBe(`${renamed}/child`);
    expect(await pathOf(grand.id)).toBe(`${renamed}/child/grand`);
    expect(await pathOf(great.id)).toBe(`${renamed}/child/grand/great`);

    // Move the child (with its subtree) under B.
    const moved = await gql<any>(
      UPDATE,
      { id: child.id, input: { parentId: b.id }, v: child.version },
      {
        token: editor,
      },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updatePage.path).toBe(`${b.slug}/child`);
    expect(moved.data.updatePage.parent.id).toBe(b.id);
    expect(await pathOf(grand.id)).toBe(`${b.slug}/child/grand`);
    expect(await pathOf(great.id)).toBe(`${b.slug}/child/grand/great`);

    // Move to the root with a new slug at once.
    const top = unique('top');
    const toRoot = await gql<any>(
      UPDATE,
      { id: child.id, input: { parentId: null, slug: top }, v: moved.data.updatePage.version },
      { token: editor },
    );
    expect(toRoot.errors).toBeUndefined();
    expect(toRoot.data.updatePage.path).toBe(top);
    expect(toRoot.data.updatePage.parent).toBeNull();
    expect(await pathOf(great.id)).toBe(`${top}/grand/great`);

    // The descendants' rows kept their own versions (only the moved page changed).
    const g = await gql<any>(
      'query($id: ID!) { page(id: $id, preview: true) { version } }',
      { id: grand.id },
      {
        token: editor,
      },
    );
    expect(g.data.page.version).toBe(1);
  });

  it('refuses to move a page under itself or a descendant, and a move onto a taken path', async () => {
    const root = await createPage({ title: 'Root', slug: unique('root') });
    const child = await createPage({ title: 'Child', slug: 'child', parentId: root.id });
    const grand = await createPage({ title: 'Grand', slug: 'grand', parentId: child.id });
    for (const parentId of [root.id, child.id, grand.id]) {
      const res = await gql(UPDATE, { id: root.id, input: { parentId }, v: root.version }, { token: editor });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0]?.extensions?.fields).toHaveProperty('parentId');
    }
    expect(await pathOf(root.id)).toBe(root.path);

    // A sibling named "grand" under root: moving child/grand next to it collides.
    await createPage({ title: 'Grand', slug: 'grand', parentId: root.id });
    const clash = await gql(
      UPDATE,
      { id: grand.id, input: { parentId: root.id }, v: grand.version },
      {
        token: editor,
      },
    );
    expect(codes(clash)).toEqual(['CONFLICT']);
    expect(clash.errors?.[0]?.extensions?.fields).toHaveProperty('slug');
    expect(await pathOf(grand.id)).toBe(`${root.path}/child/grand`);
  });
});

describe('visibility', () => {
  it('hides drafts from the public in lists, lookups, node, children and parent until published', async () => {
    const root = await createPage({ title: 'Public root', slug: unique('public-root') }, author);
    const child = await createPage({ title: 'Hidden child', slug: 'hidden', parentId: root.id }, author);

    const list = `query($id: ID!) { pages(first: 100, where: { parentId: $id }) { totalCount edges { node { id } } } }`;
    expect((await gql<any>(list, { id: root.id })).data.pages.totalCount).toBe(0);
    const byPath = await gql<any>('query($path: String!) { page(path: $path) { id } }', { path: root.path });
    expect(byPath.errors).toBeUndefined();
    expect(byPath.data.page).toBeNull();
    const node = await gql<any>('query($id: ID!) { node(id: $id) { id } }', { id: root.id });
    expect(node.data.node).toBeNull();

    // The author sees their own draft with preview, not without.
    const own = await gql<any>(
      'query($id: ID!) { page(id: $id, preview: true) { id } }',
      { id: root.id },
      {
        token: author,
      },
    );
    expect(own.data.page.id).toBe(root.id);
    const ownNoPreview = await gql<any>('query($id: ID!) { page(id: $id) { id } }', { id: root.id }, { token: author });
    expect(ownNoPreview.data.page).toBeNull();

    await publish(root.id);
    const rootRead = `query($path: String!) { page(path: $path) { id children(first: 10) { totalCount edges { node { id } } } } }`;
    const published = await gql<any>(rootRead, { path: root.path });
    expect(published.data.page.id).toBe(root.id);
    expect(published.data.page.children.totalCount).toBe(0);
    expect(published.data.page.children.edges).toEqual([]);
    expect((await gql<any>(list, { id: root.id })).data.pages.totalCount).toBe(0);

    await publish(child.id);
    const withChild = await gql<any>(rootRead, { path: root.path });
    expect(withChild.data.page.children.totalCount).toBe(1);
    expect(withChild.data.page.children.edges[0].node.id).toBe(child.id);
    expect((await gql<any>(list, { id: root.id })).data.pages.totalCount).toBe(1);

    // The parent's slug is part of the child's public path: the parent cannot go down while a
    // published child remains, and a child cannot go live under an unpublished parent.
    const unpublish = await gql('mutation($id: ID!) { unpublish(id: $id) { id } }', { id: root.id }, { token: editor });
    expect(codes(unpublish)).toEqual(['CONFLICT']);
    expect(unpublish.errors![0]!.extensions!.publishedChildren).toBe(1);
    const trash = await gql('mutation($id: ID!) { deleteContent(id: $id) { id } }', { id: root.id }, { token: editor });
    expect(codes(trash)).toEqual(['CONFLICT']);
    const childDown = await gql(
      'mutation($id: ID!) { unpublish(id: $id) { id } }',
      { id: child.id },
      { token: editor },
    );
    expect(childDown.errors).toBeUndefined();
    const rootDown = await gql('mutation($id: ID!) { unpublish(id: $id) { id } }', { id: root.id }, { token: editor });
    expect(rootDown.errors).toBeUndefined();
    const orphanUp = await gql('mutation($id: ID!) { publish(id: $id) { id } }', { id: child.id }, { token: editor });
    expect(codes(orphanUp)).toEqual(['BAD_USER_INPUT']);
    expect(orphanUp.errors![0]!.extensions!.fields).toEqual({ id: 'has an unpublished parent page' });
    const hidden = await gql<any>('query($path: String!) { page(path: $path) { id } }', { path: child.path });
    expect(hidden.data.page).toBeNull();
    const staff = await gql<any>(
      'query($id: ID!) { page(id: $id, preview: true) { parent { id } } }',
      { id: child.id },
      { token: editor },
    );
    expect(staff.data.page.parent.id).toBe(root.id);
  });

  it('looks pages up by path with a default-locale fallback', async () => {
    const slug = unique('donate');
    const page = await createPage({ title: 'Donate', slug });
    await publish(page.id);
    const fr = await gql<any>('query($p: String!) { page(path: $p, locale: "fr") { id } }', { p: slug });
    expect(fr.data.page).toBeNull();
    const fallback = await gql<any>(
      'query($p: String!) { page(path: $p, locale: "fr", fallbackToDefaultLocale: true) { id locale } }',
      { p: slug },
    );
    expect(fallback.data.page).toEqual({ id: page.id, locale: 'en' });
    const badLocale = await gql('query($p: String!) { page(path: $p, locale: "xx") { id } }', { p: slug });
    expect(codes(badLocale)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('pages list', () => {
  it('filters roots, orders by position, and reads nested children in a constant number of statements', async () => {
    const { token } = await signedIn('editor');
    const tag = unique('tree');
    for (let i = 0; i < 6; i++) {
      const root = await createPage({ title: `${tag} root ${i}`, slug: `${tag}-${i}`, position: 100 + i }, token);
      await publish(root.id);
      for (let j = 0; j < 3; j++) {
        const child = await createPage(
          { title: `Child ${j}`, slug: `c${j}`, parentId: root.id, position: 2 - j },
          token,
        );
        if (j !== 1) await publish(child.id);
      }
    }
    const query = `query($s: String!) { pages(first: 10, search: $s, where: { rootOnly: true }, orderBy: [{ position: DESC }]) {
      totalCount
      edges { node { title path author { name } parent { id }
        children(first: 5) { totalCount edges { node { slug path position author { name } parent { id } } } } } }
    } }`;
    // As the public (the draft child c1 is hidden), then as the editor who sees it.
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const { result, statements } = await countSql(() => gql<any>(query, { s: tag }));
    expect(result.errors).toBeUndefined();
    const edges = result.data!.pages.edges;
    expect(result.data!.pages.totalCount).toBe(6);
    expect(edges.map((e: any) => e.node.title)).toEqual([5, 4, 3, 2, 1, 0].map((i) => `${tag} root ${i}`));
    // The draft child (c1) is hidden; the others by position (c2 at 0, c0 at 2).
    for (const edge of edges) {
      expect(edge.node.children.totalCount).toBe(2);
      expect(edge.node.children.edges.map((e: any) => e.node.slug)).toEqual(['c2', 'c0']);
    }
    // The page (with parents, authors, children and their counts joined) and the count.
    expect(statements.length).toBeLessThanOrEqual(2);

    // Staff see draft children in preview mode.
    const staff = await countSql(() =>
      gql<any>(query.replace('search: $s,', 'search: $s, preview: true,'), { s: tag }, { token }),
    );
    expect(staff.result.errors).toBeUndefined();
    expect(staff.result.data!.pages.edges[0].node.children.edges.map((e: any) => e.node.slug)).toEqual([
      'c2',
      'c1',
      'c0',
    ]);
    expect(staff.statements.length).toBeLessThanOrEqual(2);

    const many = await gql('{ pages(first: 101) { totalCount } }');
    expect(codes(many)).toEqual(['BAD_USER_INPUT']);
  });
});
