/** Who sees an upload nobody uses yet: its uploader and staff, not other authors or the public. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage, setMediaStorage } from '../../src/media/storage.js';
import { gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';
import { fetchPath, image, upload } from '../helpers/multipart.js';

const UPLOAD = 'mutation ($file: File!, $alt: String) { uploadMedia(file: $file, alt: $alt) { id url } }';
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-access-'));
  setMediaStorage(new LocalStorage(dir));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an unused upload', () => {
  it('is visible to its uploader and to editors, and to nobody else', async () => {
    const uploader = await signedIn('author');
    const other = await signedIn('author');
    const editor = await signedIn('editor');
    const bytes = await image('png', 40, 30);
    const res = await upload<any>(
      UPLOAD,
      { alt: 'A well' },
      { 'variables.file': { name: 'well.png', bytes, type: 'image/png' } },
      { token: uploader.token },
    );
    expect(res.errors).toBeUndefined();
    const { id, url } = res.data.uploadMedia;
    const read = (token?: string) => gql<any>('query($id: ID!) { node(id: $id) { id } }', { id }, { token });
    expect((await read(uploader.token)).data.node?.id).toBe(id);
    expect((await read(editor.token)).data.node?.id).toBe(id);
    expect((await read(other.token)).data.node).toBeNull();
    expect((await read()).data.node).toBeNull();
    expect((await fetchPath(url, { token: uploader.token })).status).toBe(200);
    expect((await fetchPath(url, { token: other.token })).status).toBe(404);
    expect((await fetchPath(url)).status).toBe(404);
  });

  it('takes the Media id (as the API shows it) wherever content references media', async () => {
    const editor = await signedIn('editor');
    const bytes = await image('jpeg', 40, 30);
    const res = await upload<any>(
      UPLOAD,
      { alt: 'Cover' },
      { 'variables.file': { name: 'cover.jpg', bytes } },
      { token: editor.token },
    );
    const mediaId = res.data.uploadMedia.id;
    const post = await gql<any>(
      'mutation($m: ID) { createPost(input: { title: "With cover", coverImageId: $m }) { coverImage { id } } }',
      { m: mediaId },
      { token: editor.token },
    );
    expect(post.errors).toBeUndefined();
    expect(post.data.createPost.coverImage.id).toBe(mediaId);
  });

  it('lets caches keep a photo only until its consent ends', async () => {
    const editor = await signedIn('editor');
    const bytes = await image('png', 40, 30);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const withConsent = await upload<any>(
      'mutation ($file: File!, $consent: MediaConsentInput) { uploadMedia(file: $file, alt: "Pupils", isPublic: true, consent: $consent) { url } }',
      { consent: { givenBy: 'Parents of the pupils', uses: ['web'], expiresAt } },
      { 'variables.file': { name: 'pupils.png', bytes } },
      { token: editor.token },
    );
    expect(withConsent.errors).toBeUndefined();
    const res = await fetchPath(withConsent.data.uploadMedia.url);
    expect(res.status).toBe(200);
    const cache = res.headers.get('cache-control') ?? '';
    expect(cache).toMatch(/^public, max-age=(\d+), must-revalidate$/);
    expect(Number(/max-age=(\d+)/.exec(cache)![1])).toBeLessThanOrEqual(3600);
    const plain = await upload<any>(
      'mutation ($file: File!) { uploadMedia(file: $file, alt: "Logo", isPublic: true) { url } }',
      {},
      { 'variables.file': { name: 'logo.png', bytes } },
      { token: editor.token },
    );
    expect((await fetchPath(plain.data.uploadMedia.url)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it("refuses a reference to media the caller may not see (no publishing someone's private photo)", async () => {
    const editor = await signedIn('editor');
    const author = await signedIn('author');
    const bytes = await image('png', 40, 30);
    const privateItem = await upload<any>(
      UPLOAD,
      { alt: 'Private' },
      { 'variables.file': { name: 'private.png', bytes } },
      { token: editor.token },
    );
    const id = privateItem.data.uploadMedia.id;
    const attempt = await gql(
      'mutation($m: ID) { createPost(input: { title: "Borrowed cover", coverImageId: $m }) { id } }',
      { m: id },
      { token: author.token },
    );
    expect(attempt.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(attempt.errors?.[0]?.extensions?.fields).toEqual({ coverImageId: 'names a missing media item' });
    const own = await gql(
      'mutation($m: ID) { createPost(input: { title: "Own cover", coverImageId: $m }) { id } }',
      { m: id },
      { token: editor.token },
    );
    expect(own.errors).toBeUndefined();
    const missing = await fetchPath(`/media/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/x.png`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
