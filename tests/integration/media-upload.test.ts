/**
 * Uploads through the real multipart HTTP path, with files made in the test: metadata (EXIF with
 * GPS) stripped and orientation kept, the type read from the bytes (a PNG named .jpg, a text file
 * named .png, SVG), empty, truncated and over-size files refused with nothing left on disk, cleaned
 * file names, alt text for images, access, and metadata edits (updateMedia) with their audit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { LocalStorage, setMediaStorage } from '../../src/media/storage.js';
import { decodeGlobalIdOf } from '../../src/schema/global-id.js';
import { codes, type GqlError, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';
import {
  bytesOf,
  fetchPath,
  hasGpsPointer,
  image,
  noisyJpeg,
  pdf,
  photoWithGps,
  type UploadFile,
  upload,
} from '../helpers/multipart.js';

const FIELDS = 'id url filename mimeType size width height alt caption credit licence isPublic';
const UPLOAD = `mutation ($file: File!, $alt: String, $caption: String, $credit: String, $licence: String, $isPublic: Boolean, $consent: MediaConsentInput) {
  uploadMedia(file: $file, alt: $alt, caption: $caption, credit: $credit, licence: $licence, isPublic: $isPublic, consent: $consent) { ${FIELDS} }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMediaInput!) { updateMedia(id: $id, input: $input) { ${FIELDS} consent { givenBy uses expiresAt notes isExpired } } }`;
const UPDATE_BASIC = `mutation ($id: ID!, $input: UpdateMediaInput!) { updateMedia(id: $id, input: $input) { ${FIELDS} } }`;

const MAX = 2_000_000; // MEDIA_MAX_UPLOAD_BYTES in vitest.config.ts

let dir = '';
let editor = '';
let author = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-upload-'));
  setMediaStorage(new LocalStorage(dir));
  editor = (await signedIn('editor')).token;
  author = (await signedIn('author')).token;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file under the media folder (temporary files included). */
function filesOnDisk(): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
    .sort();
}

async function send(file: UploadFile, variables: Record<string, unknown> = {}, token = editor) {
  return upload<{ uploadMedia: Record<string, any> }>(UPLOAD, variables, { 'variables.file': file }, { token });
}

