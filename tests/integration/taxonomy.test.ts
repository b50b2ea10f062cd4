/**
 * Categories and tags: create, update, delete through the API; slugs unique per locale, input
 * validation, permission refusals, audit events, and deletion of items in use (detached from
 * their posts, which stay).
 */
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { decodeGlobalIdOf, toGlobalId } from '../../src/schema/global-id.js';
import { codes, countSql, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

const unique = () => Math.random().toString(36).slice(2, 8);

const CATEGORY_FIELDS = 'id name slug locale description createdAt updatedAt';
const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { ${CATEGORY_FIELDS} } }`;
const UPDATE_CATEGORY = `mutation ($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { ${CATEGORY_FIELDS} } }`;
const DELETE_CATEGORY = `mutation ($id: ID!) { deleteCategory(id: $id) { ${CATEGORY_FIELDS} } }`;
const CREATE_TAG = 'mutation ($input: CreateTagInput!) { createTag(input: $input) { id name slug locale } }';
const UPDATE_TAG =
  'mutation ($id: ID!, $input: UpdateTagInput!) { updateTag(id: $id, input: $input) { id name slug locale } }';
const DELETE_TAG = 'mutation ($id: ID!) { deleteTag(id: $id) { id name slug locale } }';

async function editor() {
  return (await signedIn('editor')).token;
}

async function createCategory(token: string, input: Record<string, unknown>) {
  const res = await gql<any>(CREATE_CATEGORY, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createCategory as { id: string; name: string; slug: string; locale: string; description: string };
}

async function createTag(token: string, input: Record<string, unknown>) {
  const res = await gql<any>(CREATE_TAG, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createTag as { id: string; name: string; slug: string; locale: string };
}

/** The single error of a response: its code and extensions.fields. */
function failure(res: { errors?: Array<{ extensions?: { code?: string; fields?: Record<string, string> } }> }) {
  expect(res.errors).toHaveLength(1);
  return { code: res.errors![0]!.extensions?.code, fields: res.errors![0]!.extensions?.fields };
}

describe('categories', () => {
  it('an editor creates a category; the slug is made from the name, free within the locale', async () => {
    const token = await editor();
    const name = `Clean Water ${unique()}`;
    const first = await createCategory(token, { name: `  ${name}  `, description: 'Wells and pumps' });
    const base = name.toLowerCase().replaceAll(' ', '-');
    expect(first).toMatchObject({ name, slug: base, locale: 'en', description: 'Wells and pumps' });
    expect(decodeGlobalIdOf(first.id, 'Category', 'id')).toBeTruthy();

    const second = await createCategory(token, { name });
    expect(second.slug).toBe(`${base}-2`);
    const french = await createCategory(token, { name, locale: 'fr' });
    expect(french).toMatchObject({ slug: base, locale: 'fr', description: '' });

    const listed = await gql<any>('query ($s: String) { categories(search: $s, locale: "en") { totalCount } }', {
      s: name,
    });
    expect(listed.data.categories.totalCount).toBe(2);

    const audit = await prisma.auditEvent.findMany({
      where: {
        action: 'taxonomy.create',
        targetType: 'Category',
        targetId: decodeGlobalIdOf(first.id, 'Category', 'id'),
      },
    });
    expect(audit).toHaveLength(1);
  });

  it('concurrent creates with the same name all succeed with distinct auto-made slugs', async () => {
    const token = await editor();
    const name = `Race ${unique()}`;
    for (const mutation of [CREATE_CATEGORY, CREATE_TAG]) {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => gql<any>(mutation, { input: { name } }, { token })),
      );
      expect(results.flatMap((r) => codes(r))).toEqual([]);
      const slugs = results.map((r) => (r.data.createCategory ?? r.data.createTag).slug);
      expect(new Set(slugs).size).toBe(10);
    }
  });

  it('refuses a duplicate explicit slug in the same locale with CONFLICT naming slug', async () => {
    const token = await editor();
    const slug = `health-${unique()}`;
    await createCategory(token, { name: 'Health', slug });
    const dup = await gql(CREATE_CATEGORY, { input: { name: 'Health again', slug } }, { token });
    expect(failure(dup)).toEqual({ code: 'CONFLICT', fields: { slug: 'is taken' } });
    // Another locale may use it.
    await createCategory(token, { name: 'Santé', slug, locale: 'fr' });

    const other = await createCategory(token, { name: 'Other' });
    const clash = await gql(UPDATE_CATEGORY, { id: other.id, input: { slug } }, { token });
    expect(failure(clash)).toEqual({ code: 'CONFLICT', fields: { slug: 'is taken' } });
    // Moving the French one into English clashes too.
    const fr = await prisma.category.findUniqueOrThrow({ where: { locale_slug: { locale: 'fr', slug } } });
    const move = await gql(UPDATE_CATEGORY, { id: toGlobalId('Category', fr.id), input: { locale: 'en' } }, { token });
    expect(failure(move)).toEqual({ code: 'CONFLICT', fields: { slug: 'is taken' } });
  });

  it('validates every field with BAD_USER_INPUT and extensions.fields', async () => {
    const token = await editor();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Ok', description: 'd'.repeat(1001) }, 'description'],
      [{ name: 'Ok', slug: 'Not A Slug' }, 'slug'],
      [{ name: 'Ok', slug: 'double--hyphen' }, 'slug'],
      [{ name: 'Ok', slug: '' }, 'slug'],
      [{ name: 'Ok', slug: 'a'.repeat(121) }, 'slug'],
      [{ name: 'Ok', locale: 'xx' }, 'locale'],
    ];
    for (const [input, field] of cases) {
      const res = await gql(CREATE_CATEGORY, { input }, { token });
      const { code, fields } = failure(res);
      expect(code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields ?? {}), JSON.stringify(input)).toEqual([field]);
    }
    // Several problems at once are reported together.
    const many = await gql(CREATE_CATEGORY, { input: { name: '', slug: 'BAD', locale: 'xx' } }, { token });
    expect(Object.keys(failure(many).fields ?? {}).sort()).toEqual(['locale', 'name', 'slug']);

    const ok = await createCategory(token, { name: 'Valid' });
    for (const [input, field] of [
      [{ name: null }, 'name'],
      [{ name: '' }, 'name'],
      [{ slug: null }, 'slug'],
      [{ slug: 'Bad Slug' }, 'slug'],
      [{ locale: null }, 'locale'],
      [{ locale: 'xx' }, 'locale'],
      [{ description: 'd'.repeat(1001) }, 'description'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await gql(UPDATE_CATEGORY, { id: ok.id, input }, { token });
      const { code, fields } = failure(res);
      expect(code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields ?? {})).toEqual([field]);
    }
    const badId = await gql(UPDATE_CATEGORY, { id: 'nope', input: { name: 'X' } }, { token });
    expect(failure(badId)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.any(String) } });
    const tagId = (await createTag(token, { name: `t ${unique()}` })).id;
    const wrongType = await gql(DELETE_CATEGORY, { id: tagId }, { token });
    expect(failure(wrongType)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.any(String) } });
  });

  it('updates a category and audits it', async () => {
    const token = await editor();
    const created = await createCategory(token, { name: 'Education', description: 'Schools' });
    const slug = `learning-${unique()}`;
    const res = await gql<any>(
      UPDATE_CATEGORY,
      { id: created.id, input: { name: 'Learning', slug, description: null } },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateCategory).toMatchObject({
      id: created.id,
      name: 'Learning',
      slug,
      description: '',
      locale: 'en',
    });
    const moved = await gql<any>(UPDATE_CATEGORY, { id: created.id, input: { locale: 'fr' } }, { token });
    expect(moved.data.updateCategory).toMatchObject({ slug, locale: 'fr', name: 'Learning' });
    const id = decodeGlobalIdOf(created.id, 'Category', 'id');
    expect(await prisma.auditEvent.count({ where: { action: 'taxonomy.update', targetId: id } })).toBe(2);
  });

  it('deleting a category in use detaches it from its posts; the posts stay', async () => {
    const token = await editor();
    const category = await createCategory(token, { name: 'Emergency relief', description: 'Floods' });
    const keep = await createCategory(token, { name: 'Kept' });
    const post = await gql<any>(
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { id categories { id } } }',
      { input: { title: 'Flood response', categoryIds: [category.id, keep.id] } },
      { token },
    );
    expect(post.errors).toBeUndefined();
    expect(post.data.createPost.categories).toHaveLength(2);
    const categoryId = decodeGlobalIdOf(category.id, 'Category', 'id');
    const postId = decodeGlobalIdOf(post.data.createPost.id, 'Post', 'id');
    const joinRows = () =>
      prisma.$queryRaw<
        Array<{ n: bigint }>
      >`SELECT count(*) AS n FROM "_CategoryToPost" WHERE "A" = ${categoryId}::uuid`;
    expect(Number((await joinRows())[0]!.n)).toBe(1);

    const deleted = await gql<any>(DELETE_CATEGORY, { id: category.id }, { token });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteCategory).toMatchObject({
      id: category.id,
      name: 'Emergency relief',
      slug: category.slug,
      locale: 'en',
      description: 'Floods',
    });
    expect(await prisma.category.findUnique({ where: { id: categoryId } })).toBeNull();
    expect(Number((await joinRows())[0]!.n)).toBe(0);
    const after = await prisma.post.findUniqueOrThrow({ where: { id: postId }, include: { categories: true } });
    expect(after.title).toBe('Flood response');
    expect(after.categories.map((c) => c.name)).toEqual(['Kept']);
    expect(await prisma.auditEvent.count({ where: { action: 'taxonomy.delete', targetId: categoryId } })).toBe(1);

    const again = await gql(DELETE_CATEGORY, { id: category.id }, { token });
    expect(codes(again)).toEqual(['NOT_FOUND']);
    const update = await gql(UPDATE_CATEGORY, { id: category.id, input: { name: 'Back' } }, { token });
    expect(codes(update)).toEqual(['NOT_FOUND']);
    const node = await gql<any>('query ($id: ID!) { node(id: $id) { id } }', { id: category.id });
    expect(node.data.node).toBeNull();
  });

  it('refuses authors (FORBIDDEN) and the anonymous visitor (UNAUTHENTICATED), writing nothing', async () => {
    const token = await editor();
    const existing = await createCategory(token, { name: 'Protected' });
    const author = (await signedIn('author')).token;
    const before = await prisma.category.count();
    for (const [who, expected] of [
      [author, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const options = who ? { token: who } : {};
      expect(codes(await gql(CREATE_CATEGORY, { input: { name: 'Nope' } }, options))).toEqual([expected]);
      expect(codes(await gql(UPDATE_CATEGORY, { id: existing.id, input: { name: 'Nope' } }, options))).toEqual([
        expected,
      ]);
      expect(codes(await gql(DELETE_CATEGORY, { id: existing.id }, options))).toEqual([expected]);
    }
    expect(await prisma.category.count()).toBe(before);
    const still = await prisma.category.findUniqueOrThrow({
      where: { id: decodeGlobalIdOf(existing.id, 'Category', 'id') },
    });
    expect(still.name).toBe('Protected');
  });
});

describe('tags', () => {
  it('create (auto slug), update, delete detaching from posts, with audit events', async () => {
    const token = await editor();
    const name = `Solar ${unique()}`;
    const tag = await createTag(token, { name });
    expect(tag).toMatchObject({ name, slug: name.toLowerCase().replaceAll(' ', '-'), locale: 'en' });
    const twin = await createTag(token, { name });
    expect(twin.slug).toBe(`${tag.slug}-2`);

    const renamed = await gql<any>(
      UPDATE_TAG,
      { id: twin.id, input: { name: 'Solar power', slug: `sp-${unique()}` } },
      { token },
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.updateTag.name).toBe('Solar power');

    const post = await gql<any>(
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
      { input: { title: 'Panels installed', tagIds: [tag.id] } },
      { token },
    );
    expect(post.errors).toBeUndefined();
    const deleted = await gql<any>(DELETE_TAG, { id: tag.id }, { token });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteTag).toEqual(tag);
    const postId = decodeGlobalIdOf(post.data.createPost.id, 'Post', 'id');
    const after = await prisma.post.findUniqueOrThrow({ where: { id: postId }, include: { tags: true } });
    expect(after.tags).toEqual([]);
    const tagId = decodeGlobalIdOf(tag.id, 'Tag', 'id');
    const actions = await prisma.auditEvent.findMany({
      where: { targetType: 'Tag', targetId: { in: [tagId, decodeGlobalIdOf(twin.id, 'Tag', 'id')] } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      'taxonomy.create',
      'taxonomy.create',
      'taxonomy.delete',
      'taxonomy.update',
    ]);
  });

  it('validates input and refuses duplicate slugs per locale', async () => {
    const token = await editor();
    for (const [input, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'y'.repeat(101) }, 'name'],
      [{ name: 'Ok', slug: 'UPPER' }, 'slug'],
      [{ name: 'Ok', locale: 'klingon' }, 'locale'],
    ] as Array<[Record<string, unknown>, string]>) {
      const { code, fields } = failure(await gql(CREATE_TAG, { input }, { token }));
      expect(code).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields ?? {})).toEqual([field]);
    }
    // Tags have no description: the document is refused.
    expect(
      codes(await gql('mutation { createTag(input: { name: "x", description: "y" }) { id } }', {}, { token })),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const slug = `water-${unique()}`;
    await createTag(token, { name: 'Water', slug });
    expect(failure(await gql(CREATE_TAG, { input: { name: 'Water 2', slug } }, { token }))).toEqual({
      code: 'CONFLICT',
      fields: { slug: 'is taken' },
    });
    await createTag(token, { name: 'Eau', slug, locale: 'fr' });
    const other = await createTag(token, { name: 'Other' });
    expect(failure(await gql(UPDATE_TAG, { id: other.id, input: { slug } }, { token }))).toEqual({
      code: 'CONFLICT',
      fields: { slug: 'is taken' },
    });
  });

  it('refuses authors and the anonymous visitor', async () => {
    const token = await editor();
    const tag = await createTag(token, { name: 'Guarded' });
    const author = (await signedIn('author')).token;
    for (const [options, expected] of [
      [{ token: author }, 'FORBIDDEN'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codes(await gql(CREATE_TAG, { input: { name: 'Nope' } }, options))).toEqual([expected]);
      expect(codes(await gql(UPDATE_TAG, { id: tag.id, input: { name: 'Nope' } }, options))).toEqual([expected]);
      expect(codes(await gql(DELETE_TAG, { id: tag.id }, options))).toEqual([expected]);
    }
    expect(await prisma.tag.count({ where: { id: decodeGlobalIdOf(tag.id, 'Tag', 'id'), name: 'Guarded' } })).toBe(1);
  });
});

describe('taxonomy lists', () => {
  it('categories and tags read in a constant number of statements', async () => {
    const token = await editor();
    for (let i = 0; i < 12; i++) {
      await createCategory(token, { name: `Listed category ${i}` });
      await createTag(token, { name: `Listed tag ${i}` });
    }
    await gql('{ me { id } }', undefined, { token });
    await settle();
    for (const list of ['categories', 'tags']) {
      const { result, statements } = await countSql(() =>
        gql<any>(`{ ${list}(first: 50) { totalCount edges { cursor node { id name slug locale } } } }`, undefined, {
          token,
        }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data[list].edges.length).toBeGreaterThanOrEqual(12);
      expect(statements.length).toBeLessThanOrEqual(2);
    }
  });
});
