import { prisma } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { mediaVisibility } from '../../media/visibility.js';
import { builder } from '../builder.js';
import { readableWhere, searchWhere } from '../content/content-query.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { pageSize } from '../pagination.js';

// Partner organisations are public, except their contact details (staff with partner:read_contact).
// Lists filter and sort by public columns only, so nobody can probe the contact details.
export const Partner = builder.prismaNode('Partner', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    version: t.exposeInt('version', { description: 'Pass it as expectedVersion when updating' }),
    website: t.exposeString('website', { nullable: true }),
    logoId: t.exposeID('logoId', { nullable: true, description: 'The media id of their logo' }),
    logo: t.relation('logo', {
      nullable: true,
      description: 'Null when none, or when the caller may not see it (e.g. its consent has expired)',
      query: (_args, ctx) => ({ where: mediaVisibility(ctx) }),
    }),
    contactName: t.string({
      nullable: true,
      description: 'Staff only (partner:read_contact); null when not recorded',
      authScopes: { permission: 'partner:read_contact' },
      select: { contactName: true },
      resolve: (partner) => partner.contactName || null,
    }),
    contactEmail: t.string({
      nullable: true,
      description: 'Staff only (partner:read_contact); null when not recorded',
      authScopes: { permission: 'partner:read_contact' },
      select: { contactEmail: true },
      resolve: (partner) => partner.contactEmail || null,
    }),
    // The Project type (content/project.type.ts) is referenced by its model name.
    projects: t.relatedConnection(
      'projects',
      {
        cursor: 'id',
        ...pageSize,
        totalCount: true,
        description:
          "The partner's published projects, most recently published first; with `preview: true` on the root field, what the caller may see",
        query: (_args, ctx) => ({ where: readableWhere(ctx), orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] }),
      },
      { name: 'PartnerProjectsConnection' },
      { name: 'PartnerProjectsEdge' },
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** Read by the request's preview mode (previewRequested in content-query.ts), not by the resolvers. */
const PREVIEW =
  "Nested projects include what the caller may see beyond published content (the caller's drafts, staff: all)";

function partnerWhere(args: { search?: string | null }): Prisma.PartnerWhereInput {
  return searchWhere(args.search, ['name']);
}

builder.queryFields((t) => ({
  partners: t.prismaConnection(
    {
      type: Partner,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      description: 'Ordered by name',
      args: {
        search: t.arg.string({ description: 'Matches the name (case-insensitive)' }),
        preview: t.arg.boolean({ description: PREVIEW }),
      },
      totalCount: (_parent, args) => prisma.partner.count({ where: partnerWhere(args) }),
      resolve: (query, _root, args) =>
        prisma.partner.findMany({ ...query, where: partnerWhere(args), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    { name: 'PartnerConnection' },
    { name: 'PartnerEdge' },
  ),
  partner: t.prismaField({
    type: Partner,
    nullable: true,
    authScopes: { permission: 'content:read' },
    description: 'By id or by slug. Null when missing.',
    args: { id: t.arg.id(), slug: t.arg.string(), preview: t.arg.boolean({ description: PREVIEW }) },
    resolve: (query, _root, args) => {
      if (args.id) {
        return prisma.partner.findUnique({ ...query, where: { id: decodeGlobalIdOf(args.id, 'Partner', 'id') } });
      }
      if (!args.slug) return null;
      return prisma.partner.findUnique({ ...query, where: { slug: args.slug } });
    },
  }),
}));