async function uploaded(file: UploadFile, variables: Record<string, unknown> = {}, token = editor) {
  const res = await send(file, { alt: 'Alt text', ...variables }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.uploadMedia;
}

/** The single error of a response: its code and extensions.fields. */
function failure(res: { errors?: GqlError[] }) {
  expect(res.errors).toHaveLength(1);
  return { code: res.errors![0]!.extensions?.code, fields: res.errors![0]!.extensions?.fields ?? {} };
}

describe('uploadMedia: images', () => {
  it('strips EXIF and GPS, keeps the orientation, records the size and dimensions', async () => {
    const original = await photoWithGps(120, 80);
    const before = await sharp(original).metadata();
    expect(before.orientation).toBe(6);
    expect(hasGpsPointer(before.exif)).toBe(true);
    expect(before.exif!.includes(Buffer.from('Secret Photographer'))).toBe(true);

    const media = await uploaded(
      { name: 'IMG_0001.JPG', bytes: original, type: 'image/jpeg' },
      { alt: 'Children at the new water point', caption: 'Opening day', credit: 'Field team', licence: 'CC BY 4.0' },
    );
    expect(media).toMatchObject({
      filename: 'IMG_0001.JPG',
      mimeType: 'image/jpeg',
      // Orientation 6: the stored pixels are turned upright, so width and height swap.
      width: 80,
      height: 120,
      alt: 'Children at the new water point',
      caption: 'Opening day',
      credit: 'Field team',
      licence: 'CC BY 4.0',
      isPublic: false,
    });
    const id = decodeGlobalIdOf(media.id, 'Media', 'id');
    expect(media.url).toBe(`/media/${id}/IMG_0001.JPG`);

    // The editor may fetch it (not public yet): the served bytes carry no metadata at all.
    const res = await fetchPath(media.url, { token: editor });
    expect(res.status).toBe(200);
    const served = await bytesOf(res);
    expect(served.length).toBe(media.size);
    expect(served.includes(Buffer.from('Secret Photographer'))).toBe(false);
    const after = await sharp(served).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([80, 120]);

    const row = await prisma.media.findUniqueOrThrow({ where: { id } });
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(row.storageKey).toBe(`originals/${id}.jpg`);
    expect(fs.existsSync(path.join(dir, row.storageKey))).toBe(true);

    const audit = await prisma.auditEvent.findFirst({ where: { action: 'media.upload', targetId: id } });
    expect(audit?.details).toMatchObject({
      filename: 'IMG_0001.JPG',
      mimeType: 'image/jpeg',
      declaredType: 'image/jpeg',
    });
  });

  it('believes the bytes, not the name or the declared type: a PNG named .jpg is stored as a PNG', async () => {
    const media = await uploaded({ name: 'holiday.jpg', bytes: await image('png'), type: 'image/jpeg' });
    expect(media.mimeType).toBe('image/png');
    expect(media.filename).toBe('holiday.png');
    const res = await fetchPath(media.url, { token: editor });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await sharp(await bytesOf(res)).metadata()).format).toBe('png');
  });

  it('accepts WebP, AVIF and GIF, each stored in its own format', async () => {
    for (const [format, mimeType] of [
      ['webp', 'image/webp'],
      ['avif', 'image/avif'],
      ['gif', 'image/gif'],
    ] as const) {
      const media = await uploaded({ name: `picture.${format}`, bytes: await image(format, 40, 30) });
      expect({ format, mimeType: media.mimeType, width: media.width, height: media.height }).toEqual({
        format,
        mimeType,
        width: 40,
        height: 30,
      });
    }
  });

  it('requires alt text for images (not for PDFs)', async () => {
    const before = filesOnDisk();
    for (const alt of [undefined, '', '   ']) {
      const res = await send({ name: 'a.png', bytes: await image('png') }, { alt });
      const { code, fields } = failure(res);
      expect(code).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields)).toEqual(['alt']);
    }
    expect(filesOnDisk()).toEqual(before);
    const doc = await uploaded({ name: 'report.pdf', bytes: pdf() }, { alt: undefined });
    expect(doc).toMatchObject({ mimeType: 'application/pdf', alt: '', width: null, height: null });
  });

  it('records consent and isPublic', async () => {
    const media = await uploaded(
      { name: 'portrait.jpg', bytes: await image('jpeg') },
      {
        isPublic: true,
        consent: { givenBy: 'Parent of A.', uses: ['web', 'print', 'web'], expiresAt: '2031-01-01T00:00:00Z' },
      },
    );
    expect(media.isPublic).toBe(true);
    const consent = await prisma.mediaConsent.findUniqueOrThrow({
      where: { mediaId: decodeGlobalIdOf(media.id, 'Media', 'id') },
    });
    expect(consent).toMatchObject({ givenBy: 'Parent of A.', uses: ['web', 'print'], notes: '' });
    expect(consent.expiresAt?.toISOString()).toBe('2031-01-01T00:00:00.000Z');
  });
});

