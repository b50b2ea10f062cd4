/**
 * The file route, `GET|HEAD /media/<id>/<filename>`, answered before any GraphQL work (like
 * /healthz), and the early refusal of over-size multipart uploads to /graphql.
 *
 * - 404 for an unknown id, a name that is not the item's, and an item the anonymous public may not
 *   see (not public and unused, or consent expired) unless the request carries the Bearer token of
 *   a holder of media:read_all (then `Cache-Control: private, no-store`).
 * - Publicly visible items: `Cache-Control: public, max-age=31536000, immutable` (the URL of an item
 *   never changes content), ETag = SHA-256 of the bytes (304 on If-None-Match), single byte ranges
 *   (206, 416), `X-Content-Type-Options: nosniff`, and PDFs in a CSP sandbox.
 * - Renditions of images: `?w=<width>&format=webp|avif|jpeg|png`. `w` must be one of
 *   RENDITION_WIDTHS (a fixed list, so the cache cannot be flooded with every width); the width
 *   served is capped at MEDIA_RENDITION_MAX_WIDTH and at the original's width. Made with sharp once,
 *   then kept in the storage under renditions/<id>/. Bad values (or renditions of a PDF) are 400;
 *   other query parameters are ignored.
 * - Multipart POSTs to /graphql must carry a Content-Length (else 411), and one larger than
 *   MEDIA_MAX_UPLOAD_BYTES + 64 KiB is refused at once (413), both as BAD_USER_INPUT on `file`;
 *   the resolver checks the file's exact size again.
 */
import type { Plugin } from 'graphql-yoga';
import { permissionsOfRole, publicPermissions } from '../auth/permissions.js';
import { authenticate } from '../auth/viewer.js';
import { config } from '../config/env.js';
import { prisma } from '../db/client.js';
import { logger } from '../logger.js';
import { isUuid } from '../schema/global-id.js';
import { RENDITION_FORMATS, RENDITION_WIDTHS, type RenditionFormat, renderRendition } from './process.js';
import { type ImageMimeType, isImageType, MEDIA_TYPES, type MediaMimeType } from './sniff.js';
import { mediaStorage } from './storage.js';
import { mediaVisibility } from './visibility.js';

const PUBLIC_CACHE =
  config.media.publicMaxAgeSeconds >= 31_536_000
    ? 'public, max-age=31536000, immutable'
    : `public, max-age=${config.media.publicMaxAgeSeconds}, must-revalidate`;
const STAFF_CACHE = 'private, no-store';
/** Room for the other parts of a multipart upload (operations, map) besides the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const MEDIA_SELECT = {
  id: true,
  filename: true,
  mimeType: true,
  width: true,
  storageKey: true,
  checksum: true,
  consent: { select: { expiresAt: true } },
} as const;

type MediaRow = {
  id: string;
  filename: string;
  mimeType: string;
  width: number | null;
  storageKey: string;
  checksum: string;
  consent: { expiresAt: Date | null } | null;
};

interface Served {
  key: string;
  contentType: string;
  filename: string;
  etag: string;
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

const notFound = () => text(404, 'Not found');

/** `/media/<id>/<name>` -> [id, decoded name], or null. */
function parsePath(pathname: string): [string, string] | null {
  const parts = pathname.split('/');
  if (parts.length !== 4 || parts[1] !== 'media' || !parts[2] || !parts[3]) return null;
  const id = parts[2].toLowerCase();
  if (!isUuid(id)) return null;
  try {
    return [id, decodeURIComponent(parts[3])];
  } catch {
    return null;
  }
}

/** The item as the anonymous public sees it; else as the bearer of the Authorization header may see it. */
async function findItem(
  id: string,
  authorization: string | null,
): Promise<{ row: MediaRow; isPublic: boolean } | null> {
  const publicRow = await prisma.media.findFirst({
    where: { id, ...mediaVisibility({ permissions: await publicPermissions() }) },
    select: MEDIA_SELECT,
  });
  if (publicRow) return { row: publicRow, isPublic: true };
  if (!authorization) return null;
  const { viewer } = await authenticate(authorization);
  if (viewer.kind === 'anonymous') return null;
  // Staff see every item; an uploader sees their own (the same rule as the API's).
  const permissions = await permissionsOfRole(viewer.roleId);
  const row = await prisma.media.findFirst({
    where: { id, ...mediaVisibility({ permissions, viewer }) },
    select: MEDIA_SELECT,
  });
  return row ? { row, isPublic: false } : null;
}

