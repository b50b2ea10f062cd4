import { contentVisibility } from '../../auth/rules.js';
import { prisma } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { pageSize } from '../pagination.js';
import {
  assertCursorInList,
  cachedCount,
  checkLocale,
  findInLocale,
  orderByOf,
  readableWhere,
  searchWhere,
  trashWhere,
} from './content-query.js';
import { renderMarkdown } from './markdown.js';
import { ContentStatusEnum, Publishable, RevisionConnection, revisionsOf, SortDirection } from './publishable.type.js';
import { translationsOf } from './translations.js';

export const Page = builder.prismaNode('Page', {
  id: { field: 'id' },
  nullable: true,
  interfaces: [Publishable],
  // node(id) applies the same row visibility as the lists.
  findUnique: (id, ctx) => ({ id, ...contentVisibility(ctx) }),
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown, as written' }),
    bodyHtml: t.string({
      description: 'body rendered to sanitized HTML (no scripts, event handlers or javascript: URLs)',
      select: { body: true },
      resolve: (page) => renderMarkdown(page.body),
    }),
    position: t.exposeInt('position', { description: 'Order among its siblings (ascending)' }),
    path: t.exposeString('path', { description: 'Slugs from the root joined by "/": unique per locale' }),
    // A parent the caller may not see reads as null (the filter is part of the same query).
    parent: t.relation('parent', { nullable: true, query: (_args, ctx) => ({ where: readableWhere(ctx) }) }),
    children: t.relatedConnection(
      'children',
      {
        cursor: 'id',
        ...pageSize,
        totalCount: true,
        description: 'The sub-pages the caller may see, by position',
        query: (_args, ctx) => ({ where: readableWhere(ctx), orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
      },
      { name: 'PageChildrenConnection' },
      { name: 'PageChildrenEdge' },
    ),
    author: t.relation('author', { nullable: true }),
    translations: t.prismaField({
      type: ['Page'],
      description: "The other locales' versions of this page that the caller may see",
      resolve: (query, page, _args, ctx) => translationsOf(ctx, 'Page', query, page),
    }),
    revisions: t.prismaConnection(revisionsOf('Page'), RevisionConnection),
  }),
});

export const PageWhere = builder.inputType('PageWhere', {
  fields: (t) => ({
    inTrash: t.boolean({ description: 'List the trash instead (content:delete): what restoreContent can bring back' }),
    status: t.field({ type: ContentStatusEnum, description: 'Only with preview: the public sees PUBLISHED only' }),
    parentId: t.id({ description: 'Direct children of this page' }),
    rootOnly: t.boolean({ description: 'Only pages without a parent' }),
    translationOutdated: t.boolean(),
  }),
});

export const PageOrderBy = builder.inputType('PageOrderBy', {
  description: 'One field per item; items apply in order',
  fields: (t) => ({
    position: t.field({ type: SortDirection }),
    path: t.field({ type: SortDirection }),
    publishedAt: t.field({ type: SortDirection }),
    createdAt: t.field({ type: SortDirection }),
    updatedAt: t.field({ type: SortDirection }),
    title: t.field({ type: SortDirection }),
  }),
});

function pageWhere(
  ctx: Parameters<typeof readableWhere>[0],
  args: {
    where?: typeof PageWhere.$inferInput | null;
    search?: string | null;
    locale?: string | null;
    preview?: boolean | null;
  },
): Prisma.PageWhereInput {
  checkLocale(args.locale);
  const w = args.where;
  return {
    AND: [
      w?.inTrash ? trashWhere(ctx) : readableWhere(ctx, args.preview),
      args.locale ? { locale: args.locale } : {},
      w?.status ? { status: w.status } : {},
      w?.parentId ? { parentId: decodeGlobalIdOf(w.parentId, 'Page', 'where.parentId') } : {},
      w?.rootOnly ? { parentId: null } : {},
      w?.translationOutdated != null ? { translationOutdated: w.translationOutdated } : {},
      searchWhere(args.search, ['title', 'body']),
    ],
  };
}

builder.queryFields((t) => ({
  pages: t.prismaConnection(
    {
      type: Page,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      args: {
        where: t.arg({ type: PageWhere }),
        orderBy: t.arg({ type: [PageOrderBy] }),
        search: t.arg.string(),
        locale: t.arg.string(),
        preview: t.arg.boolean({ description: 'Include what the caller may see beyond published content' }),
      },
      totalCount: (_parent, args, ctx) => {
        const where = pageWhere(ctx, args);
        return cachedCount('page', where, () => prisma.page.count({ where }));
      },
      resolve: async (query, _root, args, ctx) => {
        const where = pageWhere(ctx, args);
        await assertCursorInList(query, where, (w) => prisma.page.count({ where: w }));
        return prisma.page.findMany({ ...query, where, orderBy: orderByOf(args.orderBy, { position: 'ASC' }) });
      },
    },
    { name: 'PageConnection' },
    { name: 'PageEdge' },
  ),
  page: t.prismaField({
    type: Page,
    nullable: true,
    authScopes: { permission: 'content:read' },
    description: 'By id, or by path (e.g. "about/team") and locale. Null when missing or not visible.',
    args: {
      id: t.arg.id(),
      path: t.arg.string(),
      locale: t.arg.string(),
      preview: t.arg.boolean(),
      fallbackToDefaultLocale: t.arg.boolean({
        description: 'When no version exists in `locale`, return the default locale’s',
        defaultValue: false,
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      checkLocale(args.locale);
      const visible = readableWhere(ctx, args.preview);
      if (args.id) {
        return prisma.page.findFirst({ ...query, where: { id: decodeGlobalIdOf(args.id, 'Page', 'id'), ...visible } });
      }
      const path = args.path?.trim().replace(/^\/+|\/+$/g, '');
      if (!path) return null;
      return findInLocale(args.locale, args.fallbackToDefaultLocale, (locale) =>
        prisma.page.findFirst({ ...query, where: { path, locale, ...visible } }),
      );
    },
  }),
}));