describe('uploadMedia: refusals leave nothing on disk', () => {
  const cases: Array<[string, () => Promise<UploadFile> | UploadFile, RegExp]> = [
    ['an empty file', () => ({ name: 'empty.jpg', bytes: new Uint8Array(0), type: 'image/jpeg' }), /empty/],
    [
      'a text file named .png',
      () => ({ name: 'notes.png', bytes: Buffer.from('Just some text, not an image.\n'), type: 'image/png' }),
      /not an accepted type/,
    ],
    [
      'an SVG image',
      () => ({
        name: 'logo.svg',
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        type: 'image/svg+xml',
      }),
      /SVG/,
    ],
    [
      'an SVG with an XML declaration, named .png',
      () => ({
        name: 'logo.png',
        bytes: Buffer.from('\ufeff  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        type: 'image/png',
      }),
      /SVG/,
    ],
    [
      'a truncated JPEG',
      async () => {
        const jpeg = await noisyJpeg();
        return { name: 'cut.jpg', bytes: jpeg.subarray(0, Math.floor(jpeg.length * 0.7)), type: 'image/jpeg' };
      },
      /truncated or corrupt/,
    ],
    [
      'a JPEG with a damaged header',
      async () => {
        const jpeg = Buffer.from(await noisyJpeg());
        jpeg.fill(0xff, 20, 400);
        return { name: 'broken.jpg', bytes: jpeg };
      },
      /truncated or corrupt/,
    ],
    [
      'a PDF without its end',
      () => ({ name: 'cut.pdf', bytes: pdf().subarray(0, 2000), type: 'application/pdf' }),
      /truncated or corrupt/,
    ],
    [
      'an image of more pixels than allowed',
      async () => ({
        name: 'bomb.png',
        bytes: await sharp({ create: { width: 7200, height: 7200, channels: 3, background: 'white' } })
          .png()
          .toBuffer(),
      }),
      /at most 50000000 pixels/,
    ],
    [
      'a file one byte over the limit',
      () => ({ name: 'big.jpg', bytes: Buffer.alloc(MAX + 1, 1) }),
      new RegExp(`too large: at most ${MAX} bytes`),
    ],
  ];

  it.each(cases)('refuses %s with BAD_USER_INPUT on file', async (_label, make, message) => {
    const before = filesOnDisk();
    const rows = await prisma.media.count();
    const res = await send(await make(), { alt: 'Alt text' });
    const { code, fields } = failure(res);
    expect(code).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields)).toEqual(['file']);
    expect(fields.file).toMatch(message);
    expect(res.data).toBeNull();
    expect(filesOnDisk()).toEqual(before);
    expect(await prisma.media.count()).toBe(rows);
  });

  it('refuses an upload far over the limit from its Content-Length, before reading it', async () => {
    const before = filesOnDisk();
    const res = await send({ name: 'huge.jpg', bytes: Buffer.alloc(2_100_000, 7), type: 'image/jpeg' }, { alt: 'x' });
    expect(res.status).toBe(413);
    const { code, fields } = failure(res);
    expect(code).toBe('BAD_USER_INPUT');
    expect(fields.file).toMatch(/too large/);
    expect(filesOnDisk()).toEqual(before);
  });

  it('refuses a multipart request without Content-Length (411) or without the CSRF header', async () => {
    const file = { 'variables.file': { name: 'a.png', bytes: await image('png') } };
    const chunked = await upload(UPLOAD, { alt: 'x' }, file, { token: editor, omitContentLength: true });
    expect(chunked.status).toBe(411);
    expect(codes(chunked)).toEqual(['BAD_USER_INPUT']);
    const rows = await prisma.media.count();
    const noCsrf = await upload(UPLOAD, { alt: 'x' }, file, { token: editor, omitCsrfHeader: true });
    expect(noCsrf.status).toBeGreaterThanOrEqual(400);
    expect(noCsrf.status).toBeLessThan(500);
    expect(noCsrf.data ?? null).toBeNull();
    expect(await prisma.media.count()).toBe(rows);
  });

  it('refuses a JSON request (no file part) with BAD_USER_INPUT on file', async () => {
    const res = await gql(
      'mutation ($file: File!) { uploadMedia(file: $file, alt: "x") { id } }',
      { file: 'x' },
      {
        token: author,
      },
    );
    expect(failure(res)).toEqual({ code: 'BAD_USER_INPUT', fields: { file: expect.stringMatching(/multipart/) } });
  });
});

