/**
 * Posts through HTTP: creating (slugs, validation, who may), the sanitized body, optimistic
 * versioning and revisions, translations, the posts list (filters, order, cursors, statement
 * count) and editorial notes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { decodeGlobalIdOf, toGlobalId } from '../../src/schema/global-id.js';
import { codes, countSql, type GqlResponse, gql } from '../helpers/client.js';
import { createUser, login, signedIn } from '../helpers/factories.js';

const POST = 'id slug locale title status version excerpt publishedAt translationOutdated author { id name }';

const CREATE = `mutation Create($input: CreatePostInput!) { createPost(input: $input) { ${POST} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdatePostInput!, $v: Int!) {
  updatePost(id: $id, input: $input, expectedVersion: $v) { ${POST} }
}`;

/** A word no other test uses, to scope lists by `search`. */
const marker = () => `zq${randomBytes(5).toString('hex')}`;

const rawId = (globalId: string) => decodeGlobalIdOf(globalId, 'Post', 'id');

async function createPost(token: string, input: Record<string, unknown>) {
  const res = await gql<any>(CREATE, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createPost as { id: string; slug: string; version: number; title: string; [k: string]: any };
}

function updatePost(token: string, id: string, input: Record<string, unknown>, v: number) {
  return gql<any>(UPDATE, { id, input, v }, { token });
}

async function publish(token: string, id: string, at?: string) {
  const res = await gql<any>(
    'mutation($id: ID!, $at: DateTime) { publish(id: $id, at: $at) { id status } }',
    { id, at },
    { token },
  );
  expect(res.errors).toBeUndefined();
  return res.data.publish;
}

async function submit(token: string, id: string) {
  const res = await gql<any>('mutation($id: ID!) { submitForReview(id: $id) { id status } }', { id }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.submitForReview;
}

function expectError(res: GqlResponse<any>, code: string) {
  expect(codes(res)).toEqual([code]);
  return res.errors![0]!;
}

async function makeCategory(name: string) {
  const slug = `${name.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const row = await prisma.category.create({ data: { name, slug } });
  return { ...row, globalId: toGlobalId('Category', row.id) };
}

async function makeTag(name: string) {
  const slug = `${name.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const row = await prisma.tag.create({ data: { name, slug } });
  return { ...row, globalId: toGlobalId('Tag', row.id) };
}

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('createPost', () => {
  it('makes an ASCII-folded slug from the title; the same title again gets -2; the author is the caller', async () => {
    const author = await signedIn('author');
    const first = await createPost(author.token, { title: 'Crème brûlée' });
    expect(first).toMatchObject({
      slug: 'creme-brulee',
      locale: 'en',
      title: 'Crème brûlée',
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      author: { id: author.userId, name: 'Test author' },
    });
    const second = await createPost(author.token, { title: 'Crème brûlée' });
    expect(second.slug).toBe('creme-brulee-2');
    expect(second.id).not.toBe(first.id);
    const third = await createPost(author.token, { title: '  Crème   Brûlée!  ' });
    expect(third.slug).toBe('creme-brulee-3');
    expect(third.title).toBe('Crème   Brûlée!');
    const row = await prisma.post.findUniqueOrThrow({ where: { id: rawId(first.id) } });
    expect(row.authorId).toBe(author.user.id);
  });

  it('refuses an explicit slug taken in the same locale (CONFLICT naming slug); another locale may use it', async () => {
    const editor = await signedIn('editor');
    const slug = `dup-${marker()}`;
    const en = await createPost(editor.token, { title: 'First', slug });
    expect(en).toMatchObject({ slug, locale: 'en' });

    const again = await gql<any>(CREATE, { input: { title: 'Second', slug } }, { token: editor.token });
    const error = expectError(again, 'CONFLICT');
    expect(error.extensions?.fields).toEqual({ slug: 'is taken' });
    expect(error.message).toContain(slug);
    expect(again.data).toBeNull();
    expect(await prisma.post.count({ where: { slug } })).toBe(1);

    const fr = await createPost(editor.token, { title: 'Deuxième', slug, locale: 'fr' });
    expect(fr).toMatchObject({ slug, locale: 'fr' });
    expect(await prisma.post.count({ where: { slug } })).toBe(2);
  });

  it('validates every field: BAD_USER_INPUT with extensions.fields, nothing written', async () => {
    const author = await signedIn('author');
    const before = await prisma.post.count();
    const cases: Array<[Record<string, unknown>, Record<string, RegExp>]> = [
      [{ title: '' }, { title: /required/ }],
      [{ title: '   ' }, { title: /required/ }],
      [{ title: 'x'.repeat(301) }, { title: /1 to 300/ }],
      [{ title: 'ok', slug: 'Not A Slug' }, { slug: /lower-case/ }],
      [{ title: 'ok', slug: 'double--hyphen' }, { slug: /lower-case/ }],
      [{ title: 'ok', slug: '-leading' }, { slug: /lower-case/ }],
      [{ title: 'ok', slug: 'a'.repeat(121) }, { slug: /120/ }],
      [{ title: 'ok', locale: 'de' }, { locale: /en, fr/ }],
      [{ title: 'ok', excerpt: 'e'.repeat(1001) }, { excerpt: /1000/ }],
      [{ title: 'ok', categoryIds: [toGlobalId('Category', randomUUID())] }, { categoryIds: /missing/ }],
      [{ title: 'ok', tagIds: [toGlobalId('Tag', randomUUID())] }, { tagIds: /missing/ }],
      [{ title: 'ok', categoryIds: [toGlobalId('Tag', randomUUID())] }, { categoryIds: /Category/ }],
      [{ title: 'ok', categoryIds: ['garbage'] }, { categoryIds: /Category/ }],
      // Several problems at once are reported together.
      [
        { title: 'x'.repeat(301), slug: 'Bad', locale: 'xx', excerpt: 'e'.repeat(1001) },
        { title: /300/, slug: /lower-case/, locale: /one of/, excerpt: /1000/ },
      ],
    ];
    for (const [input, fields] of cases) {
      const res = await gql<any>(CREATE, { input }, { token: author.token });
      const error = expectError(res, 'BAD_USER_INPUT');
      expect(res.data).toBeNull();
      expect(Object.keys(error.extensions?.fields ?? {}).sort(), JSON.stringify(input).slice(0, 80)).toEqual(
        Object.keys(fields).sort(),
      );
      for (const [field, pattern] of Object.entries(fields)) expect(error.extensions!.fields![field]).toMatch(pattern);
    }
    expect(await prisma.post.count()).toBe(before);

    // The limits themselves are accepted.
    const edge = await createPost(author.token, {
      title: 't'.repeat(300),
      excerpt: 'e'.repeat(1000),
      slug: 'a'.repeat(120),
    });
    expect(edge.title).toHaveLength(300);
  });

  it('connects categories and tags (listed by name)', async () => {
    const editor = await signedIn('editor');
    const water = await makeCategory('Water');
    const health = await makeCategory('Health');
    const tag = await makeTag('Wells');
    const res = await gql<any>(
      `mutation($input: CreatePostInput!) { createPost(input: $input) { id categories { id name slug } tags { id name } } }`,
      {
        input: { title: 'Wells for villages', categoryIds: [water.globalId, health.globalId], tagIds: [tag.globalId] },
      },
      { token: editor.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createPost.categories).toEqual([
      { id: health.globalId, name: 'Health', slug: health.slug },
      { id: water.globalId, name: 'Water', slug: water.slug },
    ]);
    expect(res.data.createPost.tags).toEqual([{ id: tag.globalId, name: 'Wells' }]);
  });

  // BUG (src/schema/content/post.service.ts, createPost ~l.72-110): the free auto-made slug is
  // looked up, then inserted; concurrent creates with the same title pick the same slug and all but
  // one fail with CONFLICT on a slug the client never sent. Fix: when input.slug was absent, retry
  // on P2002 with the next free suffix (a few attempts).
  it('concurrent creates with the same title all succeed with distinct auto-made slugs', async () => {
    const editor = await signedIn('editor');
    const title = `Race ${marker()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => gql<any>(CREATE, { input: { title } }, { token: editor.token })),
    );
    expect(results.flatMap((r) => codes(r))).toEqual([]);
    expect(new Set(results.map((r) => r.data.createPost.slug)).size).toBe(10);
  });

  it('refuses the anonymous visitor (UNAUTHENTICATED) and a public-role user (FORBIDDEN)', async () => {
    const before = await prisma.post.count();
    const anonymous = await gql<any>(CREATE, { input: { title: 'Spam' } });
    expectError(anonymous, 'UNAUTHENTICATED');
    expect(anonymous.data).toBeNull();

    const visitor = await createUser('public');
    const { accessToken } = await login(visitor.email, visitor.password);
    const forbidden = await gql<any>(CREATE, { input: { title: 'Spam' } }, { token: accessToken });
    expectError(forbidden, 'FORBIDDEN');
    expect(forbidden.data).toBeNull();
    expect(await prisma.post.count()).toBe(before);
  });
});

describe('bodyHtml', () => {
  it('is sanitized HTML: no scripts, event handlers, javascript: or data: links; headings, links and emphasis kept', async () => {
    const editor = await signedIn('editor');
    const body = [
      '# Our work',
      '',
      'We *dig* **wells**. Read [the report](https://example.org/report) or [about us](/about).',
      '',
      '<script>alert("body")</script>',
      '',
      '<img src="https://example.org/a.png" onerror="alert(1)">',
      '',
      '<a href="https://example.org" onclick="alert(2)">click</a>',
      '',
      '[js](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
    ].join('\n');
    const post = await createPost(editor.token, { title: 'Sanitized', body });
    await publish(editor.token, post.id);
    const res = await gql<any>('query($id: ID!) { post(id: $id) { body bodyHtml } }', { id: post.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.post.body).toBe(body);
    const html: string = res.data.post.bodyHtml;
    expect(html).toContain('<h1>Our work</h1>');
    expect(html).toContain('<em>dig</em>');
    expect(html).toContain('<strong>wells</strong>');
    expect(html).toContain('<a href="https://example.org/report" rel="noopener noreferrer nofollow">the report</a>');
    expect(html).toContain('<a href="/about">about us</a>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">click</a>');
    expect(html).toContain('<img src="https://example.org/a.png" />');
    expect(html).toContain('<a>js</a>');
    expect(html).toContain('<a>data</a>');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|data:|alert/i);
  });
});

describe('updatePost', () => {
  it('increments the version; a stale expectedVersion is CONFLICT with currentVersion; revisions keep the old state', async () => {
    const author = await signedIn('author');
    const post = await createPost(author.token, { title: 'Original title', excerpt: 'Short' });

    const first = await updatePost(author.token, post.id, { title: 'Second title' }, 1);
    expect(first.errors).toBeUndefined();
    expect(first.data.updatePost).toMatchObject({ id: post.id, title: 'Second title', version: 2, excerpt: 'Short' });

    const stale = await updatePost(author.token, post.id, { title: 'Lost update' }, 1);
    const error = expectError(stale, 'CONFLICT');
    expect(error.extensions?.currentVersion).toBe(2);
    expect(stale.data).toBeNull();

    const second = await updatePost(author.token, post.id, { excerpt: 'Longer', title: 'Second title' }, 2);
    expect(second.errors).toBeUndefined();
    expect(second.data.updatePost).toMatchObject({ title: 'Second title', excerpt: 'Longer', version: 3 });

    const row = await prisma.post.findUniqueOrThrow({ where: { id: rawId(post.id) } });
    expect(row).toMatchObject({ title: 'Second title', version: 3 });

    const revisions = await prisma.revision.findMany({
      where: { contentType: 'Post', contentId: rawId(post.id) },
      orderBy: { version: 'asc' },
    });
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toMatchObject({
      version: 1,
      action: 'update',
      changedFields: ['title'],
      authorId: author.user.id,
    });
    expect((revisions[0]!.snapshot as any).title).toBe('Original title');
    // Only what really changed is listed (the title was sent unchanged).
    expect(revisions[1]).toMatchObject({ version: 2, action: 'update', changedFields: ['excerpt'] });
    expect(revisions[1]!.snapshot as any).toMatchObject({ title: 'Second title', excerpt: 'Short', version: 2 });
  });

  it('of twenty concurrent updates with the same expectedVersion exactly one wins', async () => {
    const editor = await signedIn('editor');
    const post = await createPost(editor.token, { title: 'Contended' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => updatePost(editor.token, post.id, { title: `Writer ${i}` }, 1)),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(codes(loser)).toEqual(['CONFLICT']);
      expect(loser.errors![0]!.extensions?.currentVersion).toBe(2);
      expect(loser.status).toBeLessThan(500);
    }
    const winner = winners[0]!.data.updatePost;
    expect(winner.version).toBe(2);
    const row = await prisma.post.findUniqueOrThrow({ where: { id: rawId(post.id) } });
    expect(row).toMatchObject({ version: 2, title: winner.title });
    const revisions = await prisma.revision.findMany({ where: { contentType: 'Post', contentId: rawId(post.id) } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, changedFields: ['title'] });
    expect((revisions[0]!.snapshot as any).title).toBe('Contended');
  });

  it('refuses a slug taken by another post of the locale (CONFLICT naming slug)', async () => {
    const editor = await signedIn('editor');
    const taken = await createPost(editor.token, { title: `Taken ${marker()}` });
    const post = await createPost(editor.token, { title: `Other ${marker()}` });
    const res = await updatePost(editor.token, post.id, { slug: taken.slug }, 1);
    expect(expectError(res, 'CONFLICT').extensions?.fields).toEqual({ slug: 'is taken' });
    const row = await prisma.post.findUniqueOrThrow({ where: { id: rawId(post.id) } });
    expect(row).toMatchObject({ slug: post.slug, version: 1 });
    const bad = await updatePost(editor.token, post.id, { title: '' }, 1);
    expect(expectError(bad, 'BAD_USER_INPUT').extensions?.fields).toHaveProperty('title');
  });

  it('authors edit their own drafts only; editors edit anything', async () => {
    const alice = await signedIn('author');
    const bob = await signedIn('author');
    const editor = await signedIn('editor');

    const own = await createPost(alice.token, { title: 'Alice draft' });
    const edited = await updatePost(alice.token, own.id, { title: 'Alice draft, edited' }, 1);
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updatePost).toMatchObject({ title: 'Alice draft, edited', version: 2 });

    // Bob cannot even see Alice's draft: NOT_FOUND, not FORBIDDEN.
    const hidden = await updatePost(bob.token, own.id, { title: 'Bob was here' }, 2);
    expectError(hidden, 'NOT_FOUND');

    // Alice's published post is visible to Bob, but not his to edit.
    const published = await createPost(alice.token, { title: 'Alice published' });
    await publish(editor.token, published.id);
    const notHis = await updatePost(bob.token, published.id, { title: 'Bob was here' }, 2);
    expectError(notHis, 'FORBIDDEN');
    // Nor Alice's any more, once it left DRAFT.
    const notDraft = await updatePost(alice.token, published.id, { title: 'Alice again' }, 2);
    expectError(notDraft, 'FORBIDDEN');

    // Once submitted for review, her own post is no longer hers to edit.
    await submit(alice.token, own.id);
    const inReview = await updatePost(alice.token, own.id, { title: 'Sneaky' }, 3);
    const error = expectError(inReview, 'FORBIDDEN');
    expect(error.message).toContain('IN_REVIEW');

    // The editor edits both, whoever wrote them and whatever their state.
    const byEditor = await updatePost(editor.token, own.id, { title: 'Reviewed' }, 3);
    expect(byEditor.errors).toBeUndefined();
    expect(byEditor.data.updatePost).toMatchObject({ title: 'Reviewed', status: 'IN_REVIEW', version: 4 });
    const publishedEdit = await updatePost(editor.token, published.id, { title: 'Published, edited' }, 2);
    expect(publishedEdit.errors).toBeUndefined();
    expect(publishedEdit.data.updatePost).toMatchObject({
      title: 'Published, edited',
      status: 'PUBLISHED',
      version: 3,
    });
    // A public change of a published item goes to the outbox.
    const changes = await prisma.contentChange.findMany({
      where: { contentId: rawId(published.id) },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((c) => c.kind)).toEqual(['PUBLISHED', 'UPDATED']);

    const rows = await prisma.post.findMany({ where: { id: { in: [rawId(own.id), rawId(published.id)] } } });
    expect(rows.map((r) => r.title).sort()).toEqual(['Published, edited', 'Reviewed']);

    // The anonymous visitor cannot edit at all.
    expectError(await updatePost('', published.id, { title: 'x' }, 3), 'UNAUTHENTICATED');
  });
});

describe('revisions', () => {
  const REVISIONS = `query($id: ID!) { post(id: $id, preview: true) { id title
    revisions(first: 10) { totalCount edges { node { id action version changedFields snapshot } } } } }`;

  it('are readable by editors; authors get null and FORBIDDEN', async () => {
    const author = await signedIn('author');
    const editor = await signedIn('editor');
    const post = await createPost(author.token, { title: 'Rev 1' });
    expect((await updatePost(author.token, post.id, { title: 'Rev 2' }, 1)).errors).toBeUndefined();
    await submit(author.token, post.id);

    const res = await gql<any>(REVISIONS, { id: post.id }, { token: editor.token });
    expect(res.errors).toBeUndefined();
    const revisions = res.data.post.revisions;
    expect(revisions.totalCount).toBe(2);
    // Newest first.
    expect(revisions.edges.map((e: any) => [e.node.action, e.node.version, e.node.changedFields])).toEqual([
      ['submitForReview', 2, ['status']],
      ['update', 1, ['title']],
    ]);
    expect(revisions.edges[1].node.snapshot).toMatchObject({ title: 'Rev 1', version: 1, status: 'DRAFT' });
    expect(revisions.edges[0].node.snapshot).toMatchObject({ title: 'Rev 2', version: 2, status: 'DRAFT' });
    expect(revisions.edges[0].node.id).toBe(
      toGlobalId(
        'Revision',
        (await prisma.revision.findFirstOrThrow({ where: { contentId: rawId(post.id), version: 2 } })).id,
      ),
    );

    const asAuthor = await gql<any>(REVISIONS, { id: post.id }, { token: author.token });
    expect(asAuthor.data.post).toMatchObject({ id: post.id, title: 'Rev 2', revisions: null });
    expect(codes(asAuthor)).toEqual(['FORBIDDEN']);
    expect(asAuthor.errors![0]!.path).toEqual(['post', 'revisions']);

    // A revision holds a draft's content: not readable through node() either.
    const revisionId = revisions.edges[1].node.id;
    const node = await gql<any>('query($id: ID!) { node(id: $id) { id ... on Revision { snapshot } } }', {
      id: revisionId,
    });
    expect(node.data?.node ?? null).toBeNull();
    expect(JSON.stringify(node)).not.toContain('Rev 1');
  });

  it('restoreRevision brings an old title back as a new version without rewriting history', async () => {
    const editor = await signedIn('editor');
    const author = await signedIn('author');
    const post = await createPost(editor.token, { title: 'The first title', excerpt: 'First excerpt' });
    expect((await updatePost(editor.token, post.id, { title: 'A second title' }, 1)).errors).toBeUndefined();
    expect((await updatePost(editor.token, post.id, { excerpt: 'Third excerpt' }, 2)).errors).toBeUndefined();
    const oldest = await prisma.revision.findFirstOrThrow({ where: { contentId: rawId(post.id), version: 1 } });
    const revisionId = toGlobalId('Revision', oldest.id);

    const RESTORE =
      'mutation($id: ID!) { restoreRevision(revisionId: $id) { id title version ... on Post { excerpt } } }';
    const refused = await gql<any>(RESTORE, { id: revisionId }, { token: author.token });
    expectError(refused, 'FORBIDDEN');
    expectError(await gql<any>(RESTORE, { id: post.id }, { token: editor.token }), 'BAD_USER_INPUT');
    expectError(
      await gql<any>(RESTORE, { id: toGlobalId('Revision', randomUUID()) }, { token: editor.token }),
      'NOT_FOUND',
    );

    const res = await gql<any>(RESTORE, { id: revisionId }, { token: editor.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.restoreRevision).toEqual({
      id: post.id,
      title: 'The first title',
      version: 4,
      excerpt: 'First excerpt',
    });

    const revisions = await prisma.revision.findMany({
      where: { contentId: rawId(post.id) },
      orderBy: { version: 'asc' },
    });
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect((revisions[0]!.snapshot as any).title).toBe('The first title');
    expect((revisions[1]!.snapshot as any).title).toBe('A second title');
    // The restore is itself a revision holding the state it replaced.
    expect(revisions[2]).toMatchObject({ action: 'update' });
    expect(revisions[2]!.changedFields.sort()).toEqual(['excerpt', 'title']);
    expect(revisions[2]!.snapshot as any).toMatchObject({ title: 'A second title', excerpt: 'Third excerpt' });
  });
});

describe('translations', () => {
  it('join the group (one per locale), list visible siblings, track outdated translations, fall back to the default locale', async () => {
    const editor = await signedIn('editor');
    const m = marker();
    const en = await createPost(editor.token, { title: `Clean water ${m}`, body: 'English' });
    await publish(editor.token, en.id);

    const fr = await createPost(editor.token, { title: `Eau potable ${m}`, locale: 'fr', translationOf: en.id });
    expect(fr).toMatchObject({ locale: 'fr', status: 'DRAFT', translationOutdated: false });
    const rows = await prisma.post.findMany({ where: { id: { in: [rawId(en.id), rawId(fr.id)] } } });
    expect(new Set(rows.map((r) => r.translationGroupId)).size).toBe(1);

    // A second French version of the same group, or the source's own locale, is a conflict.
    const second = await gql<any>(
      CREATE,
      { input: { title: `Autre ${m}`, locale: 'fr', translationOf: en.id } },
      { token: editor.token },
    );
    expect(expectError(second, 'CONFLICT').extensions?.fields).toEqual({ locale: 'exists' });
    expectError(
      await gql<any>(CREATE, { input: { title: `Again ${m}`, translationOf: fr.id } }, { token: editor.token }),
      'CONFLICT',
    );
    expect(
      codes(
        await gql<any>(
          CREATE,
          { input: { title: 'x', translationOf: toGlobalId('Post', randomUUID()) } },
          {
            token: editor.token,
          },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    const TRANSLATIONS = 'query($id: ID!) { post(id: $id, preview: true) { id translations { id locale status } } }';
    // The French draft is not public: the public sees no translation yet.
    const publicView = await gql<any>(TRANSLATIONS, { id: en.id });
    expect(publicView.data.post).toEqual({ id: en.id, translations: [] });
    const editorView = await gql<any>(TRANSLATIONS, { id: en.id }, { token: editor.token });
    expect(editorView.data.post.translations).toEqual([{ id: fr.id, locale: 'fr', status: 'DRAFT' }]);
    await publish(editor.token, fr.id);
    const published = await gql<any>(TRANSLATIONS, { id: en.id });
    expect(published.data.post.translations).toEqual([{ id: fr.id, locale: 'fr', status: 'PUBLISHED' }]);
    const back = await gql<any>(TRANSLATIONS, { id: fr.id });
    expect(back.data.post.translations).toEqual([{ id: en.id, locale: 'en', status: 'PUBLISHED' }]);

    // Editing the English source makes the French one outdated...
    const enRow = await prisma.post.findUniqueOrThrow({ where: { id: rawId(en.id) } });
    const edit = await updatePost(editor.token, en.id, { body: 'English, revised' }, enRow.version);
    expect(edit.errors).toBeUndefined();
    expect(edit.data.updatePost.translationOutdated).toBe(false);
    const OUTDATED = `query($search: String) { posts(where: { translationOutdated: true }, preview: true, search: $search) {
      totalCount edges { node { id locale translationOutdated } } } }`;
    const outdated = await gql<any>(OUTDATED, { search: m }, { token: editor.token });
    expect(outdated.data.posts).toEqual({
      totalCount: 1,
      edges: [{ node: { id: fr.id, locale: 'fr', translationOutdated: true } }],
    });
    const frRow = await prisma.post.findUniqueOrThrow({ where: { id: rawId(fr.id) } });
    expect(frRow.translationOutdated).toBe(true);

    // ...and editing the French one clears it.
    const frEdit = await updatePost(editor.token, fr.id, { body: 'Français, révisé' }, frRow.version);
    expect(frEdit.errors).toBeUndefined();
    expect(frEdit.data.updatePost.translationOutdated).toBe(false);
    expect((await gql<any>(OUTDATED, { search: m }, { token: editor.token })).data.posts.totalCount).toBe(0);

    // Notes between editors are not a content change.
    const enNow = await prisma.post.findUniqueOrThrow({ where: { id: rawId(en.id) } });
    expect(
      (await updatePost(editor.token, en.id, { editorialNotes: 'check figures' }, enNow.version)).errors,
    ).toBeUndefined();
    expect((await prisma.post.findUniqueOrThrow({ where: { id: rawId(fr.id) } })).translationOutdated).toBe(false);
  });

  // BUG (src/schema/content/post.service.ts, translationGroup l.49-58): the source of translationOf
  // is loaded without the caller's visibility, so an author can attach a post to (and probe, through
  // CONFLICT vs BAD_USER_INPUT, the locales of) another author's draft or a trashed post. Fix: pass
  // the caller and refuse a source failing canSeeContent (src/auth/rules.ts) as 'names a missing post'.
  it('an author cannot attach a translation to a post they cannot see', async () => {
    const alice = await signedIn('author');
    const bob = await signedIn('author');
    const hidden = await createPost(alice.token, { title: `Alice secret ${marker()}` });
    const res = await gql<any>(
      CREATE,
      { input: { title: `Bob joins ${marker()}`, locale: 'fr', translationOf: hidden.id } },
      { token: bob.token },
    );
    expect(expectError(res, 'BAD_USER_INPUT').extensions?.fields).toEqual({ translationOf: 'names a missing post' });
  });

  it('post(slug, locale, fallbackToDefaultLocale) returns the default-locale item when the locale has none', async () => {
    const editor = await signedIn('editor');
    const en = await createPost(editor.token, { title: `Only English ${marker()}` });
    await publish(editor.token, en.id);
    const LOOKUP =
      'query($slug: String!, $locale: String, $fb: Boolean) { post(slug: $slug, locale: $locale, fallbackToDefaultLocale: $fb) { id locale } }';
    expect((await gql<any>(LOOKUP, { slug: en.slug, locale: 'fr' })).data.post).toBeNull();
    expect((await gql<any>(LOOKUP, { slug: en.slug, locale: 'fr', fb: true })).data.post).toEqual({
      id: en.id,
      locale: 'en',
    });
    expect((await gql<any>(LOOKUP, { slug: en.slug })).data.post).toEqual({ id: en.id, locale: 'en' });
    const fr = await createPost(editor.token, {
      title: 'Seulement',
      slug: en.slug,
      locale: 'fr',
      translationOf: en.id,
    });
    await publish(editor.token, fr.id);
    expect((await gql<any>(LOOKUP, { slug: en.slug, locale: 'fr', fb: true })).data.post).toEqual({
      id: fr.id,
      locale: 'fr',
    });
    expectError(await gql<any>(LOOKUP, { slug: en.slug, locale: 'de', fb: true }), 'BAD_USER_INPUT');
  });
});

describe('posts list', () => {
  const LIST = `query($where: PostWhere, $orderBy: [PostOrderBy!], $search: String, $first: Int, $after: String, $preview: Boolean) {
    posts(where: $where, orderBy: $orderBy, search: $search, first: $first, after: $after, preview: $preview) {
      totalCount edges { cursor node { id title status publishedAt } } pageInfo { hasNextPage endCursor }
    }
  }`;
  const titles = (res: GqlResponse<any>) => res.data!.posts.edges.map((e: any) => e.node.title);

  it('filters by category, tag, status and publication date', async () => {
    const editor = await signedIn('editor');
    const m = marker();
    const category = await makeCategory('Education');
    const tag = await makeTag('Schools');
    const old = await createPost(editor.token, { title: `${m} old`, categoryIds: [category.globalId] });
    await publish(editor.token, old.id, '2020-06-01T00:00:00Z');
    const recent = await createPost(editor.token, { title: `${m} recent`, tagIds: [tag.globalId] });
    await publish(editor.token, recent.id);
    await createPost(editor.token, { title: `${m} draft`, categoryIds: [category.globalId], tagIds: [tag.globalId] });

    const byCategory = await gql<any>(LIST, { search: m, where: { categorySlug: category.slug } });
    expect(byCategory.errors).toBeUndefined();
    expect(titles(byCategory)).toEqual([`${m} old`]);
    expect(byCategory.data.posts.totalCount).toBe(1);
    const byCategoryPreview = await gql<any>(
      LIST,
      { search: m, where: { categorySlug: category.slug }, preview: true, orderBy: [{ title: 'ASC' }] },
      { token: editor.token },
    );
    expect(titles(byCategoryPreview)).toEqual([`${m} draft`, `${m} old`]);

    const byTag = await gql<any>(LIST, { search: m, where: { tagSlug: tag.slug } });
    expect(titles(byTag)).toEqual([`${m} recent`]);
    expect(titles(await gql<any>(LIST, { search: m, where: { tagSlug: 'no-such-tag' } }))).toEqual([]);

    const drafts = await gql<any>(
      LIST,
      { search: m, where: { status: 'DRAFT' }, preview: true },
      { token: editor.token },
    );
    expect(titles(drafts)).toEqual([`${m} draft`]);
    // Without preview a status filter cannot reach beyond published content.
    const draftsPublic = await gql<any>(LIST, { search: m, where: { status: 'DRAFT' } }, { token: editor.token });
    expect(draftsPublic.data.posts.totalCount).toBe(0);

    const after = await gql<any>(LIST, { search: m, where: { publishedAfter: '2021-01-01T00:00:00Z' } });
    expect(titles(after)).toEqual([`${m} recent`]);
    const before = await gql<any>(LIST, { search: m, where: { publishedBefore: '2021-01-01T00:00:00Z' } });
    expect(titles(before)).toEqual([`${m} old`]);
    expect(before.data.posts.edges[0].node.publishedAt).toBe('2020-06-01T00:00:00.000Z');
  });

  it('orders by title or publication date, and pages with cursors without duplicates', async () => {
    const editor = await signedIn('editor');
    const m = marker();
    const names = ['delta', 'alpha', 'echo', 'charlie', 'bravo'];
    const ids: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const post = await createPost(editor.token, { title: `${m} ${name}` });
      ids[name] = post.id;
      await publish(editor.token, post.id, `2024-0${i + 1}-01T00:00:00Z`);
    }

    const byTitle = await gql<any>(LIST, { search: m, orderBy: [{ title: 'ASC' }] });
    expect(byTitle.errors).toBeUndefined();
    expect(titles(byTitle)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((n) => `${m} ${n}`));
    const byTitleDesc = await gql<any>(LIST, { search: m, orderBy: [{ title: 'DESC' }] });
    expect(titles(byTitleDesc)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha'].map((n) => `${m} ${n}`));
    const byDate = await gql<any>(LIST, { search: m, orderBy: [{ publishedAt: 'DESC' }] });
    expect(titles(byDate)).toEqual(['bravo', 'charlie', 'echo', 'alpha', 'delta'].map((n) => `${m} ${n}`));
    // The default order is the newest first as well.
    expect(titles(await gql<any>(LIST, { search: m }))).toEqual(titles(byDate));

    for (const orderBy of [[{ title: 'ASC' }], [{ publishedAt: 'DESC' }]]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 3; page++) {
        const res = await gql<any>(LIST, { search: m, orderBy, first: 2, after });
        expect(res.errors).toBeUndefined();
        expect(res.data.posts.totalCount).toBe(5);
        seen.push(...res.data.posts.edges.map((e: any) => e.node.id));
        expect(res.data.posts.pageInfo.hasNextPage).toBe(page < 2);
        after = res.data.posts.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      const full = await gql<any>(LIST, { search: m, orderBy });
      expect(seen).toEqual(full.data.posts.edges.map((e: any) => e.node.id));
    }
  });

  it('refuses an orderBy item naming two fields, page sizes over 100, bad cursors and locales', async () => {
    const twoFields = await gql<any>(LIST, { orderBy: [{ title: 'ASC', publishedAt: 'DESC' }] });
    expect(expectError(twoFields, 'BAD_USER_INPUT').extensions?.fields).toEqual({
      orderBy: 'each item must name exactly one field',
    });
    const empty = await gql<any>(LIST, { orderBy: [{}] });
    expectError(empty, 'BAD_USER_INPUT');
    const tooMany = await gql<any>(LIST, { first: 101 });
    expect(expectError(tooMany, 'BAD_USER_INPUT').extensions?.fields).toEqual({ first: 'must be between 0 and 100' });
    expect((await gql<any>(LIST, { first: 100 })).errors).toBeUndefined();
    expectError(await gql<any>(LIST, { after: 'not-a-cursor' }), 'BAD_USER_INPUT');
    expectError(await gql<any>('{ posts(locale: "xx") { totalCount } }'), 'BAD_USER_INPUT');
    expectError(await gql<any>(LIST, { search: 's'.repeat(201) }), 'BAD_USER_INPUT');
  });

  it('refuses an unknown enum value written in the document', async () => {
    const res = await gql<any>('{ posts(where: { status: NOPE }) { totalCount } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.status).toBe(400);
  });

  // BUG (src/server.ts, mapErrors l.45-63): variable-coercion errors (an unknown enum value, a
  // string for an Int) come back with no extensions.code at all, while ../shared/API.md requires a
  // code on every client error and names unknown enum values BAD_USER_INPUT. Fix: in mapErrors, give
  // a client error that has no code (these have no path either) `code: 'BAD_USER_INPUT'`.
  it('refuses an unknown enum value passed in variables with BAD_USER_INPUT', async () => {
    const res = await gql<any>(LIST, { where: { status: 'NOPE' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads posts with author, categories and tags in at most 2 SQL statements', async () => {
    const editor = await signedIn('editor');
    const m = marker();
    const categories = [await makeCategory('Alpha'), await makeCategory('Beta')];
    const tags = [await makeTag('One'), await makeTag('Two')];
    for (let i = 0; i < 12; i++) {
      const author = await createUser('author');
      const post = await prisma.post.create({
        data: {
          title: `${m} ${i}`,
          slug: `${m}-${i}`,
          status: 'PUBLISHED',
          publishedAt: new Date(Date.now() - i * 60_000),
          authorId: author.id,
          categories: { connect: categories.map((c) => ({ id: c.id })) },
          tags: { connect: tags.slice(0, i % 3).map((t) => ({ id: t.id })) },
        },
      });
      expect(post.id).toBeTruthy();
    }
    const query = `query($search: String) { posts(first: 50, search: $search) { totalCount edges { node {
      id title author { id name } categories { id name slug } tags { id name } } } } }`;
    for (const token of [undefined, editor.token]) {
      await gql('{ me { id } }', undefined, { token });
      await settle();
      const { result, statements } = await countSql(() => gql<any>(query, { search: m }, { token }));
      expect(result.errors).toBeUndefined();
      expect(result.data.posts.totalCount).toBe(12);
      expect(result.data.posts.edges).toHaveLength(12);
      const first = result.data.posts.edges[0].node;
      expect(first.author.name).toBe('Test author');
      expect(first.categories.map((c: any) => c.name)).toEqual(['Alpha', 'Beta']);
      expect(result.data.posts.edges[2].node.tags.map((t: any) => t.name)).toEqual(['One', 'Two']);
      // One statement for the page (posts joined with authors, categories and tags), one for the count.
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('editorialNotes', () => {
  it('are null with an error for the anonymous visitor and authors; editors read them', async () => {
    const author = await signedIn('author');
    const editor = await signedIn('editor');
    const post = await createPost(author.token, { title: 'With notes', editorialNotes: 'Check the numbers' });
    await publish(editor.token, post.id);
    const NOTES = 'query($id: ID!) { post(id: $id, preview: true) { id title editorialNotes } }';

    const anonymous = await gql<any>(NOTES, { id: post.id });
    expect(anonymous.data.post).toEqual({ id: post.id, title: 'With notes', editorialNotes: null });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors![0]!.path).toEqual(['post', 'editorialNotes']);

    const asAuthor = await gql<any>(NOTES, { id: post.id }, { token: author.token });
    expect(asAuthor.data.post.editorialNotes).toBeNull();
    expect(codes(asAuthor)).toEqual(['FORBIDDEN']);

    const asEditor = await gql<any>(NOTES, { id: post.id }, { token: editor.token });
    expect(asEditor.errors).toBeUndefined();
    expect(asEditor.data.post.editorialNotes).toBe('Check the numbers');

    // Not through the list either.
    const list = await gql<any>('{ posts(first: 100) { edges { node { editorialNotes } } } }');
    expect(codes(list).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(JSON.stringify(list.data)).not.toContain('Check the numbers');
  });
});
