/**
 * Writes AuditEvent rows: who did what to which target, from where. Never receives secrets or
 * tokens; callers pass reasons and ids only.
 */
import { LRUCache } from 'lru-cache';
import { prisma } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { logger } from '../logger.js';
import type { RequestMeta, Viewer } from './viewer.js';

export interface AuditInput {
  action: string;
  outcome?: 'success' | 'failure';
  actor?: Viewer;
  actorUserId?: string | null;
  targetType?: string;
  targetId?: string | null;
  details?: Prisma.InputJsonValue;
}

type Writer = Pick<Prisma.TransactionClient, 'auditEvent'>;

function actorIds(input: AuditInput) {
  const actor = input.actor;
  return {
    actorUserId:
      input.actorUserId ??
      (actor?.kind === 'user' ? actor.userId : actor?.kind === 'apiToken' ? actor.createdById : null),
    actorApiTokenId: actor?.kind === 'apiToken' ? actor.tokenId : null,
  };
}

/** Records one event. Inside a transaction pass `db: tx` so the event commits with the change. */
export async function recordAudit(meta: RequestMeta, input: AuditInput, db: Writer = prisma): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: input.action,
      outcome: input.outcome ?? 'success',
      ...actorIds(input),
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent.slice(0, 512),
      requestId: meta.requestId,
      details: input.details,
    },
  });
}

const recentlyAudited = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });

/**
 * For events a client can repeat at will (a bad token on every request): at most one row per
 * key and minute, so the audit log cannot be used to flood the database. Never throws.
 */
export function recordAuditThrottled(meta: RequestMeta, key: string, input: AuditInput): void {
  if (recentlyAudited.has(key)) return;
  recentlyAudited.set(key, true);
  recordAudit(meta, input).catch((error: Error) =>
    logger.warn({ err: error.message, requestId: meta.requestId }, 'audit write failed'),
  );
}
