import { prisma } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { mediaVisibility } from '../../media/visibility.js';
import { builder } from '../builder.js';
import { searchWhere } from '../content/content-query.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { pageSize } from '../pagination.js';

// Team and board members are public: every field is shown on the organisation's site.
export const Person = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    version: t.exposeInt('version', { description: 'Pass it as expectedVersion when updating' }),
    role: t.exposeString('role', { description: 'Job title or board function, e.g. "Treasurer"' }),
    bio: t.exposeString('bio'),
    photoId: t.exposeID('photoId', { nullable: true, description: 'The media id of their photo' }),
    photo: t.relation('photo', {
      nullable: true,
      description: 'Null when none, or when the caller may not see it (e.g. its consent has expired)',
      query: (_args, ctx) => ({ where: mediaVisibility(ctx) }),
    }),
    position: t.exposeInt('position', { description: 'Sort key: lower first' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

function personWhere(args: { search?: string | null }): Prisma.PersonWhereInput {
  return searchWhere(args.search, ['name', 'role']);
}

builder.queryFields((t) => ({
  people: t.prismaConnection(
    {
      type: Person,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'content:read' },
      description: 'Ordered by position, then name',
      args: { search: t.arg.string({ description: 'Matches name or role (case-insensitive)' }) },
      totalCount: (_parent, args) => prisma.person.count({ where: personWhere(args) }),
      resolve: (query, _root, args) =>
        prisma.person.findMany({
          ...query,
          where: personWhere(args),
          orderBy: [{ position: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        }),
    },
    { name: 'PersonConnection' },
    { name: 'PersonEdge' },
  ),
  person: t.prismaField({
    type: Person,
    nullable: true,
    authScopes: { permission: 'content:read' },
    description: 'By id or by slug. Null when missing.',
    args: { id: t.arg.id(), slug: t.arg.string() },
    resolve: (query, _root, args) => {
      if (args.id)
        return prisma.person.findUnique({ ...query, where: { id: decodeGlobalIdOf(args.id, 'Person', 'id') } });
      if (!args.slug) return null;
      return prisma.person.findUnique({ ...query, where: { slug: args.slug } });
    },
  }),
}));
