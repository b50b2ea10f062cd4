import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf, mediaIdOf } from '../global-id.js';
import { createProject, updateProject } from './project.service.js';
import { Project, ProjectPhaseEnum } from './project.type.js';

const ids = (values: readonly (string | number)[] | null | undefined, typename: string, field: string) =>
  values == null ? undefined : values.map((v) => decodeGlobalIdOf(v, typename, field));

const ImpactMetricInput = builder.inputType('ImpactMetricInput', {
  fields: (t) => ({
    indicator: t.string({ required: true, description: 'What is measured, e.g. "People with clean water"' }),
    unit: t.string(),
    target: t.float(),
    achieved: t.float(),
    period: t.string({ description: 'e.g. 2026 or 2025-2027' }),
    source: t.string({ description: 'Where the figure comes from' }),
  }),
});

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    slug: t.string({ description: 'Made from the title when absent' }),
    summary: t.string(),
    body: t.string({ description: 'Markdown' }),
    locale: t.string({ description: 'One of CONTENT_LOCALES; default DEFAULT_LOCALE' }),
    phase: t.field({ type: ProjectPhaseEnum, description: 'Default PLANNED' }),
    startDate: t.field({ type: 'DateTime', description: 'Stored as its UTC day' }),
    endDate: t.field({ type: 'DateTime', description: 'Stored as its UTC day; not before startDate' }),
    location: t.string(),
    countries: t.stringList(),
    sdgs: t.intList(),
    fundingGoal: t.float(),
    fundsRaised: t.float(),
    currency: t.string({ description: 'ISO 4217 code; required with fundingGoal or fundsRaised' }),
    beneficiaries: t.int(),
    coverImageId: t.id(),
    editorialNotes: t.string(),
    impactMetrics: t.field({ type: [ImpactMetricInput] }),
    partnerIds: t.idList(),
    categoryIds: t.idList(),
    tagIds: t.idList(),
    translationOf: t.id({ description: 'A project this one translates (joins its translation group)' }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  fields: (t) => ({
    title: t.string(),
    slug: t.string(),
    summary: t.string(),
    body: t.string(),
    phase: t.field({ type: ProjectPhaseEnum }),
    startDate: t.field({ type: 'DateTime' }),
    endDate: t.field({ type: 'DateTime' }),
    location: t.string(),
    countries: t.stringList(),
    sdgs: t.intList(),
    fundingGoal: t.float(),
    fundsRaised: t.float(),
    currency: t.string(),
    beneficiaries: t.int(),
    coverImageId: t.id(),
    editorialNotes: t.string(),
    impactMetrics: t.field({ type: [ImpactMetricInput], description: 'Replaces the whole list' }),
    partnerIds: t.idList(),
    categoryIds: t.idList(),
    tagIds: t.idList(),
  }),
});

const coverImage = (value: string | number | null | undefined) => (value === '' ? null : mediaIdOf(value));

builder.mutationFields((t) => ({
  createProject: t.prismaField({
    type: Project,
    authScopes: { permission: 'content:create' },
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createProject(callerOf(ctx), {
        ...input,
        partnerIds: ids(input.partnerIds, 'Partner', 'partnerIds'),
        categoryIds: ids(input.categoryIds, 'Category', 'categoryIds'),
        tagIds: ids(input.tagIds, 'Tag', 'tagIds'),
        coverImageId: coverImage(input.coverImageId) ?? null,
        translationOf: input.translationOf ? decodeGlobalIdOf(input.translationOf, 'Project', 'translationOf') : null,
      });
      return prisma.project.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateProject: t.prismaField({
    type: Project,
    authScopes: { $any: { permission: 'content:update_own', $all: { permission: 'content:update' } } },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateProjectInput, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateProject(
        callerOf(ctx),
        decodeGlobalIdOf(args.id, 'Project', 'id'),
        {
          ...args.input,
          partnerIds: ids(args.input.partnerIds, 'Partner', 'partnerIds'),
          categoryIds: ids(args.input.categoryIds, 'Category', 'categoryIds'),
          tagIds: ids(args.input.tagIds, 'Tag', 'tagIds'),
          coverImageId: coverImage(args.input.coverImageId),
        },
        args.expectedVersion,
      );
      return prisma.project.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
