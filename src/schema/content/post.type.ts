import { contentVisibility } from '../../auth/rules.js';
import { prisma } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { mediaVisibility } from '../../media/visibility.js';
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

export const Post = builder.prismaNode('Post', {
  id: { field: 'id' },
  nullable: true,
  interfaces: [Publishable],
  // node(id) applies the same row visibility as the lists.
  findUnique: (id, ctx) => ({ id, ...contentVisibility(ctx) }),
  fields: (t) => ({
    excerpt: t.exposeString('excerpt'),
    body: t.exposeString('body', { description: 'Markdown, as written' }),
    bodyHtml: t.string({
      description: 'body rendered to sanitized HTML (no scripts, event handlers or javascript: URLs)',
      select: { body: true },
      resolve: (post) => renderMarkdown(post.body),
    }),
    coverImageId: t.exposeID('coverImageId', { nullable: true }),
    coverImage: t.relation('coverImage', {
      nullable: true,
      description: 'Null when none, or when the caller may not see it (e.g. its consent has expired)',
      query: (_args, ctx) => ({ where: mediaVisibility(ctx) }),
    }),
    author: t.relation('author', { nullable: true }),
    categories: t.relation('categories', { query: { orderBy: { name: 'asc' } } }),
    tags: t.relation('tags', { query: { orderBy: { name: 'asc' } } }),
    translations: t.prismaField({
      type: ['Post'],
      description: "The other locales' versions of this post (published ones; with preview, what the caller may see)",
      args: { preview: t.arg.boolean() },
      resolve: (query, post, args, ctx) => translationsOf(ctx, 'Post', query, post, args.preview),
    }),
    revisions: t.prismaConnection(revisionsOf('Post'), RevisionConnection),
  }),
});

export const PostWhere = builder.inputType('PostWhere', {
  fields: (t) => ({
    inTrash: t.boolean({ description: 'List the trash instead (content:delete): what restoreContent can bring back' }),
    status: t.field({ type: ContentStatusEnum, description: 'Only with preview: the public sees PUBLISHED only' }),
    categorySlug: t.string(),
    tagSlug: t.string(),
    authorId: t.id(),
    publishedAfter: t.field({ type: 'DateTime' }),
    publishedBefore: t.field({ type: 'DateTime' }),
    translationOutdated: t.boolean(),
  }),
});

export const PostOrderBy = builder.inputType('PostOrderBy', {
  description: 'One field per item; items apply in order',
  fields: (t) => ({
    publishedAt: t.field({ type: SortDirection }),
    createdAt: t.field({ type: SortDirection }),
    updatedAt: t.field({ type: SortDirection }),
    title: t.field({ type: SortDirection }),
  }),
});

function postWhere(
  ctx: Parameters<typeof readableWhere>[0],
  args: {
    where?: typeof PostWhere.$inferInput | null;
    search?: string | null;
    locale?: string | null;
    preview?: boolean | null;
  },
): Prisma.PostWhereInput {
  checkLocale(args.locale);
  const w = args.where;
  return {
    AND: [
      w?.inTrash ? trashWhere(ctx) : readableWhere(ctx, args.preview),
      args.locale ? { locale: args.locale } : {},
      w?.status ? { status: w.status } : {},
      w?.categorySlug ? { categories: { some: { slug: w.categorySlug } } } : {},
      w?.tagSlug ? { tags: { some: { slug: w.tagSlug } } } : {},
      w?.authorId ? { authorId: decodeGlobalIdOf(w.authorId, 'User', 'where.authorId') } : {},
      w?.publishedAfter ? { publishedAt: { gte: w.publishedAfter } } : {},
      w?.publishedBefore ? { publishedAt: { lt: w.publishedBefore } } : {},
      w?.translationOutdated != null ? { translationOutdated: w.translationOutdated } : {},
      searchWhere(args.search, ['title', 'excerpt', 'body']),
    ],
  };
}

builder.queryFields((t) => ({
  posts: t.prismaConnection(
    {
      type: Post,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      args: {
        where: t.arg({ type: PostWhere }),
        orderBy: t.arg({ type: [PostOrderBy] }),
        search: t.arg.string(),
        locale: t.arg.string(),
        preview: t.arg.boolean({ description: 'Include what the caller may see beyond published content' }),
      },
      totalCount: (_parent, args, ctx) => {
        const where = postWhere(ctx, args);
        return cachedCount('post', where, () => prisma.post.count({ where }));
      },
      resolve: async (query, _root, args, ctx) => {
        const where = postWhere(ctx, args);
        await assertCursorInList(query, where, (w) => prisma.post.count({ where: w }));
        return prisma.post.findMany({ ...query, where, orderBy: orderByOf(args.orderBy, { publishedAt: 'DESC' }) });
      },
    },
    { name: 'PostConnection' },
    { name: 'PostEdge' },
  ),
  post: t.prismaField({
    type: Post,
    nullable: true,
    authScopes: { permission: 'content:read' },
    description: 'By id, or by slug and locale. Null when missing or not visible.',
    args: {
      id: t.arg.id(),
      slug: t.arg.string(),
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
        return prisma.post.findFirst({ ...query, where: { id: decodeGlobalIdOf(args.id, 'Post', 'id'), ...visible } });
      }
      const slug = args.slug;
      if (!slug) return null;
      return findInLocale(args.locale, args.fallbackToDefaultLocale, (locale) =>
        prisma.post.findFirst({ ...query, where: { slug, locale, ...visible } }),
      );
    },
  }),
}));
