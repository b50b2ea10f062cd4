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
});
