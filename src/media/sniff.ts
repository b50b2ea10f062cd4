/**
 * The real type of an upload, from its bytes only: the name and the declared type are never
 * trusted. SVG is refused outright (it can carry scripts and there is no sanitizer here).
 */
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../errors.js';

export const MEDIA_TYPES = {
  'image/jpeg': { ext: 'jpg', extensions: ['jpg', 'jpeg', 'jpe'], image: true },
  'image/png': { ext: 'png', extensions: ['png'], image: true },
  'image/webp': { ext: 'webp', extensions: ['webp'], image: true },
  'image/avif': { ext: 'avif', extensions: ['avif'], image: true },
  'image/gif': { ext: 'gif', extensions: ['gif'], image: true },
  'application/pdf': { ext: 'pdf', extensions: ['pdf'], image: false },
} as const;

export type MediaMimeType = keyof typeof MEDIA_TYPES;
export type ImageMimeType = Exclude<MediaMimeType, 'application/pdf'>;

export const ACCEPTED_TYPES_LABEL = 'JPEG, PNG, WebP, AVIF, GIF or PDF';

export function isMediaMimeType(value: string): value is MediaMimeType {
  return Object.hasOwn(MEDIA_TYPES, value);
}

export function isImageType(mimeType: string): mimeType is ImageMimeType {
  return isMediaMimeType(mimeType) && MEDIA_TYPES[mimeType].image;
}

/** True for SVG (or any XML document) however it is named: text starting with <svg, <?xml, etc. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  let head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  // UTF-16 text: drop the zero bytes so the markup can be seen.
  if (head.includes('\u0000')) head = head.replaceAll('\u0000', '').replace(/^[\ufffd\ufeff\u00fe\u00ff]+/, '');
  const text = head.trimStart().toLowerCase();
  if (text.startsWith('<svg') || text.startsWith('<?xml')) return true;
  // A comment or doctype first, then the svg element.
  return (text.startsWith('<!--') || text.startsWith('<!doctype')) && text.includes('<svg');
}

/** The accepted type of `bytes`, or BAD_USER_INPUT on `file` naming the problem. */
export async function sniffMediaType(bytes: Uint8Array): Promise<MediaMimeType> {
  if (bytes.length === 0) throw new ValidationError({ file: 'is empty' });
  if (looksLikeSvg(bytes)) {
    throw new ValidationError({ file: 'is an SVG image, which is not accepted (SVG can carry scripts)' });
  }
  const detected = await fileTypeFromBuffer(bytes);
  // An animated PNG is a PNG (stored as its first frame: sharp does not write APNG).
  if (detected?.mime === 'image/apng') return 'image/png';
  if (detected?.mime === 'image/svg+xml' || detected?.mime === 'application/xml') {
    throw new ValidationError({ file: 'is an SVG image, which is not accepted (SVG can carry scripts)' });
  }
  if (!detected || !isMediaMimeType(detected.mime)) {
    throw new ValidationError({
      file: `is not an accepted type (${ACCEPTED_TYPES_LABEL})${detected ? `: it is ${detected.mime}` : ''}`,
    });
  }
  return detected.mime;
}
