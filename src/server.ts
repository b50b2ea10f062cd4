/**
 * createServer() -> the Yoga instance: schema, per-request context, security plugins, health
 * routes and error masking. It never listens (main.ts does; tests call yoga.fetch).
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { PothosValidationError } from '@pothos/core';
import { type DocumentNode, type ExecutionResult, GraphQLError, Kind } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { config } from './config/env.js';
import { type Context, createContext, requestIdOf, type ServerContext } from './context.js';
import { isDatabaseReachable } from './db/client.js';
import { logger } from './logger.js';
import { useMediaRoutes } from './media/routes.js';
import { oncePerRequestRule } from './schema/auth/sensitive.js';
import { contentChanged, previewRequested } from './schema/content/content-query.js';
import { schema } from './schema/index.js';

/** A GraphQL document with its variables fits easily in this; uploads are multipart, sized elsewhere. */
const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Refuses an over-size JSON request by its Content-Length, before the body is read. */
function useBodyLimit(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/graphql' || request.method !== 'POST') return;
      if ((request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')) return;
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > MAX_JSON_BODY_BYTES) {
        endResponse(
          Response.json(
            {
              errors: [
                {
                  message: `Request body too large: at most ${MAX_JSON_BODY_BYTES} bytes.`,
                  extensions: { code: 'BAD_USER_INPUT' },
                },
              ],
            },
            { status: 413 },
          ),
        );
      }
    },
  };
}

/** `/healthz` (process alive) and `/readyz` (database reachable), before any GraphQL work. */
function useHealthRoutes(): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/healthz') {
        endResponse(Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }));
      } else if (url.pathname === '/readyz') {
        const ready = await isDatabaseReachable();
        endResponse(
          Response.json(
            { status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' },
            { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
          ),
        );
      }
    },
  };
}

function isClientError(error: GraphQLError): boolean {
  const original = error.originalError;
  return !original || original instanceof GraphQLError;
}

/**
 * Client errors keep their code; a Pothos validation error (bad cursor, conflicting paging
 * arguments) becomes BAD_USER_INPUT; anything else is logged with the request id and masked.
 */
function mapErrors(errors: readonly GraphQLError[], ctx: Context): GraphQLError[] {
  return errors.map((error) => {
    const original = error.originalError;
    if (original instanceof PothosValidationError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    // A reference to a row that does not exist (a foreign key): the client named a missing item.
    if ((original as { code?: string } | undefined)?.code === 'P2003') {
      // The constraint's name (Post_coverImageId_fkey) names the column; where Prisma puts it varies.
      const constraint = JSON.stringify((original as { meta?: unknown }).meta ?? {});
      const field = /_([A-Za-z0-9]+)_fkey/.exec(constraint)?.[1] ?? 'input';
      return new GraphQLError(`Invalid input: ${field} names a missing item`, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'BAD_USER_INPUT', fields: { [field]: 'names a missing item' } },
      });
    }
    if (isClientError(error)) return error;
    logger.error({ requestId: ctx.requestId, path: error.path, err: original }, 'unexpected error');
    return new GraphQLError('Unexpected error.', {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: ctx.requestId },
    });
  });
}

function isMutation(document: DocumentNode, operationName: string | null | undefined): boolean {
  return document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.operation === 'mutation' &&
      (!operationName || d.name?.value === operationName),
  );
}

/** Sets the request's preview mode before any resolver (and any join) is planned. */
function usePreviewMode(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Context;
      ctx.preview = previewRequested(args.document, args.operationName, args.variableValues as Record<string, unknown>);
      // Any mutation may change what a list counts: drop the cached counts (content-query.ts).
      if (isMutation(args.document, args.operationName)) contentChanged();
    },
  };
}

function useErrorMapping(): Plugin<Context> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          const single = result as ExecutionResult;
          if (!single.errors?.length) return;
          setResult({ ...single, errors: mapErrors(single.errors, args.contextValue as Context) });
        },
      };
    },
  };
}

/** Request id on every response; one structured log line per request. */
function useRequestLogging(): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const requestId = requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      const url = new URL(request.url);
      if (url.pathname === '/healthz') return;
      logger.info(
        {
          requestId,
          method: request.method,
          path: url.pathname,
          status: response.status,
          durationMs: Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10,
        },
        'request',
      );
    },
  };
}

/** graphql-armor's refusals carry no code: give them the one ../shared/API.md names. */
function tagRejection(_ctx: unknown, error: GraphQLError): void {
  Object.assign(error.extensions, { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } });
}

/** Our rules, and one code for every refused document (graphql-armor's limits set none). */
/**
 * Last pass over every response: a client error that still has no code (variables that do not
 * coerce, e.g. an unknown enum value or a string for an Int) is BAD_USER_INPUT.
 */
function useDefaultErrorCode(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result)) return;
      const single = result as ExecutionResult;
      if (!single.errors?.length || single.errors.every((e) => e.extensions?.code)) return;
      setResult({
        ...single,
        errors: single.errors.map((error) =>
          error.extensions?.code
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                path: error.path,
                extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
              }),
        ),
      });
    },
  };
}

function useExtraValidation(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(oncePerRequestRule);
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map((error) =>
            error.extensions?.code
              ? error
              : new GraphQLError(error.message, {
                  nodes: error.nodes,
                  extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
                }),
          ),
        );
      };
    },
  };
}

export function createServer() {
  return createYoga<ServerContext, Context>({
    schema,
    context: createContext,
    graphqlEndpoint: '/graphql',
    graphiql: config.server.graphiql ? { title: 'NGO content API', defaultEditorToolsVisibility: 'headers' } : false,
    landingPage: false,
    batching: false,
    cors: config.server.corsOrigins.length
      ? { origin: config.server.corsOrigins, credentials: false }
      : { origin: '*', credentials: false },
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ args }, 'yoga'),
    },
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        if (error instanceof GraphQLError && isClientError(error)) return error;
        logger.error({ err: error }, 'unexpected error (masked)');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    plugins: [
      useRequestLogging(),
      useHealthRoutes(),
      useBodyLimit(),
      useMediaRoutes(),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: config.limits.maxDepth, onReject: [tagRejection] },
        maxAliases: { n: config.limits.maxAliases, onReject: [tagRejection] },
        maxTokens: { n: config.limits.maxTokens, onReject: [tagRejection] },
        costLimit: { maxCost: config.limits.maxCost, onReject: [tagRejection] },
        maxDirectives: { n: 50, onReject: [tagRejection] },
        blockFieldSuggestion: { enabled: config.isProduction },
      }),
      useExtraValidation(),
      usePreviewMode(),
      useErrorMapping(),
      useDefaultErrorCode(),
    ],
  });
}

export type Server = ReturnType<typeof createServer>;
