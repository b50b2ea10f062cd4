/**
 * Turns an upload into what is stored: images are decoded and re-encoded in their own format with
 * every piece of metadata dropped (EXIF with GPS, XMP, IPTC, ICC, comments), after applying the
 * EXIF orientation; PDFs are checked and kept as they are. Also: cleaned file names and renditions.
 */
import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { config } from '../config/env.js';
import { ValidationError } from '../errors.js';
import { type ImageMimeType, isImageType, MEDIA_TYPES, type MediaMimeType, sniffMediaType } from './sniff.js';

export interface ProcessedUpload {
  bytes: Buffer;
  mimeType: MediaMimeType;
  width: number | null;
  height: number | null;
}

const CORRUPT = 'is truncated or corrupt';

/**
 * The bytes to store for an upload, or BAD_USER_INPUT on `file` naming the problem. `mimeType` is
 * the type sniffed from the bytes when the caller already has it (sniffMediaType).
 */
export async function processUpload(bytes: Buffer, sniffed?: MediaMimeType): Promise<ProcessedUpload> {
  if (bytes.length === 0) throw new ValidationError({ file: 'is empty' });
  if (bytes.length > config.media.maxUploadBytes) throw tooLarge();
  const mimeType = sniffed ?? (await sniffMediaType(bytes));
  if (mimeType === 'application/pdf') {
    checkPdf(bytes);
    return { bytes, mimeType, width: null, height: null };
  }
  return { mimeType, ...(await reencodeImage(bytes, mimeType as ImageMimeType)) };
}

export function tooLarge(): ValidationError {
  return new ValidationError({ file: `is too large: at most ${config.media.maxUploadBytes} bytes` });
}

const PDF_HEADER = Buffer.from('%PDF-', 'latin1');

function checkPdf(bytes: Buffer): void {
  if (!bytes.subarray(0, PDF_HEADER.length).equals(PDF_HEADER)) {
    throw new ValidationError({ file: 'is not a valid PDF (it does not start with %PDF-)' });
  }
  // Every complete PDF (and each incremental update) ends with %%EOF.
  if (bytes.lastIndexOf('%%EOF', undefined, 'latin1') < PDF_HEADER.length) {
    throw new ValidationError({ file: `${CORRUPT} (a PDF without %%EOF)` });
  }
}

const animatable = (mimeType: string) => mimeType === 'image/gif' || mimeType === 'image/webp';

function inputOptions(animated: boolean): SharpOptions {
  // failOn 'error': refuse truncated and broken images (not mere decoder warnings).
  return { failOn: 'error', limitInputPixels: config.media.maxImagePixels, animated };
}

function imageError(error: unknown): ValidationError {
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message)) {
    return new ValidationError({ file: `is too large: at most ${config.media.maxImagePixels} pixels` });
  }
  return new ValidationError({ file: CORRUPT });
}

function encode(pipeline: Sharp, format: ImageMimeType): Sharp {
  switch (format) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 90 });
    case 'image/png':
      return pipeline.png({ compressionLevel: 9 });
    case 'image/webp':
      return pipeline.webp({ quality: 90 });
    case 'image/avif':
      return pipeline.avif({ quality: 65 });
    case 'image/gif':
      return pipeline.gif();
  }
}

/**
 * Decodes the whole image (so truncation is caught) and encodes it again in the same format.
 * sharp writes no metadata unless asked (withMetadata/keepExif/keepIccProfile), so nothing of
 * the input's EXIF, GPS, XMP, IPTC or ICC survives; rotate() first bakes in the EXIF orientation.
 */
async function reencodeImage(bytes: Buffer, mimeType: ImageMimeType) {
  try {
    const meta = await sharp(bytes, inputOptions(false)).metadata();
    const animated = animatable(mimeType) && (meta.pages ?? 1) > 1;
    let pipeline = sharp(bytes, inputOptions(animated));
    // Auto-orientation applies to single images; animations (GIF, WebP) carry no orientation.
    if (!animated) pipeline = pipeline.rotate();
    const { data, info } = await encode(pipeline, mimeType).toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    throw imageError(error);
  }
}

// --- File names ------------------------------------------------------------------------------

export const MAX_FILENAME_LENGTH = 200;

/** Control characters, and invisible or direction-changing ones (format characters) that can disguise an extension. */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const ALL_EXTENSIONS: ReadonlySet<string> = new Set(Object.values(MEDIA_TYPES).flatMap((t) => [...t.extensions]));

/**
 * A safe display and URL name: the last path segment only, no control or invisible characters,
 * no leading dots, at most 200 characters, ending in an extension of the real type (a PNG named
 * photo.jpg becomes photo.png); 'file' when nothing is left.
 */
export function cleanFilename(raw: string | null | undefined, mimeType: MediaMimeType): string {
  let name = (raw ?? '').normalize('NFC').replace(UNSAFE_CHARACTERS, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const type = MEDIA_TYPES[mimeType];
  const dot = name.lastIndexOf('.');
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let base = name;
  let ext: string = type.ext;
  if ((type.extensions as readonly string[]).includes(given)) {
    base = name.slice(0, dot);
    ext = name.slice(dot + 1); // as written (IMG_0001.JPG stays so)
  } else if (ALL_EXTENSIONS.has(given)) {
    base = name.slice(0, dot); // the extension of another type: replaced by the real one
  }
  base = base.replace(/[.\s]+$/, '');
  const room = MAX_FILENAME_LENGTH - ext.length - 1;
  const chars = Array.from(base);
  if (chars.length > room) base = chars.slice(0, room).join('').trimEnd();
  return `${base || 'file'}.${ext}`;
}

// --- Renditions ------------------------------------------------------------------------------

export const RENDITION_FORMATS = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const satisfies Record<string, ImageMimeType>;

export type RenditionFormat = keyof typeof RENDITION_FORMATS;

/**
 * The widths a rendition may be asked for. A fixed list (not any number) so that nobody can fill
 * the disk cache, or keep the CPU busy, by asking for every width from 1 to 2560. A wider request
 * than the original or than MEDIA_RENDITION_MAX_WIDTH is served at that smaller width.
 */
export const RENDITION_WIDTHS: readonly number[] = [
  16, 32, 48, 64, 96, 128, 160, 200, 240, 320, 400, 480, 560, 640, 720, 800, 960, 1024, 1080, 1200, 1280, 1440, 1600,
  1920, 2048, 2560, 3200, 3840,
];

/** Resizes (never enlarging) and encodes a stored image; animations stay animated in GIF and WebP. */
export async function renderRendition(
  original: Buffer,
  sourceType: string,
  width: number,
  format: ImageMimeType,
): Promise<Buffer> {
  if (!isImageType(sourceType)) throw new Error(`Not an image: ${sourceType}`);
  const meta = await sharp(original, inputOptions(false)).metadata();
  const animated = animatable(sourceType) && animatable(format) && (meta.pages ?? 1) > 1;
  const pipeline = sharp(original, inputOptions(animated)).resize({ width, withoutEnlargement: true });
  return encode(pipeline, format).toBuffer();
}
