import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A raw row id (uuid), as the database stores it. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Decodes an opaque global id that must name `typename`; BAD_USER_INPUT naming `field` if not. */
export function decodeGlobalIdOf(globalId: string | number, typename: string, field: string): string {
  try {
    const { typename: actual, id } = decodeGlobalID(String(globalId));
    if (actual === typename && UUID.test(id)) return id;
  } catch {
    // fall through
  }
  throw new ValidationError({ [field]: `is not a valid ${typename} id` });
}

/** The opaque global id of a row, as the API shows it. */
export function toGlobalId(typename: string, id: string): string {
  return encodeGlobalID(typename, id);
}

/**
 * A media reference in an input: the Media global id (as `Media.id` shows it) or, for clients
 * written before the media library, its raw uuid. null/undefined pass through (clear / keep).
 */
export function mediaIdOf(value: string | number | null | undefined): string | null | undefined {
  if (value == null) return value;
  const text = String(value);
  if (UUID.test(text)) return text;
  try {
    const { typename, id } = decodeGlobalID(text);
    if (typename === 'Media' && UUID.test(id)) return id;
  } catch {
    // fall through: the services report a malformed id with the field's name
  }
  return text;
}