type Rendition = { width: number; format: ImageMimeType } | null;

/** The rendition asked for by the query string (null: the original), or an error message. */
function renditionOf(url: URL, row: MediaRow): Rendition | string {
  const ws = url.searchParams.getAll('w');
  const formats = url.searchParams.getAll('format');
  if (ws.length === 0 && formats.length === 0) return null;
  const source = row.mimeType;
  if (!isImageType(source)) return 'renditions (w, format) are for images only';
  if (ws.length > 1 || formats.length > 1) return 'give w and format at most once';
  let width = row.width ?? config.media.renditionMaxWidth;
  if (ws.length === 1) {
    const w = Number(ws[0]);
    if (!/^\d{1,5}$/.test(ws[0]!) || !RENDITION_WIDTHS.includes(w)) {
      return `w must be one of ${RENDITION_WIDTHS.join(', ')}`;
    }
    width = w;
  }
  width = Math.min(width, config.media.renditionMaxWidth, row.width ?? width);
  let format: ImageMimeType = source;
  if (formats.length === 1) {
    const name = formats[0]!.toLowerCase();
    if (!Object.hasOwn(RENDITION_FORMATS, name))
      return `format must be one of ${Object.keys(RENDITION_FORMATS).join(', ')}`;
    format = RENDITION_FORMATS[name as RenditionFormat];
  }
  // Nothing to change: the original is served.
  if (format === source && width === row.width) return null;
  return { width, format };
}

const renderings = new Map<string, Promise<void>>();
/** Renditions are CPU-heavy (seconds for a large AVIF): a few at a time, the rest wait or are refused. */
const MAX_RENDERING = 2;
const MAX_WAITING = 8;
let rendering = 0;
const waiting: Array<() => void> = [];

export class RenditionBusyError extends Error {}

