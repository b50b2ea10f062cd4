/**
 * Shared arguments of content lists and lookups: visibility with `preview`, locale with fallback,
 * ordering by public fields only, and simple search.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { contentVisibility } from '../../auth/rules.js';
import { config } from '../../config/env.js';
import type { Context } from '../../context.js';
import { ForbiddenError, ValidationError } from '../../errors.js';

/**
 * Without `preview`, everyone (staff included) reads what the public reads: a frontend holding an
 * editor's token cannot leak drafts by accident. `preview: true` shows what the caller may see.
 * Nested content (translations, children, parents, related items) follows the request's mode:
 * `preview: true` on any root field of the operation (see previewRequested).
 */
export function readableWhere(ctx: Context, preview?: boolean | null) {
  return (preview ?? ctx.preview) ? contentVisibility(ctx) : { deletedAt: null, status: 'PUBLISHED' as const };
}

/** The trash, for those who may restore from it (others: FORBIDDEN for this filter). */
export function trashWhere(ctx: Context) {
  if (!ctx.permissions.has('content:delete')) throw new ForbiddenError('Listing the trash needs content:delete.');
  return { deletedAt: { not: null } };
}

/** True for mutations, and when a root field of the query has `preview: true` (literal or variable). */
export function previewRequested(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): boolean {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return false;
  // Whoever changes content sees the result as they may see it (their draft, its draft parent).
  if (operation.operation === 'mutation') return true;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const arg = selection.arguments?.find((a) => a.name.value === 'preview');
        if (!arg) return false;
        if (arg.value.kind === Kind.BOOLEAN) return arg.value.value;
        return arg.value.kind === Kind.VARIABLE && variables?.[arg.value.name.value] === true;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen.add(fragment.name.value);
      return visit(fragment.selectionSet);
    });
  return visit(operation.selectionSet);
}

export function checkLocale(locale: string | null | undefined): void {
  if (locale != null && !config.content.locales.includes(locale)) {
    throw new ValidationError({ locale: `must be one of ${config.content.locales.join(', ')}` });
  }
}

export type Direction = 'ASC' | 'DESC';

/** [{ publishedAt: DESC }, ...] -> Prisma orderBy with `id` as the tie-breaker for stable cursors. */
export function orderByOf<F extends string>(
  orderBy: ReadonlyArray<Partial<Record<F, Direction | null | undefined>>> | null | undefined,
  fallback: Partial<Record<F, Direction>>,
): Array<Record<string, 'asc' | 'desc'>> {
  const items = orderBy && orderBy.length > 0 ? orderBy : [fallback];
  const result: Array<Record<string, 'asc' | 'desc'>> = [];
  for (const item of items) {
    const entries = Object.entries(item).filter(([, v]) => v != null) as Array<[string, Direction]>;
    if (entries.length !== 1) throw new ValidationError({ orderBy: 'each item must name exactly one field' });
    const [field, direction] = entries[0]!;
    result.push({ [field]: direction === 'ASC' ? 'asc' : 'desc' });
  }
  result.push({ id: 'asc' });
  return result;
}

/** Case-insensitive match on the given text columns (full-text search comes with its own issue). */
export function searchWhere(search: string | null | undefined, columns: readonly string[]) {
  const term = search?.trim();
  if (!term) return {};
  if (term.length > 200) throw new ValidationError({ search: 'must be at most 200 characters' });
  return { OR: columns.map((c) => ({ [c]: { contains: term, mode: 'insensitive' as const } })) };
}

/**
 * A cursor names a row; paging from a row outside the list (a draft, for the public) would place
 * the page by that row's hidden sort values and so leak them. Refuse such cursors.
 */
export async function assertCursorInList<W>(
  query: { cursor?: unknown },
  where: W,
  count: (where: { AND: W[] }) => Promise<number>,
): Promise<void> {
  if (!query.cursor) return;
  if ((await count({ AND: [where, query.cursor as W] })) === 0) {
    throw new ValidationError({ after: 'is not a cursor of this list' });
  }
}

/**
 * List counts (`totalCount`) cost as much as the page itself on a large site (counting thousands of
 * published rows), and every visitor asks the same ones. They are cached per filter for a moment:
 * any mutation in this process, the scheduler and the purge clear them at once (contentChanged);
 * changes made by other processes show within COUNT_TTL_MS.
 */
const COUNT_TTL_MS = 2_000;
let contentEpoch = 0;
const counts = new LRUCache<string, Promise<number>>({ max: 5_000, ttl: COUNT_TTL_MS });

export function contentChanged(): void {
  contentEpoch += 1;
}

export function cachedCount(model: string, where: unknown, count: () => Promise<number>): Promise<number> {
  const key = `${contentEpoch}|${model}|${JSON.stringify(where)}`;
  let pending = counts.get(key);
  if (!pending) {
    pending = count().catch((error: unknown) => {
      counts.delete(key);
      throw error;
    });
    counts.set(key, pending);
  }
  return pending;
}

/**
 * Runs a lookup in `locale` (default: the default locale), and again in the default locale when
 * nothing was found and the caller asked for the fallback.
 */
export async function findInLocale<T>(
  locale: string | null | undefined,
  fallbackToDefaultLocale: boolean | null | undefined,
  find: (locale: string) => Promise<T | null>,
): Promise<T | null> {
  const wanted = locale ?? config.content.defaultLocale;
  const found = await find(wanted);
  if (found || !fallbackToDefaultLocale || wanted === config.content.defaultLocale) return found;
  return find(config.content.defaultLocale);
}
