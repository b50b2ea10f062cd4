/**
 * Talks to the server over HTTP in-process (yoga.fetch): the same request/response path as a
 * real client, with the Node adapter's server context supplying the client address.
 */
import { randomInt } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createServer } from '../../src/server.js';

export const yoga = createServer();

export interface GqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; fields?: Record<string, string>; retryAfter?: number; [k: string]: unknown };
}

export interface GqlResponse<T> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors?: GqlError[];
}

export interface RequestOptions {
  token?: string;
  /** The client address (default: a random one, so login throttling per IP stays per test). */
  ip?: string;
  headers?: Record<string, string>;
}

export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export async function gql<TData = Record<string, any>, TVars = Record<string, unknown>>(
  document: string | TypedDocumentNode<TData, TVars>,
  variables?: TVars,
  options: RequestOptions = {},
): Promise<GqlResponse<TData>> {
  const query = typeof document === 'string' ? document : print(document);
  const ip = options.ip ?? randomIp();
  const response = await yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'user-agent': 'vitest',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    },
    { req: { socket: { remoteAddress: ip }, headers: {} } } as never,
  );
  const body = (await response.json()) as { data?: TData; errors?: GqlError[] };
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
}

/** The codes of a response's errors, in order. */
export function codes(response: { errors?: GqlError[] }): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
}

/** Runs `fn` and returns the SQL statements it sent (for N+1 checks). */
export async function countSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const { onSql } = await import('../../src/db/client.js');
  const statements: string[] = [];
  const stop = onSql((sql) => statements.push(sql));
  try {
    return { result: await fn(), statements };
  } finally {
    stop();
  }
}
