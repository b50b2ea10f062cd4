/**
 * Uploads over the GraphQL multipart request spec (operations + map + file parts), through the
 * same yoga.fetch path as tests/helpers/client.ts, and plain GETs of served files. The body is
 * serialized first so the request carries a Content-Length, as browsers and curl send it.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { type GqlError, type GqlResponse, type RequestOptions, randomIp, yoga } from './client.js';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
  /** The declared type (a browser's guess from the name; never trusted by the server). */
  type?: string;
}

export interface MultipartOptions extends RequestOptions {
  /** Leave out the CSRF preflight header (to check the refusal). */
  omitCsrfHeader?: boolean;
  /** Send the body as a stream without Content-Length. */
  omitContentLength?: boolean;
}

/** Sets `value` at a dotted path (variables.file, variables.files.0). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    current[key] ??= {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys.at(-1)!] = value;
}

/** The multipart body and its content type (with the boundary). */
export async function multipartBody(
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, UploadFile>,
): Promise<{ body: Uint8Array; contentType: string }> {
  const operations: Record<string, unknown> = { query, variables: structuredClone(variables) };
  const map: Record<string, string[]> = {};
  const form = new FormData();
  const entries = Object.entries(files);
  entries.forEach(([path], i) => {
    setPath(operations, path, null);
    map[String(i)] = [path];
  });
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify(map));
  entries.forEach(([, file], i) => {
    form.append(
      String(i),
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  });
  const request = new Request('http://localhost/graphql', { method: 'POST', body: form });
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

/**
 * Sends `query` with `files` placed at their variable paths, e.g.
 * `upload(UPLOAD, { alt: 'x' }, { 'variables.file': { name: 'a.jpg', bytes } }, { token })`.
 */
export async function upload<TData = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, UploadFile>,
  options: MultipartOptions = {},
): Promise<GqlResponse<TData>> {
  const { body, contentType } = await multipartBody(query, variables, files);
  const headers: Record<string, string> = {
    'content-type': contentType,
    accept: 'application/graphql-response+json, application/json',
    'user-agent': 'vitest',
    ...(options.omitCsrfHeader ? {} : { 'x-graphql-yoga-csrf': '1' }),
    ...(options.omitContentLength ? {} : { 'content-length': String(body.length) }),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
  const requestBody = options.omitContentLength
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(body);
          controller.close();
        },
      })
    : body;
  const response = await yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers, body: requestBody, duplex: 'half' } as RequestInit,
    { req: { socket: { remoteAddress: options.ip ?? randomIp() }, headers: {} } } as never,
  );
  const text = await response.text();
  let parsed: { data?: TData; errors?: GqlError[] } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`not a JSON response (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, data: parsed.data, errors: parsed.errors };
}

/** GET (or HEAD) of a served path such as Media.url, optionally with a Bearer token and headers. */
export async function fetchPath(
  path: string,
  options: { token?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return yoga.fetch(
    `http://localhost${path}`,
    {
      method: options.method ?? 'GET',
      headers: {
        'user-agent': 'vitest',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
    },
    { req: { socket: { remoteAddress: randomIp() }, headers: {} } } as never,
  );
}

/** The body of a response as a Buffer. */
export async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

// --- Sample files, made in the test (no binary fixtures in the repository) ---------------------

/** A JPEG carrying EXIF with GPS tags, a copyright and orientation 6 (to be shown rotated). */
export async function photoWithGps(width = 120, height = 80): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'Secret Photographer', Make: 'TestCam', Model: 'GPS-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Pixels that do not compress well, so cut files are clearly truncated. */
export async function noisyJpeg(width = 200, height = 150): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function image(
  format: 'png' | 'webp' | 'avif' | 'gif' | 'jpeg',
  width = 64,
  height = 48,
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 250, g: 80, b: 20, alpha: 1 } } })
    .toFormat(format)
    .toBuffer();
}

/** A small valid PDF (one empty page) with a body large enough for range requests. */
export function pdf(padding = 4000): Buffer {
  const filler = `% ${'x'.repeat(70)}\n`.repeat(Math.ceil(padding / 73));
  return Buffer.from(
    `%PDF-1.4\n${filler}1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** Whether an EXIF block holds a GPS IFD pointer (tag 0x8825, either byte order). */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}
