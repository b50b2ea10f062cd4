/**
 * Serving and visibility of media: the file route (404s, cache headers, ETag/304, Range on PDFs,
 * renditions with capped widths, HEAD), who sees what (public, used by published content, consent
 * expiry -> 404 to the public while editors still see it, listed in expiredConsentMedia with the
 * content using it), the media list and its filters, and deleteMedia (CONFLICT while used; row,
 * file and renditions removed otherwise).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { LocalStorage, setMediaStorage } from '../../src/media/storage.js';
import { decodeGlobalIdOf } from '../../src/schema/global-id.js';
import { codes, countSql, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';
import { bytesOf, fetchPath, image, pdf, photoWithGps, type UploadFile, upload } from '../helpers/multipart.js';

const UPLOAD = `mutation ($file: File!, $alt: String, $isPublic: Boolean, $caption: String) {
  uploadMedia(file: $file, alt: $alt, isPublic: $isPublic, caption: $caption) { id url filename mimeType size width height }
}`;

let dir = '';
let editor = '';
let author = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-serving-'));
  setMediaStorage(new LocalStorage(dir));
  editor = (await signedIn('editor')).token;
  author = (await signedIn('author')).token;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Uploaded {
  id: string;
  rawId: string;
  url: string;
  filename: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
}

async function uploaded(file: UploadFile, variables: Record<string, unknown> = {}): Promise<Uploaded> {
  const res = await upload<{ uploadMedia: Omit<Uploaded, 'rawId'> }>(
    UPLOAD,
    { alt: 'Alt text', ...variables },
    { 'variables.file': file },
    { token: editor },
  );
  expect(res.errors).toBeUndefined();
  const media = res.data!.uploadMedia;
  return { ...media, rawId: decodeGlobalIdOf(media.id, 'Media', 'id') };
}

/** A word no other test uses, to scope lists by `search`. */
const marker = () => `zq${randomBytes(5).toString('hex')}`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await gql<any>(query, variables, { token });
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** A post by the editor with `mediaId` as its cover; published unless `draft`. */
async function postWithCover(mediaId: string, options: { draft?: boolean; title?: string } = {}) {
  const created = await ok<any>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
    { input: { title: options.title ?? `Cover story ${marker()}`, coverImageId: mediaId } },
    editor,
  );
  const id = created.createPost.id as string;
  if (!options.draft) await ok('mutation ($id: ID!) { publish(id: $id) { id } }', { id }, editor);
  return id;
}

const NODE = '{ id url }';
const nodeOf = (id: string, token?: string) =>
  gql<any>(`query ($id: ID!) { node(id: $id) { ... on Media ${NODE} } }`, { id }, { token });
const listed = async (search: string, token?: string) => {
  const res = await gql<any>(
    'query ($where: MediaWhere) { media(first: 50, where: $where) { totalCount edges { node { id } } } }',
    { where: { search } },
    { token },
  );
  expect(res.errors).toBeUndefined();
  return res.data.media.edges.map((e: any) => e.node.id) as string[];
};

