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

export const ProjectPhaseEnum = builder.enumType('ProjectPhase', {
  values: ['PLANNED', 'ACTIVE', 'COMPLETED'] as const,
});

/** Decimal columns are read as Float (amounts up to 10^12 keep their cents). */
const toFloat = (value: { toString(): string } | null) => (value == null ? null : Number(value.toString()));

export const ImpactMetric = builder.prismaObject('ImpactMetric', {
  description: 'One measured result of a project (e.g. 1200 people with clean water, target 2000)',
  fields: (t) => ({
    indicator: t.exposeString('indicator'),
    unit: t.exposeString('unit'),
    target: t.float({ nullable: true, resolve: (m) => toFloat(m.target) }),
    achieved: t.float({ nullable: true, resolve: (m) => toFloat(m.achieved) }),
    period: t.exposeString('period'),
    source: t.exposeString('source'),
    position: t.exposeInt('position'),
  }),
});

export const Project = builder.prismaNode('Project', {
  id: { field: 'id' },
  nullable: true,
  interfaces: [Publishable],
  // node(id) applies the same row visibility as the lists.
  findUnique: (id, ctx) => ({ id, ...contentVisibility(ctx) }),
  fields: (t) => ({
    summary: t.exposeString('summary'),
    body: t.exposeString('body', { description: 'Markdown, as written' }),
    bodyHtml: t.string({
      description: 'body rendered to sanitized HTML (no scripts, event handlers or javascript: URLs)',
      select: { body: true },
      resolve: (project) => renderMarkdown(project.body),
    }),
    phase: t.expose('phase', { type: ProjectPhaseEnum }),
    startDate: t.expose('startDate', { type: 'DateTime', nullable: true, description: 'A day (UTC midnight)' }),
    endDate: t.expose('endDate', { type: 'DateTime', nullable: true, description: 'A day (UTC midnight)' }),
    location: t.exposeString('location'),
    countries: t.exposeStringList('countries', { description: 'ISO 3166-1 alpha-2 codes, or region names' }),
    sdgs: t.exposeIntList('sdgs', { description: 'UN Sustainable Development Goals (1-17)' }),
    fundingGoal: t.float({ nullable: true, resolve: (project) => toFloat(project.fundingGoal) }),
    fundsRaised: t.float({ nullable: true, resolve: (project) => toFloat(project.fundsRaised) }),
    currency: t.exposeString('currency', { nullable: true, description: 'ISO 4217 code of the amounts' }),
    beneficiaries: t.exposeInt('beneficiaries', { nullable: true }),
    coverImageId: t.exposeID('coverImageId', { nullable: true }),
    coverImage: t.relation('coverImage', {
      nullable: true,
      description: 'Null when none, or when the caller may not see it (e.g. its consent has expired)',
      query: (_args, ctx) => ({ where: mediaVisibility(ctx) }),
    }),
    author: t.relation('author', { nullable: true }),
    categories: t.relation('categories', { query: { orderBy: { name: 'asc' } } }),
    tags: t.relation('tags', { query: { orderBy: { name: 'asc' } } }),
    partners: t.relation('partners', { query: { orderBy: [{ name: 'asc' }, { id: 'asc' }] } }),
    impactMetrics: t.relation('impactMetrics', { query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } }),
    events: t.relatedConnection(
      'events',
      {
        cursor: 'id',
        ...pageSize,
        totalCount: true,
        description: 'The events of this project that the caller may see, soonest first',
        query: (_args, ctx) => ({ where: readableWhere(ctx), orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] }),
      },
      { name: 'ProjectEventsConnection' },
      { name: 'ProjectEventsEdge' },
    ),
    translations: t.prismaField({
      type: ['Project'],
      description: "The other locales' versions of this project that the caller may see",
      resolve: (query, project, _args, ctx) => translationsOf(ctx, 'Project', query, project),
    }),
    revisions: t.prismaConnection(revisionsOf('Project'), RevisionConnection),
  }),
});

export const ProjectWhere = builder.inputType('ProjectWhere', {
  fields: (t) => ({
    inTrash: t.boolean({ description: 'List the trash instead (content:delete): what restoreContent can bring back' }),
    status: t.field({ type: ContentStatusEnum, description: 'Only with preview: the public sees PUBLISHED only' }),
    phase: t.field({ type: ProjectPhaseEnum }),
    sdg: t.int({ description: 'Projects contributing to this Sustainable Development Goal (1-17)' }),
    country: t.string({ description: 'Projects in this country or region (as stored, e.g. KE)' }),
    categorySlug: t.string(),
    tagSlug: t.string(),
    translationOutdated: t.boolean(),
  }),
});

export const ProjectOrderBy = builder.inputType('ProjectOrderBy', {
  description: 'One field per item; items apply in order',
  fields: (t) => ({
    publishedAt: t.field({ type: SortDirection }),
    createdAt: t.field({ type: SortDirection }),
    updatedAt: t.field({ type: SortDirection }),
    title: t.field({ type: SortDirection }),
    startDate: t.field({ type: SortDirection }),
    endDate: t.field({ type: SortDirection }),
  }),
});

function projectWhere(
  ctx: Parameters<typeof readableWhere>[0],
  args: {
    where?: typeof ProjectWhere.$inferInput | null;
    search?: string | null;
    locale?: string | null;
    preview?: boolean | null;
  },
): Prisma.ProjectWhereInput {
  checkLocale(args.locale);
  const w = args.where;
  return {
    AND: [
      w?.inTrash ? trashWhere(ctx) : readableWhere(ctx, args.preview),
      args.locale ? { locale: args.locale } : {},
      w?.status ? { status: w.status } : {},
      w?.phase ? { phase: w.phase } : {},
      w?.sdg != null ? { sdgs: { has: w.sdg } } : {},
      w?.country ? { countries: { has: w.country } } : {},
      w?.categorySlug ? { categories: { some: { slug: w.categorySlug } } } : {},
      w?.tagSlug ? { tags: { some: { slug: w.tagSlug } } } : {},
      w?.translationOutdated != null ? { translationOutdated: w.translationOutdated } : {},
      searchWhere(args.search, ['title', 'summary', 'body', 'location']),
    ],
  };
}

builder.queryFields((t) => ({
  projects: t.prismaConnection(
    {
      type: Project,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      args: {
        where: t.arg({ type: ProjectWhere }),
        orderBy: t.arg({ type: [ProjectOrderBy] }),
        search: t.arg.string(),
        locale: t.arg.string(),
        preview: t.arg.boolean({ description: 'Include what the caller may see beyond published content' }),
      },
      totalCount: (_parent, args, ctx) => {
        const where = projectWhere(ctx, args);
        return cachedCount('project', where, () => prisma.project.count({ where }));
      },
      resolve: async (query, _root, args, ctx) => {
        const where = projectWhere(ctx, args);
        await assertCursorInList(query, where, (w) => prisma.project.count({ where: w }));
        return prisma.project.findMany({ ...query, where, orderBy: orderByOf(args.orderBy, { publishedAt: 'DESC' }) });
      },
    },
    { name: 'ProjectConnection' },
    { name: 'ProjectEdge' },
  ),
  project: t.prismaField({
    type: Project,
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
        return prisma.project.findFirst({
          ...query,
          where: { id: decodeGlobalIdOf(args.id, 'Project', 'id'), ...visible },
        });
      }
      const slug = args.slug;
      if (!slug) return null;
      return findInLocale(args.locale, args.fallbackToDefaultLocale, (locale) =>
        prisma.project.findFirst({ ...query, where: { slug, locale, ...visible } }),
      );
    },
  }),
}));