describe('uploadMedia: file names', () => {
  it.each([
    ['../../etc/passwd.jpg', 'passwd.png'],
    ['..\\..\\Windows\\System32\\evil.png', 'evil.png'],
    ['/absolute/path/photo.png', 'photo.png'],
    ['a\u0000b\tc\u0007d\u001b\u0085.png', 'abcd.png'],
    ['invoice\u202egnp.exe', 'invoicegnp.exe.png'],
    ['.htaccess', 'htaccess.png'],
    ['...', 'file.png'],
    ['  ', 'file.png'],
    ['Café au lait 100% (1).png', 'Café au lait 100% (1).png'],
    ['日本の写真.jpg', '日本の写真.png'],
  ])('%j is stored as %j', async (name, expected) => {
    const media = await uploaded({ name, bytes: await image('png') });
    expect(media.filename).toBe(expected);
    const res = await fetchPath(media.url, { token: editor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="${expected.replace(/[^\x20-\x7e]|["\\%]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(expected).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
  });

  it('keeps names to 200 characters, with the extension', async () => {
    const media = await uploaded({ name: `${'long'.repeat(100)}.png`, bytes: await image('png') });
    expect(media.filename).toHaveLength(200);
    expect(media.filename.endsWith('.png')).toBe(true);
  });
});

describe('uploadMedia: access', () => {
  it('needs media:upload: anonymous UNAUTHENTICATED, the public role FORBIDDEN, authors allowed', async () => {
    const file = { name: 'a.png', bytes: await image('png') };
    const before = filesOnDisk();
    const anonymous = await upload(UPLOAD, { alt: 'x' }, { 'variables.file': file });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const publicUser = (await signedIn('public')).token;
    const forbidden = await upload(UPLOAD, { alt: 'x' }, { 'variables.file': file }, { token: publicUser });
    expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    expect(filesOnDisk()).toEqual(before);
    const byAuthor = await send(file, { alt: 'x' }, author);
    expect(byAuthor.errors).toBeUndefined();
  });
});

describe('updateMedia', () => {
  it('lets the uploader (an author) and editors edit metadata; other authors are FORBIDDEN', async () => {
    const media = await uploaded({ name: 'mine.png', bytes: await image('png') }, {}, author);
    const own = await gql(
      UPDATE_BASIC,
      { id: media.id, input: { alt: 'Better alt', caption: 'New caption' } },
      {
        token: author,
      },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.updateMedia).toMatchObject({ alt: 'Better alt', caption: 'New caption' });

    const other = (await signedIn('author')).token;
    const refused = await gql(UPDATE_BASIC, { id: media.id, input: { caption: 'Hijacked' } }, { token: other });
    expect(codes(refused)).toEqual(['FORBIDDEN']);

    const byEditor = await gql(UPDATE, { id: media.id, input: { isPublic: true, credit: 'Comms' } }, { token: editor });
    expect(byEditor.errors).toBeUndefined();
    expect(byEditor.data!.updateMedia).toMatchObject({ isPublic: true, credit: 'Comms', caption: 'New caption' });

    const events = await prisma.auditEvent.findMany({
      where: { action: 'media.update', targetId: decodeGlobalIdOf(media.id, 'Media', 'id') },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.details)).toEqual([
      { changedFields: ['alt', 'caption'] },
      { changedFields: ['credit', 'isPublic'] },
    ]);
  });

  it('records, replaces and clears consent; refuses empty alt on images and unknown ids', async () => {
    const media = await uploaded({ name: 'kid.jpg', bytes: await image('jpeg') });
    const set = await gql(
      UPDATE,
      { id: media.id, input: { consent: { givenBy: 'Guardian', uses: ['web'], expiresAt: '2020-01-01T00:00:00Z' } } },
      { token: editor },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateMedia.consent).toMatchObject({ givenBy: 'Guardian', uses: ['web'], isExpired: true });
    const replaced = await gql(
      UPDATE,
      { id: media.id, input: { consent: { givenBy: 'Guardian', uses: ['web', 'social'], notes: 'Renewed' } } },
      { token: editor },
    );
    expect(replaced.data!.updateMedia.consent).toMatchObject({ expiresAt: null, notes: 'Renewed', isExpired: false });
    const cleared = await gql(UPDATE, { id: media.id, input: { clearConsent: true } }, { token: editor });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateMedia.consent).toBeNull();

    const emptyAlt = await gql(UPDATE, { id: media.id, input: { alt: ' ' } }, { token: editor });
    expect(failure(emptyAlt)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { alt: expect.any(String) } });
    const both = await gql(
      UPDATE,
      { id: media.id, input: { clearConsent: true, consent: { givenBy: 'X' } } },
      { token: editor },
    );
    expect(failure(both)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { clearConsent: expect.any(String) } });
    const missing = await gql(
      UPDATE,
      { id: 'TWVkaWE6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw', input: { caption: 'x' } },
      { token: editor },
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('shows consent only to staff', async () => {
    const media = await uploaded(
      { name: 'staff.jpg', bytes: await image('jpeg') },
      { consent: { givenBy: 'Someone' } },
      author,
    );
    const res = await gql(UPDATE, { id: media.id, input: { caption: 'x' } }, { token: author });
    expect(res.data!.updateMedia.consent).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});
