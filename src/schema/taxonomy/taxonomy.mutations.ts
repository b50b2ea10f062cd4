import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { createTaxonomy, deleteTaxonomy, updateTaxonomy } from './taxonomy.service.js';
import { Category, Tag } from './taxonomy.type.js';

const CreateCategoryInput = builder.inputType('CreateCategoryInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 100 characters' }),
    slug: t.string({ description: 'Unique within the locale; made from the name when absent' }),
    locale: t.string({ description: 'One of CONTENT_LOCALES; default DEFAULT_LOCALE' }),
    description: t.string({ description: 'At most 1000 characters' }),
  }),
});

const UpdateCategoryInput = builder.inputType('UpdateCategoryInput', {
  fields: (t) => ({
    name: t.string(),
    slug: t.string(),
    locale: t.string(),
    description: t.string(),
  }),
});

const CreateTagInput = builder.inputType('CreateTagInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 100 characters' }),
    slug: t.string({ description: 'Unique within the locale; made from the name when absent' }),
    locale: t.string({ description: 'One of CONTENT_LOCALES; default DEFAULT_LOCALE' }),
  }),
});

const UpdateTagInput = builder.inputType('UpdateTagInput', {
  fields: (t) => ({
    name: t.string(),
    slug: t.string(),
    locale: t.string(),
  }),
});

builder.mutationFields((t) => ({
  createCategory: t.prismaField({
    type: Category,
    authScopes: { permission: 'taxonomy:manage' },
    args: { input: t.arg({ type: CreateCategoryInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createTaxonomy(callerOf(ctx), 'Category', input);
      return prisma.category.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateCategory: t.prismaField({
    type: Category,
    authScopes: { permission: 'taxonomy:manage' },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateCategoryInput, required: true }),
      expectedVersion: t.arg.int({ description: 'The version you edited: a stale one is CONFLICT (recommended)' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateTaxonomy(
        callerOf(ctx),
        'Category',
        decodeGlobalIdOf(args.id, 'Category', 'id'),
        args.input,
        args.expectedVersion,
      );
      return prisma.category.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteCategory: t.prismaField({
    type: Category,
    description: 'Deletes the category (posts and projects keep existing, without it); returns its last data',
    authScopes: { permission: 'taxonomy:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeGlobalIdOf(args.id, 'Category', 'id');
      return deleteTaxonomy(callerOf(ctx), 'Category', id, (db) => db.category.findUnique({ ...query, where: { id } }));
    },
  }),
  createTag: t.prismaField({
    type: Tag,
    authScopes: { permission: 'taxonomy:manage' },
    args: { input: t.arg({ type: CreateTagInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createTaxonomy(callerOf(ctx), 'Tag', input);
      return prisma.tag.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateTag: t.prismaField({
    type: Tag,
    authScopes: { permission: 'taxonomy:manage' },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateTagInput, required: true }),
      expectedVersion: t.arg.int({ description: 'The version you edited: a stale one is CONFLICT (recommended)' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateTaxonomy(
        callerOf(ctx),
        'Tag',
        decodeGlobalIdOf(args.id, 'Tag', 'id'),
        args.input,
        args.expectedVersion,
      );
      return prisma.tag.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteTag: t.prismaField({
    type: Tag,
    description: 'Deletes the tag (posts and projects keep existing, without it); returns its last data',
    authScopes: { permission: 'taxonomy:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = decodeGlobalIdOf(args.id, 'Tag', 'id');
      return deleteTaxonomy(callerOf(ctx), 'Tag', id, (db) => db.tag.findUnique({ ...query, where: { id } }));
    },
  }),
}));
