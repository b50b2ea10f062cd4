import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { YogaInitialContext } from 'graphql-yoga';
import { recordAuditThrottled } from './auth/audit.js';
import { permissionsOfRole, publicPermissions } from './auth/permissions.js';
import { type AuthRejection, authenticate, type Caller, type RequestMeta, type Viewer } from './auth/viewer.js';
import { config } from './config/env.js';

/** What every resolver receives. The Prisma client is imported where needed, not carried here. */
export interface Context extends RequestMeta {
  /** Replaced by `login` for the rest of its request, so its payload reads as the new user. */
  viewer: Viewer;
  /** Effective permission keys of the viewer's role (public's for anonymous). */
  permissions: ReadonlySet<string>;
  /** Set when a credential was presented but refused; the anonymous viewer is used instead. */
  authRejection?: AuthRejection;
  /** `preview: true` on a root field of the operation: nested content follows it (content-query.ts). */
  preview: boolean;
  /** Root fields limited to one use per request, counted as they run. */
  sensitiveCalls: Set<string>;
}

/** The Node adapter's server context (absent under yoga.fetch unless a test supplies it). */
export interface ServerContext {
  req?: Pick<IncomingMessage, 'socket' | 'headers'>;
}

const requestIds = new WeakMap<Request, string>();

/** One id per request: a sane incoming X-Request-Id is kept (tracing across proxies), else new. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const incoming = request.headers.get('x-request-id');
    id = incoming && /^[\w.:-]{8,128}$/.test(incoming) ? incoming : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

function clientIp(request: Request, server: ServerContext): string {
  if (config.server.trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return server.req?.socket?.remoteAddress ?? 'unknown';
}

export async function createContext(initial: YogaInitialContext & ServerContext): Promise<Context> {
  const { request } = initial;
  const meta: RequestMeta = {
    requestId: requestIdOf(request),
    ip: clientIp(request, initial),
    userAgent: request.headers.get('user-agent') ?? '',
  };
  const { viewer, rejection } = await authenticate(request.headers.get('authorization'));
  if (rejection) {
    recordAuditThrottled(meta, `${meta.ip}:${rejection}`, {
      action: 'auth.token_rejected',
      outcome: 'failure',
      details: { reason: rejection },
    });
  }
  const permissions = viewer.kind === 'anonymous' ? await publicPermissions() : await permissionsOfRole(viewer.roleId);
  return { ...meta, viewer, permissions, authRejection: rejection, preview: false, sensitiveCalls: new Set() };
}

/** The service-layer view of a request. */
export function callerOf(ctx: Context): Caller {
  return { meta: ctx, viewer: ctx.viewer, permissions: ctx.permissions };
}
