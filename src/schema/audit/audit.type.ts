import { prisma } from '../../db/client.js';
import { builder } from '../builder.js';
import { decodeGlobalIdOf } from '../global-id.js';
import { pageSize } from '../pagination.js';

export const AuditEvent = builder.prismaNode('AuditEvent', {
  id: { field: 'id' },
  // node(id) of a row that does not exist (or no longer does) is null, not an error.
  nullable: true,
  authScopes: { permission: 'audit:read' },
  fields: (t) => ({
    action: t.exposeString('action'),
    outcome: t.exposeString('outcome'),
    actorUserId: t.globalID({
      nullable: true,
      resolve: (event) => (event.actorUserId ? { type: 'User', id: event.actorUserId } : null),
    }),
    actorApiTokenId: t.globalID({
      nullable: true,
      resolve: (event) => (event.actorApiTokenId ? { type: 'ApiToken', id: event.actorApiTokenId } : null),
    }),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    details: t.expose('details', { type: 'JSON', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventWhere = builder.inputType('AuditEventWhere', {
  fields: (t) => ({
    action: t.string(),
    actionPrefix: t.string({ description: 'e.g. "auth." for every authentication event' }),
    outcome: t.string(),
    actorUserId: t.id(),
    targetId: t.string(),
    since: t.field({ type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection(
    {
      type: AuditEvent,
      cursor: 'id',
      ...pageSize,
      authScopes: { permission: 'audit:read' },
      description: 'Newest first',
      args: { where: t.arg({ type: AuditEventWhere }) },
      totalCount: (_parent, args) => prisma.auditEvent.count({ where: auditWhere(args.where) }),
      resolve: (query, _root, args) =>
        prisma.auditEvent.findMany({
          ...query,
          where: auditWhere(args.where),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'AuditEventConnection' },
    { name: 'AuditEventEdge' },
  ),
}));

function auditWhere(where: typeof AuditEventWhere.$inferInput | null | undefined) {
  if (!where) return {};
  return {
    ...(where.action ? { action: where.action } : {}),
    ...(where.actionPrefix ? { action: { startsWith: where.actionPrefix } } : {}),
    ...(where.outcome ? { outcome: where.outcome } : {}),
    ...(where.actorUserId ? { actorUserId: decodeGlobalIdOf(where.actorUserId, 'User', 'where.actorUserId') } : {}),
    ...(where.targetId ? { targetId: where.targetId } : {}),
    ...(where.since ? { createdAt: { gte: where.since } } : {}),
  };
}
