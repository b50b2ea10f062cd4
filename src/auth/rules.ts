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
 * Whose content the viewer writes as: a user themself; an API token as the user who created it
 * (createPost with a token records that user as the author).
 */
export function authorIdOfViewer(viewer: Context['viewer']): string | null {
  if (viewer.kind === 'user') return viewer.userId;
  if (viewer.kind === 'apiToken') return viewer.createdById;
  return null;
}

/**
 * - staff with content:read_drafts: everything not in the trash;
 * - authors (content:create): published items, and their own items in any state;
 * - everyone else (the public, API tokens of public-like roles): published items only.
 * Scheduled, archived and trashed items are never public: they are not PUBLISHED.
 */
export function contentVisibility(ctx: Pick<Context, 'viewer' | 'permissions'>): ContentRowFilter {
  if (ctx.permissions.has('content:read_drafts')) return { deletedAt: null };
  const authorId = authorIdOfViewer(ctx.viewer);
  if (authorId && ctx.permissions.has('content:create')) {
    return { deletedAt: null, OR: [{ status: 'PUBLISHED' }, { authorId }] };
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
  const authorId = authorIdOfViewer(ctx.viewer);
  return authorId !== null && ctx.permissions.has('content:create') && row.authorId === authorId;
}
