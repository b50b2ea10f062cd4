import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { checkLocale, readableWhere } from '../content/content-query.js';
import { pageSize } from '../pagination.js';

// Categories and tags are public: they only name published content's subjects.
export const Category = builder.prismaNode('Category', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    version: t.exposeInt('version', { description: 'Pass it as expectedVersion when updating' }),
    locale: t.exposeString('locale'),
    description: t.exposeString('description'),
    posts: t.relatedConnection(
      'posts',
      {
        cursor: 'id',
        ...pageSize,
        totalCount: true,
        description: 'Published posts (with preview: what the caller may see), newest first',
        query: (_args, ctx) => ({ where: readableWhere(ctx), orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] }),
      },
      { name: 'CategoryPostsConnection' },
      { name: 'CategoryPostsEdge' },
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const Tag = builder.prismaNode('Tag', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    version: t.exposeInt('version', { description: 'Pass it as expectedVersion when updating' }),
    locale: t.exposeString('locale'),
    posts: t.relatedConnection(
      'posts',
      {
        cursor: 'id',
        ...pageSize,
        totalCount: true,
        description: 'Published posts (with preview: what the caller may see), newest first',
        query: (_args, ctx) => ({ where: readableWhere(ctx), orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] }),
      },
      { name: 'TagPostsConnection' },
      { name: 'TagPostsEdge' },
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  categories: t.prismaConnection(
    {
      type: Category,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      args: { locale: t.arg.string(), search: t.arg.string() },
      totalCount: (_parent, args) => prisma.category.count({ where: taxonomyWhere(args) }),
      resolve: (query, _root, args) =>
        prisma.category.findMany({ ...query, where: taxonomyWhere(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    { name: 'CategoryConnection' },
    { name: 'CategoryEdge' },
  ),
  tags: t.prismaConnection(
    {
      type: Tag,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      args: { locale: t.arg.string(), search: t.arg.string() },
      totalCount: (_parent, args) => prisma.tag.count({ where: taxonomyWhere(args) }),
      resolve: (query, _root, args) =>
        prisma.tag.findMany({ ...query, where: taxonomyWhere(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    { name: 'TagConnection' },
    { name: 'TagEdge' },
  ),
}));

function taxonomyWhere(args: { locale?: string | null; search?: string | null }) {
  checkLocale(args.locale);
  const term = args.search?.trim();
  return {
    ...(args.locale ? { locale: args.locale } : {}),
    ...(term ? { name: { contains: term, mode: 'insensitive' as const } } : {}),
  };
}
