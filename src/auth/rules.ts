/**
 * Row-level visibility of content, as Prisma where-fragments merged into every list, count,
 * relation, lookup and node load. A hidden row reads as null / NOT_FOUND, never FORBIDDEN.
 */
import type { Context } from '../context.js';

export interface ContentRowFilter {
  deletedAt: null;
  status?: 'PUBLISHED';
  OR?: Array<{ status: 'PUBLISHED' } | { authorId: string }>;
}

/**
 * - staff with content:read_drafts: everything not in the trash;
 * - authors (content:create): published items, and their own items in any state;
 * - everyone else (the public, API tokens of public-like roles): published items only.
 * Scheduled, archived and trashed items are never public: they are not PUBLISHED.
 */
export function contentVisibility(ctx: Pick<Context, 'viewer' | 'permissions'>): ContentRowFilter {
  if (ctx.permissions.has('content:read_drafts')) return { deletedAt: null };
  if (ctx.viewer.kind === 'user' && ctx.permissions.has('content:create')) {
    return { deletedAt: null, OR: [{ status: 'PUBLISHED' }, { authorId: ctx.viewer.userId }] };
  }
  return { deletedAt: null, status: 'PUBLISHED' };
}

/** True when a loaded row passes contentVisibility (for rows loaded by id). */
export function canSeeContent(
  ctx: Pick<Context, 'viewer' | 'permissions'>,
  row: { status: string; deletedAt: Date | null; authorId: string | null },
): boolean {
  if (row.deletedAt) return false;
  if (ctx.permissions.has('content:read_drafts')) return true;
  if (row.status === 'PUBLISHED') return true;
  return ctx.viewer.kind === 'user' && ctx.permissions.has('content:create') && row.authorId === ctx.viewer.userId;
}
