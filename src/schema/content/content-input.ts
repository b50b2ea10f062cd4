/**
 * Input checks shared by the content types: each collects field -> message into one
 * BAD_USER_INPUT (extensions.fields), and slugs (ASCII-folded, unique per locale).
 */
import { randomBytes } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import { config } from '../../config/env.js';
import { ConflictError, ValidationError } from '../../errors.js';

export class FieldErrors {
  readonly fields: Record<string, string> = {};

  add(field: string, message: string): void {
    this.fields[field] ??= message;
  }

  text(field: string, value: string | null | undefined, min: number, max: number): void {
    if (value == null) return;
    const length = value.trim().length;
    if (length < min || length > max) {
      this.add(field, min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`);
    }
  }

  url(field: string, value: string | null | undefined): void {
    if (value == null || value === '') return;
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      this.add(field, 'must be an http(s) URL');
    }
  }

  nonNegative(field: string, value: number | string | null | undefined): void {
    if (value == null) return;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) this.add(field, 'must be a non-negative number');
  }

  locale(field: string, value: string | null | undefined): void {
    if (value != null && !config.content.locales.includes(value)) {
      this.add(field, `must be one of ${config.content.locales.join(', ')}`);
    }
  }

  slug(field: string, value: string | null | undefined): void {
    if (value != null && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
      this.add(field, 'must be lower-case letters, digits and single hyphens (e.g. clean-water-2026)');
    } else if (value != null && value.length > 120) {
      this.add(field, 'must be at most 120 characters');
    }
  }

  /** Throws the collected problems, if any. */
  throwIfAny(): void {
    if (Object.keys(this.fields).length > 0) throw new ValidationError(this.fields);
  }
}

/** ASCII-folded slug of a title ("Crème brûlée" -> "creme-brulee"). */
export function slugOf(text: string): string {
  return slugify(text, { decamelize: false }).slice(0, 100).replace(/-+$/, '') || 'item';
}

/**
 * A free slug for an auto-made one: the base, or base-2, base-3... (`taken` lists the slugs that
 * start with the base in that locale).
 */
export function freeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code that the runtime knows (EUR, KES, USD...). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** CONFLICT naming the slug (and the locale, when slugs are unique per locale). */
export function slugTaken(slug: string, locale?: string): ConflictError {
  return new ConflictError(`The slug "${slug}" is already used${locale ? ` in locale ${locale}` : ''}.`, {
    fields: { slug: 'is taken' },
  });
}

/**
 * Inserts with an explicit slug (a duplicate is `taken(slug)`), or with one made from `base`: the
 * next free suffix, retried when a concurrent insert took it, then a short random suffix.
 */
export async function insertWithSlug<T>(
  explicit: string | null | undefined,
  base: string,
  takenSlugs: () => Promise<string[]>,
  insert: (slug: string) => Promise<T>,
  taken: (slug: string) => Error,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const slug = explicit
      ? explicit
      : attempt < 3
        ? freeSlug(base, await takenSlugs())
        : `${base}-${randomBytes(3).toString('hex')}`;
    try {
      return await insert(slug);
    } catch (error) {
      if ((error as { code?: string })?.code !== 'P2002') throw error;
      // The other unique key of content: one version per locale in a translation group.
      if (JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes('translationGroupId')) {
        throw new ConflictError('This item already has a version in that locale.', { fields: { locale: 'exists' } });
      }
      if (explicit || attempt >= 8) throw taken(slug);
    }
  }
}
