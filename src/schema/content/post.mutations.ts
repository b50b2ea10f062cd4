import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf, mediaIdOf } from '../global-id.js';
import { createPost, updatePost } from './post.service.js';
import { Post } from './post.type.js';

const ids = (values: readonly (string | number)[] | null | undefined, typename: string, field: string) =>
  values == null ? undefined : values.map((v) => decodeGlobalIdOf(v, typename, field));

const CreatePostInput = builder.inputType('CreatePostInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    slug: t.string({ description: 'Made from the title when absent' }),
    excerpt: t.string(),
    body: t.string({ description: 'Markdown' }),
    locale: t.string({ description: 'One of CONTENT_LOCALES; default DEFAULT_LOCALE' }),
    categoryIds: t.idList(),
    tagIds: t.idList(),
    coverImageId: t.id(),
    editorialNotes: t.string(),
    translationOf: t.id({ description: 'A post this one translates (joins its translation group)' }),
  }),
});

const UpdatePostInput = builder.inputType('UpdatePostInput', {
  fields: (t) => ({
    title: t.string(),
    slug: t.string(),
    excerpt: t.string(),
    body: t.string(),
    categoryIds: t.idList(),
    tagIds: t.idList(),
    coverImageId: t.id(),
    editorialNotes: t.string(),
  }),
});

builder.mutationFields((t) => ({
  createPost: t.prismaField({
    type: Post,
    authScopes: { permission: 'content:create' },
    args: { input: t.arg({ type: CreatePostInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createPost(callerOf(ctx), {
        ...input,
        categoryIds: ids(input.categoryIds, 'Category', 'categoryIds'),
        tagIds: ids(input.tagIds, 'Tag', 'tagIds'),
        coverImageId: mediaIdOf(input.coverImageId) ?? null,
        translationOf: input.translationOf ? decodeGlobalIdOf(input.translationOf, 'Post', 'translationOf') : null,
      });
      return prisma.post.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePost: t.prismaField({
    type: Post,
    authScopes: { $any: { permission: 'content:update_own', $all: { permission: 'content:update' } } },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdatePostInput, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updatePost(
        callerOf(ctx),
        decodeGlobalIdOf(args.id, 'Post', 'id'),
        {
          ...args.input,
          categoryIds: ids(args.input.categoryIds, 'Category', 'categoryIds'),
          tagIds: ids(args.input.tagIds, 'Tag', 'tagIds'),
          coverImageId: mediaIdOf(args.input.coverImageId),
        },
        args.expectedVersion,
      );
      return prisma.post.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
