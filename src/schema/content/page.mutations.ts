import { callerOf } from '../../context.js';
import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { createPage, updatePage } from './page.service.js';
import { Page } from './page.type.js';

const CreatePageInput = builder.inputType('CreatePageInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    slug: t.string({ description: 'Made from the title when absent' }),
    body: t.string({ description: 'Markdown' }),
    locale: t.string({ description: 'One of CONTENT_LOCALES; default DEFAULT_LOCALE' }),
    parentId: t.id({ description: 'The parent page (same locale); absent for a root page' }),
    position: t.int({ description: 'Order among its siblings; default after the last one' }),
    editorialNotes: t.string(),
    translationOf: t.id({ description: 'A page this one translates (joins its translation group)' }),
  }),
});

const UpdatePageInput = builder.inputType('UpdatePageInput', {
  fields: (t) => ({
    title: t.string(),
    slug: t.string({ description: 'Changing it changes the path of this page and of its descendants' }),
    body: t.string(),
    parentId: t.id({ description: 'Moves the page (null: to the root); its descendants follow' }),
    position: t.int(),
    editorialNotes: t.string(),
  }),
});

builder.mutationFields((t) => ({
  createPage: t.prismaField({
    type: Page,
    authScopes: { permission: 'content:create' },
    args: { input: t.arg({ type: CreatePageInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createPage(callerOf(ctx), {
        ...input,
        parentId: input.parentId ? decodeGlobalIdOf(input.parentId, 'Page', 'parentId') : null,
        translationOf: input.translationOf ? decodeGlobalIdOf(input.translationOf, 'Page', 'translationOf') : null,
      });
      return prisma.page.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePage: t.prismaField({
    type: Page,
    authScopes: { $any: { permission: 'content:update_own', $all: { permission: 'content:update' } } },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdatePageInput, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updatePage(
        callerOf(ctx),
        decodeGlobalIdOf(args.id, 'Page', 'id'),
        {
          ...args.input,
          parentId:
            args.input.parentId === undefined
              ? undefined
              : args.input.parentId
                ? decodeGlobalIdOf(args.input.parentId, 'Page', 'parentId')
                : null,
        },
        args.expectedVersion,
      );
      return prisma.page.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