describe('the file route', () => {
  it('serves a public item with long-lived cache headers, ETag, nosniff and the right type', async () => {
    const media = await uploaded({ name: 'water point.jpg', bytes: await photoWithGps() }, { isPublic: true });
    expect(media.url).toBe(`/media/${media.rawId}/water%20point.jpg`);
    const res = await fetchPath(media.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe(String(media.size));
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="water point.jpg"; filename*=UTF-8''water%20point.jpg`,
    );
    const row = await prisma.media.findUniqueOrThrow({ where: { id: media.rawId } });
    expect(res.headers.get('etag')).toBe(`"${row.checksum}"`);
    const body = await bytesOf(res);
    expect(body.length).toBe(media.size);
    expect((await sharp(body).metadata()).exif).toBeUndefined();

    const again = await fetchPath(media.url, { headers: { 'if-none-match': `"${row.checksum}"` } });
    expect(again.status).toBe(304);
    expect((await bytesOf(again)).length).toBe(0);
    expect(again.headers.get('etag')).toBe(`"${row.checksum}"`);

    const head = await fetchPath(media.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(media.size));
    expect((await bytesOf(head)).length).toBe(0);
  });

  it('answers 404 for unknown ids, wrong names and malformed paths; 405 for other methods', async () => {
    const media = await uploaded({ name: 'known.png', bytes: await image('png') }, { isPublic: true });
    expect((await fetchPath(media.url)).status).toBe(200);
    for (const bad of [
      `/media/${media.rawId}/other.png`,
      `/media/${media.rawId}/KNOWN.png`,
      `/media/${media.rawId}/`,
      `/media/${media.rawId}`,
      `/media/${media.rawId}/known.png/extra`,
      '/media/00000000-0000-4000-8000-000000000000/known.png',
      '/media/not-a-uuid/known.png',
      `/media/${media.rawId}/%E0%A4%A.png`,
      '/media/../../etc/passwd',
      '/media',
    ]) {
      const res = await fetchPath(bad, { token: editor });
      expect({ bad, status: res.status }).toEqual({ bad, status: 404 });
    }
    const post = await fetchPath(media.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves PDFs in a CSP sandbox, with single byte ranges (206, 416) and HEAD', async () => {
    const original = pdf(6000);
    const media = await uploaded(
      { name: 'annual report.pdf', bytes: original, type: 'application/pdf' },
      {
        alt: '',
        isPublic: true,
      },
    );
    expect(media.mimeType).toBe('application/pdf');
    expect(media.size).toBe(original.length);

    const full = await fetchPath(media.url);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('application/pdf');
    expect(full.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect((await bytesOf(full)).equals(original)).toBe(true);

    const size = original.length;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, size - 1],
      ['bytes=-50', size - 50, size - 1],
      [`bytes=10-${size + 1000}`, 10, size - 1],
    ] as const) {
      const res = await fetchPath(media.url, { headers: { range } });
      expect({ range, status: res.status }).toEqual({ range, status: 206 });
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect((await bytesOf(res)).equals(original.subarray(start, end + 1))).toBe(true);
    }
    const unsatisfiable = await fetchPath(media.url, { headers: { range: `bytes=${size}-` } });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers.get('content-range')).toBe(`bytes */${size}`);
    // Several ranges, or a malformed one: the whole file.
    for (const range of ['bytes=0-1,5-9', 'items=0-1', 'bytes=9-2']) {
      const res = await fetchPath(media.url, { headers: { range } });
      expect({ range, status: res.status }).toEqual({ range, status: 200 });
      expect((await bytesOf(res)).length).toBe(size);
    }
    // If-Range with another validator: the whole (changed) file.
    const stale = await fetchPath(media.url, { headers: { range: 'bytes=0-9', 'if-range': '"old"' } });
    expect(stale.status).toBe(200);
    const head = await fetchPath(media.url, { method: 'HEAD', headers: { range: 'bytes=0-9' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect((await bytesOf(head)).length).toBe(0);
  });

  it('makes renditions on request: width from a fixed list, capped at the original, cached on disk', async () => {
    const media = await uploaded({ name: 'wide.png', bytes: await image('png', 500, 250) }, { isPublic: true });
    const res = await fetchPath(`${media.url}?w=320&format=webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''wide.webp");
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}-320-webp"$/);
    const meta = await sharp(await bytesOf(res)).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 320, 160, undefined]);
    const cached = path.join(dir, 'renditions', media.rawId, '320.webp');
    expect(fs.existsSync(cached)).toBe(true);
    const mtime = fs.statSync(cached).mtimeMs;

    // Served again from the cache (the file is not rewritten), and 304 for a matching ETag.
    const again = await fetchPath(`${media.url}?format=webp&w=320`);
    expect(again.headers.get('etag')).toBe(etag);
    await bytesOf(again);
    expect(fs.statSync(cached).mtimeMs).toBe(mtime);
    expect((await fetchPath(`${media.url}?w=320&format=webp`, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );

    // Wider than the original: the original's width; same format, no width: the original itself.
    const wider = await fetchPath(`${media.url}?w=1280&format=avif`);
    expect(wider.status).toBe(200);
    expect((await sharp(await bytesOf(wider)).metadata()).width).toBe(500);
    expect(fs.existsSync(path.join(dir, 'renditions', media.rawId, '500.avif'))).toBe(true);
    const same = await fetchPath(`${media.url}?format=png`);
    expect(same.headers.get('etag')).not.toContain('-');
    expect((await fetchPath(`${media.url}?w=240`)).headers.get('content-type')).toBe('image/png');

    for (const query of ['w=321', 'w=0', 'w=-10', 'w=abc', 'w=320&w=640', 'format=gif', 'format=bmp', 'w=1e3']) {
      const bad = await fetchPath(`${media.url}?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
    }
    const doc = await uploaded({ name: 'doc.pdf', bytes: pdf() }, { alt: '', isPublic: true });
    expect((await fetchPath(`${doc.url}?w=320`)).status).toBe(400);
  });
});

describe('who sees what', () => {
  it('the public sees public items and those used by published content; editors see all', async () => {
    const tag = marker();
    const unused = await uploaded({ name: 'unused.png', bytes: await image('png') }, { caption: tag });
    const draftCover = await uploaded({ name: 'draft.png', bytes: await image('png') }, { caption: tag });
    const publishedCover = await uploaded({ name: 'published.png', bytes: await image('png') }, { caption: tag });
    const photo = await uploaded({ name: 'photo.png', bytes: await image('png') }, { caption: tag });
    const logo = await uploaded({ name: 'logo.png', bytes: await image('png') }, { caption: tag });
    const marked = await uploaded({ name: 'public.png', bytes: await image('png') }, { caption: tag, isPublic: true });
    await postWithCover(draftCover.rawId, { draft: true });
    const postId = await postWithCover(publishedCover.rawId);
    await ok(
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { name: `Person ${tag}`, photoId: photo.rawId } },
      editor,
    );
    await ok(
      'mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }',
      { input: { name: `Partner ${tag}`, logoId: logo.rawId } },
      editor,
    );
    const visible = [publishedCover, photo, logo, marked];
    const hidden = [unused, draftCover];

    for (const media of visible) {
      const res = await fetchPath(media.url);
      expect({ name: media.filename, status: res.status }).toEqual({ name: media.filename, status: 200 });
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await nodeOf(media.id)).data.node).toEqual({ id: media.id, url: media.url });
    }
    for (const media of hidden) {
      expect({ name: media.filename, status: (await fetchPath(media.url)).status }).toEqual({
        name: media.filename,
        status: 404,
      });
      // An author (no media:read_all) sees what the public sees.
      expect((await fetchPath(media.url, { token: author })).status).toBe(404);
      expect((await nodeOf(media.id)).data.node).toBeNull();
      // An editor's token fetches it, never cached by shared caches.
      const staff = await fetchPath(media.url, { token: editor });
      expect(staff.status).toBe(200);
      expect(staff.headers.get('cache-control')).toBe('private, no-store');
      expect((await nodeOf(media.id, editor)).data.node).toEqual({ id: media.id, url: media.url });
    }
    expect((await listed(tag)).sort()).toEqual(visible.map((m) => m.id).sort());
    expect((await listed(tag, author)).sort()).toEqual(visible.map((m) => m.id).sort());
    expect((await listed(tag, editor)).sort()).toEqual([...visible, ...hidden].map((m) => m.id).sort());

    const cover = await ok<any>('query ($id: ID!) { post(id: $id) { coverImage { id url alt } } }', { id: postId });
    expect(cover.post.coverImage).toEqual({ id: publishedCover.id, url: publishedCover.url, alt: 'Alt text' });
    const person = await ok<any>(
      'query ($search: String) { people(first: 5, search: $search) { edges { node { photo { id } } } } }',
      { search: tag },
    );
    expect(person.people.edges.map((e: any) => e.node.photo?.id)).toEqual([photo.id]);
  });

  it('consent expiry: 404 to the public everywhere, editors still see it, listed with the content using it', async () => {
    const tag = marker();
    const media = await uploaded({ name: 'child.jpg', bytes: await photoWithGps() }, { caption: tag });
    const postTitle = `Story ${tag}`;
    const postId = await postWithCover(media.rawId, { title: postTitle });
    await prisma.mediaConsent.create({
      data: { mediaId: media.rawId, givenBy: 'Parent', uses: ['web'], expiresAt: new Date(Date.now() + 3_600_000) },
    });
    // Consent still valid: public.
    expect((await fetchPath(media.url)).status).toBe(200);
    expect(await listed(tag)).toEqual([media.id]);

    await prisma.mediaConsent.update({
      where: { mediaId: media.rawId },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect((await fetchPath(media.url)).status).toBe(404);
    expect((await fetchPath(`${media.url}?w=64&format=webp`)).status).toBe(404);
    expect((await nodeOf(media.id)).data.node).toBeNull();
    expect(await listed(tag)).toEqual([]);
    const publicPost = await ok<any>('query ($id: ID!) { post(id: $id) { id coverImage { id } } }', { id: postId });
    expect(publicPost.post).toEqual({ id: postId, coverImage: null });

    expect((await fetchPath(media.url, { token: editor })).status).toBe(200);
    expect((await nodeOf(media.id, editor)).data.node).toEqual({ id: media.id, url: media.url });
    const staffPost = await ok<any>('query ($id: ID!) { post(id: $id) { coverImage { id } } }', { id: postId }, editor);
    expect(staffPost.post.coverImage).toEqual({ id: media.id });

    const expired = await ok<any>(
      `{ expiredConsentMedia(first: 100) { totalCount edges { node { id consent { givenBy isExpired }
         usedBy { typename id title status trashed } } } } }`,
      {},
      editor,
    );
    const entry = expired.expiredConsentMedia.edges.find((e: any) => e.node.id === media.id);
    expect(entry.node).toEqual({
      id: media.id,
      consent: { givenBy: 'Parent', isExpired: true },
      usedBy: [{ typename: 'Post', id: postId, title: postTitle, status: 'PUBLISHED', trashed: false }],
    });
    expect(expired.expiredConsentMedia.totalCount).toBeGreaterThanOrEqual(1);

    const filtered = await gql<any>(
      'query ($w: MediaWhere) { media(first: 10, where: $w) { edges { node { id } } } }',
      { w: { search: tag, consentExpired: true } },
      { token: editor },
    );
    expect(filtered.data.media.edges.map((e: any) => e.node.id)).toEqual([media.id]);
    const notExpired = await gql<any>(
      'query ($w: MediaWhere) { media(first: 10, where: $w) { edges { node { id } } } }',
      { w: { search: tag, consentExpired: false } },
      { token: editor },
    );
    expect(notExpired.data.media.edges).toEqual([]);

    // Only staff list expired items, or filter by consent.
    expect(codes(await gql('{ expiredConsentMedia(first: 1) { totalCount } }', {}, { token: author }))).toEqual([
      'FORBIDDEN',
    ]);
    const w = { consentExpired: true };
    const q = 'query ($w: MediaWhere) { media(first: 1, where: $w) { totalCount } }';
    expect(codes(await gql(q, { w }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(q, { w }, { token: author }))).toEqual(['FORBIDDEN']);
  });

  it('hides consent, usedBy and uploadedBy from non-staff', async () => {
    const media = await uploaded({ name: 'fields.png', bytes: await image('png') }, { isPublic: true });
    const res = await gql<any>(
      `query ($id: ID!) { node(id: $id) { ... on Media { id consent { givenBy } usedBy { id } } } }`,
      {
        id: media.id,
      },
    );
    expect(res.data.node).toEqual({ id: media.id, consent: null, usedBy: null });
    expect(codes(res)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });
});

describe('the media list', () => {
  it('filters by type and search, pages with totalCount, and loads nested data in few statements', async () => {
    const tag = marker();
    for (let i = 0; i < 3; i++) await uploaded({ name: `pic-${i}.png`, bytes: await image('png') }, { caption: tag });
    const doc = await uploaded({ name: 'doc.pdf', bytes: pdf() }, { alt: '', caption: tag });
    const query = `query ($w: MediaWhere, $after: String) { media(first: 2, after: $after, where: $w) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id mimeType consent { givenBy } usedBy { id } uploadedBy { name } } } } }`;
    const first = await gql<any>(query, { w: { search: tag } }, { token: editor });
    expect(first.errors).toBeUndefined();
    expect(first.data.media.totalCount).toBe(4);
    expect(first.data.media.edges).toHaveLength(2);
    expect(first.data.media.edges[0].node.id).toBe(doc.id); // newest first
    expect(first.data.media.pageInfo.hasNextPage).toBe(true);
    const next = await gql<any>(
      query,
      { w: { search: tag }, after: first.data.media.pageInfo.endCursor },
      { token: editor },
    );
    expect(next.data.media.edges).toHaveLength(2);

    const pdfs = await gql<any>(query, { w: { search: tag, mimeType: 'application/pdf' } }, { token: editor });
    expect(pdfs.data.media.edges.map((e: any) => e.node.id)).toEqual([doc.id]);
    const images = await gql<any>(query, { w: { search: tag, mimeType: 'image/*' } }, { token: editor });
    expect(images.data.media.totalCount).toBe(3);
    const bad = await gql<any>(query, { w: { mimeType: 'text/html' } }, { token: editor });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);

    await gql('{ me { id } }', {}, { token: editor }); // warm the credential cache
    await new Promise((resolve) => setTimeout(resolve, 150));
    const { result, statements } = await countSql(() =>
      gql<any>(query.replace('first: 2', 'first: 10'), { w: { search: tag } }, { token: editor }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.media.edges).toHaveLength(4);
    // One statement for the page with its relations, one for the count.
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});

describe('deleteMedia', () => {
  const DELETE = 'mutation ($id: ID!) { deleteMedia(id: $id) { id filename } }';

  it('refuses with CONFLICT listing where the item is used', async () => {
    const media = await uploaded({ name: 'used.png', bytes: await image('png') });
    const title = `Used by ${marker()}`;
    const postId = await postWithCover(media.rawId, { title, draft: true });
    const res = await gql(DELETE, { id: media.id }, { token: editor });
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0]!.extensions!.usedBy).toEqual([
      { typename: 'Post', id: postId, title, status: 'DRAFT', trashed: false },
    ]);
    expect(await prisma.media.count({ where: { id: media.rawId } })).toBe(1);
    expect((await fetchPath(media.url, { token: editor })).status).toBe(200);
  });

  it('removes an unused item: its row, its file and its cached renditions', async () => {
    const media = await uploaded({ name: 'gone.png', bytes: await image('png', 400, 200) }, { isPublic: true });
    expect((await fetchPath(`${media.url}?w=160&format=webp`)).status).toBe(200);
    const row = await prisma.media.findUniqueOrThrow({ where: { id: media.rawId } });
    expect(fs.existsSync(path.join(dir, row.storageKey))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'renditions', media.rawId))).toBe(true);

    expect(codes(await gql(DELETE, { id: media.id }, { token: author }))).toEqual(['FORBIDDEN']);
    const res = await gql<any>(DELETE, { id: media.id }, { token: editor });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteMedia).toEqual({ id: media.id, filename: 'gone.png' });
    expect(await prisma.media.count({ where: { id: media.rawId } })).toBe(0);
    expect(fs.existsSync(path.join(dir, row.storageKey))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'renditions', media.rawId))).toBe(false);
    expect((await fetchPath(media.url, { token: editor })).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: 'media.delete', targetId: media.rawId } })).toBe(1);

    expect(codes(await gql(DELETE, { id: media.id }, { token: editor }))).toEqual(['NOT_FOUND']);
  });
});
