/**
 * Creating, editing and moving pages; the shared workflow is in publishable.service.ts. A page's
 * `path` is its ancestors' slugs and its own joined by "/", unique per locale: it is computed on
 * create, and a change of slug or parent rewrites the page's path and every descendant's in the
 * same transaction as the update itself.
 */
import { authorIdOfViewer, canSeeContent } from '../../auth/rules.js';
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { FieldErrors, freeSlug, slugOf } from './content-input.js';
import { joinTranslationGroup, loadVisible, updateContent } from './publishable.service.js';

export interface PageFields {
  title?: string | null;
  slug?: string | null;
  body?: string | null;
  /** null: a root page. */
  parentId?: string | null;
  position?: number | null;
  editorialNotes?: string | null;
}

/** Deeper trees are refused: paths stay readable and the ancestor walk stays bounded. */
const MAX_DEPTH = 20;

function check(input: PageFields & { locale?: string | null }, creating: boolean): void {
  const errors = new FieldErrors();
  if (creating && !input.title?.trim()) errors.add('title', 'is required');
  errors.text('title', input.title, 1, 300);
  errors.slug('slug', input.slug);
  errors.text('body', input.body, 0, 200_000);
  errors.text('editorialNotes', input.editorialNotes, 0, 5000);
  errors.locale('locale', input.locale);
  if (input.position != null && (input.position < 0 || input.position > 1_000_000)) {
    errors.add('position', 'must be between 0 and 1000000');
  }
  errors.throwIfAny();
}

/** A parent the caller may see, in `locale`; anything else names a missing page (no leak). */
async function loadParent(caller: Caller, parentId: string, locale: string) {
  const parent = await prisma.page.findUnique({
    where: { id: parentId },
    select: { id: true, path: true, locale: true, parentId: true, status: true, deletedAt: true, authorId: true },
  });
  if (!parent || !canSeeContent(caller, parent)) throw new ValidationError({ parentId: 'names a missing page' });
  if (parent.locale !== locale) throw new ValidationError({ parentId: `must be a page in locale ${locale}` });
  if (parent.path.split('/').length >= MAX_DEPTH) {
    throw new ValidationError({ parentId: `is too deep (pages nest at most ${MAX_DEPTH} levels)` });
  }
  return parent;
}

function pathConflict(path: string, locale: string): ConflictError {
  return new ConflictError(`The path "${path}" is already used in locale ${locale}.`, {
    fields: { slug: 'is taken' },
  });
}

export async function createPage(
  caller: Caller,
  input: PageFields & { title: string; locale?: string | null; translationOf?: string | null },
): Promise<string> {
  check(input, true);
  const locale = input.locale ?? config.content.defaultLocale;
  const parent = input.parentId ? await loadParent(caller, input.parentId, locale) : null;
  const prefix = parent ? `${parent.path}/` : '';
  const translationGroupId = await joinTranslationGroup(caller, 'Page', input.translationOf, locale);
  let slug = input.slug ?? undefined;
  if (!slug) {
    // Only the path is unique: a slug is free when no page has prefix + slug.
    const base = slugOf(input.title);
    const taken = await prisma.page.findMany({
      where: { locale, path: { startsWith: prefix + base } },
      select: { path: true },
    });
    slug = freeSlug(
      base,
      taken.map((p) => p.path.slice(prefix.length)).filter((rest) => !rest.includes('/')),
    );
  }
  const path = prefix + slug;
  let position = input.position ?? undefined;
  if (position === undefined) {
    // Appended after its siblings.
    const last = await prisma.page.aggregate({
      where: { parentId: parent?.id ?? null, locale },
      _max: { position: true },
    });
    position = last._max.position == null ? 0 : last._max.position + 1;
  }
  try {
    const page = await prisma.page.create({
      data: {
        title: input.title.trim(),
        slug,
        path,
        locale,
        body: input.body ?? '',
        parentId: parent?.id ?? null,
        position,
        editorialNotes: input.editorialNotes ?? '',
        authorId: authorIdOfViewer(caller.viewer),
        ...(translationGroupId ? { translationGroupId } : {}),
      },
      select: { id: true },
    });
    return page.id;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      if (JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes('translationGroupId')) {
        throw new ConflictError('This page already has a version in that locale.', { fields: { locale: 'exists' } });
      }
      throw pathConflict(path, locale);
    }
    throw error;
  }
}