async function withRenderSlot<T>(work: () => Promise<T>): Promise<T> {
  if (rendering >= MAX_RENDERING) {
    if (waiting.length >= MAX_WAITING) throw new RenditionBusyError('too many renditions in progress');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  rendering += 1;
  try {
    return await work();
  } finally {
    rendering -= 1;
    waiting.shift()?.();
  }
}

/** Makes the rendition once (concurrent requests wait for the same one) and stores it. */
async function ensureRendition(row: MediaRow, key: string, width: number, format: ImageMimeType): Promise<void> {
  const storage = mediaStorage();
  if (await storage.stat(key)) return;
  let pending = renderings.get(key);
  if (!pending) {
    pending = withRenderSlot(async () => {
      const original = await storage.get(row.storageKey);
      if (!original) throw new Error(`media file missing: ${row.storageKey}`);
      const bytes = await renderRendition(original, row.mimeType, width, format);
      await storage.put(key, bytes);
      // Deleted while we rendered: deleteMedia has already cleared the folder, so clear ours too.
      if (!(await prisma.media.findUnique({ where: { id: row.id }, select: { id: true } }))) {
        await storage.delete(key).catch(() => undefined);
        throw new RenditionGoneError();
      }
    }).finally(() => renderings.delete(key));
    renderings.set(key, pending);
  }
  await pending;
}

class RenditionGoneError extends Error {}

function withExtension(filename: string, mimeType: MediaMimeType): string {
  const ext = MEDIA_TYPES[mimeType].ext;
  const dot = filename.lastIndexOf('.');
  return `${dot > 0 ? filename.slice(0, dot) : filename}.${ext}`;
}

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

type RangeResult = { start: number; end: number } | 'unsatisfiable' | null;

/** One `bytes=` range; null (serve it all) for none, several or a malformed one. */
export function parseRange(header: string | null, size: number): RangeResult {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Number(match[2]);
  if (match[2] !== '' && end < start) return null; // invalid: ignored
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/**
 * Public items are immutable for a year, except those with a consent end date: caches (browsers,
 * CDNs) may keep them only until then, so a withdrawn photo stops being served by them too.
 */
function cacheControlOf(row: MediaRow, isPublic: boolean): string {
  if (!isPublic) return STAFF_CACHE;
  const until = row.consent?.expiresAt;
  if (!until) return PUBLIC_CACHE;
  const seconds = Math.max(
    0,
    Math.min(86_400, config.media.publicMaxAgeSeconds, Math.floor((until.getTime() - Date.now()) / 1000)),
  );
  return `public, max-age=${seconds}, must-revalidate`;
}

async function serve(request: Request, served: Served, cacheControl: string): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': served.contentType,
    'cache-control': cacheControl,
    etag: served.etag,
    'x-content-type-options': 'nosniff',
    'content-disposition': contentDisposition(served.filename),
    'cross-origin-resource-policy': 'cross-origin',
    'accept-ranges': 'bytes',
  };
  if (served.contentType === 'application/pdf') headers['content-security-policy'] = "default-src 'none'; sandbox";
  if (etagMatches(request.headers.get('if-none-match'), served.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const storage = mediaStorage();
  const info = await storage.stat(served.key);
  if (!info) {
    logger.error({ key: served.key }, 'media file missing from storage');
    return notFound();
  }
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange.trim() !== served.etag ? null : parseRange(request.headers.get('range'), info.size);
  if (range === 'unsatisfiable') {
    return text(416, 'Range not satisfiable', { 'content-range': `bytes */${info.size}`, 'accept-ranges': 'bytes' });
  }
  const head = request.method === 'HEAD';
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${info.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    const body = head ? null : await storage.stream(served.key, range);
    if (!head && !body) return notFound(); // removed between stat and read
    return new Response(body, { status: 206, headers });
  }
  headers['content-length'] = String(info.size);
  const body = head ? null : await storage.stream(served.key);
  if (!head && !body) return notFound(); // removed between stat and read
  return new Response(body, { status: 200, headers });
}

export async function handleMediaRequest(request: Request, url: URL): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, 'Method not allowed', { allow: 'GET, HEAD' });
  }
  const parsed = parsePath(url.pathname);
  if (!parsed) return notFound();
  const [id, name] = parsed;
  const found = await findItem(id, request.headers.get('authorization'));
  if (!found || found.row.filename !== name) return notFound();
  const { row, isPublic } = found;
  const rendition = renditionOf(url, row);
  if (typeof rendition === 'string') return text(400, `Bad request: ${rendition}`);
  if (!rendition) {
    return serve(
      request,
      { key: row.storageKey, contentType: row.mimeType, filename: row.filename, etag: `"${row.checksum}"` },
      cacheControlOf(row, isPublic),
    );
  }
  const ext = MEDIA_TYPES[rendition.format].ext;
  const key = `renditions/${row.id}/${rendition.width}.${ext}`;
  try {
    await ensureRendition(row, key, rendition.width, rendition.format);
  } catch (error) {
    if (error instanceof RenditionBusyError)
      return text(503, 'Busy making renditions; retry shortly', { 'retry-after': '5' });
    if (error instanceof RenditionGoneError) return notFound();
    throw error;
  }
  return serve(
    request,
    {
      key,
      contentType: rendition.format,
      filename: withExtension(row.filename, rendition.format),
      etag: `"${row.checksum}-${rendition.width}-${ext}"`,
    },
    cacheControlOf(row, isPublic),
  );
}

/** An upload bigger than the limit is refused from its Content-Length, before it is read. */
function refuseOversizeUpload(request: Request, url: URL): Response | null {
  if (request.method !== 'POST' || url.pathname !== '/graphql') return null;
  if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return null;
  const header = request.headers.get('content-length');
  const length = header === null ? Number.NaN : Number(header);
  const limit = config.media.maxUploadBytes;
  const problem = !Number.isFinite(length)
    ? {
        status: 411,
        message: 'A multipart upload needs a Content-Length header.',
        field: 'must be sent with a Content-Length',
      }
    : length > limit + MULTIPART_OVERHEAD_BYTES
      ? {
          status: 413,
          message: `Invalid input: file is too large: at most ${limit} bytes`,
          field: `is too large: at most ${limit} bytes`,
        }
      : null;
  if (!problem) return null;
  return Response.json(
    { errors: [{ message: problem.message, extensions: { code: 'BAD_USER_INPUT', fields: { file: problem.field } } }] },
    { status: problem.status, headers: { 'cache-control': 'no-store' } },
  );
}

export function useMediaRoutes(): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const refusal = refuseOversizeUpload(request, url);
      if (refusal) {
        endResponse(refusal);
        return;
      }
      if (url.pathname === '/media' || url.pathname.startsWith('/media/')) {
        try {
          endResponse(await handleMediaRequest(request, url));
        } catch (error) {
          logger.error({ err: error, path: url.pathname }, 'media request failed');
          endResponse(text(500, 'Internal error'));
        }
      }
    },
  };
}