/** Nested writes that give every descendant of `rootId` the path under `rootPath`. */
async function descendantPathWrites(rootId: string, rootPath: string) {
  interface Node {
    id: string;
    path: string;
    children: Node[];
  }
  const root: Node = { id: rootId, path: rootPath, children: [] };
  let frontier = [root];
  for (let depth = 0; frontier.length > 0; depth++) {
    if (depth > MAX_DEPTH * 2) throw new ValidationError({ parentId: 'the page tree is too deep' });
    const byId = new Map(frontier.map((n) => [n.id, n]));
    // Trashed pages too: their paths stay reserved and must follow their parent.
    const rows = await prisma.page.findMany({
      where: { parentId: { in: [...byId.keys()] } },
      select: { id: true, slug: true, parentId: true },
      orderBy: { id: 'asc' },
    });
    const next: Node[] = [];
    for (const row of rows) {
      const parent = byId.get(row.parentId as string)!;
      const node: Node = { id: row.id, path: `${parent.path}/${row.slug}`, children: [] };
      parent.children.push(node);
      next.push(node);
    }
    frontier = next;
  }
  type Write = { where: { id: string }; data: { path: string; children?: { update: Write[] } } };
  const toWrites = (nodes: Node[]): Write[] =>
    nodes.map((n) => ({
      where: { id: n.id },
      data: { path: n.path, ...(n.children.length > 0 ? { children: { update: toWrites(n.children) } } : {}) },
    }));
  return root.children.length > 0 ? { children: { update: toWrites(root.children) } } : {};
}

export async function updatePage(
  caller: Caller,
  id: string,
  input: PageFields,
  expectedVersion: number,
): Promise<string> {
  check(input, false);
  const changes: Record<string, unknown> = {};
  for (const key of ['title', 'slug', 'body', 'position', 'editorialNotes'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null) throw new ValidationError({ [key]: 'cannot be null' });
    changes[key] = typeof value === 'string' && key === 'title' ? value.trim() : value;
  }
  let relations: Record<string, unknown> = {};
  if (input.slug != null || input.parentId !== undefined) {
    const before = await loadVisible(caller, 'Page', id);
    let parentPath: string | null;
    if (input.parentId === undefined) {
      const parent = before.parentId
        ? await prisma.page.findUnique({ where: { id: before.parentId as string }, select: { path: true } })
        : null;
      parentPath = parent?.path ?? null;
    } else if (input.parentId === null) {
      parentPath = null;
      changes.parentId = null;
    } else {
      if (input.parentId === id) throw new ValidationError({ parentId: 'cannot be the page itself' });
      const parent = await loadParent(caller, input.parentId, before.locale);
      // Walk up from the new parent: meeting this page means a cycle.
      let ancestor: string | null = parent.parentId;
      for (let i = 0; ancestor; i++) {
        if (ancestor === id || i > MAX_DEPTH * 2) {
          throw new ValidationError({ parentId: 'cannot be the page itself or one of its descendants' });
        }
        const up: { parentId: string | null } | null = await prisma.page.findUnique({
          where: { id: ancestor },
          select: { parentId: true },
        });
        ancestor = up?.parentId ?? null;
      }
      parentPath = parent.path;
      // A published page under an unpublished parent would publish that parent's slug in its path.
      if (before.status === 'PUBLISHED' && (parent.status !== 'PUBLISHED' || parent.deletedAt)) {
        throw new ValidationError({ parentId: 'must be a published page while this page is published' });
      }
      changes.parentId = parent.id;
    }
    const slug = (input.slug ?? before.slug) as string;
    const path = parentPath ? `${parentPath}/${slug}` : slug;
    if (path !== before.path) {
      const clash = await prisma.page.findFirst({
        where: { locale: before.locale, path, id: { not: id } },
        select: { id: true },
      });
      if (clash) throw pathConflict(path, before.locale);
      changes.path = path;
    }
    // Descendants follow in the same transaction (a unique violation there rolls it all back).
    if (path !== before.path) relations = await descendantPathWrites(id, path);
  }
  return updateContent(caller, 'Page', id, expectedVersion, changes, relations);
}
