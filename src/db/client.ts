/**
 * The Prisma 7 client over the `pg` driver adapter, with a configured pool. The same code serves
 * the embedded server and DATABASE_URL. `prisma` is a live binding set by initDatabase(), so
 * modules import it directly (it is never put on the request context).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { config } from '../config/env.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { logger } from '../logger.js';

export let prisma: PrismaClient;
const sqlListeners = new Set<(sql: string) => void>();

/** Under NODE_ENV=test (or debug logging): calls `listener` with each SQL statement; returns an unsubscribe. */
export function onSql(listener: (sql: string) => void): () => void {
  sqlListeners.add(listener);
  return () => sqlListeners.delete(listener);
}
export let pool: pg.Pool;

/** Discrete fields rather than connectionString, so that `database` and SSL options are explicit. */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
  };
}

/** Creates the pool and the client for `url`. Call once per process (tests: once per file). */
export function initDatabase(url: string): PrismaClient {
  pool = new pg.Pool({
    ...poolConfigFromUrl(url),
    max: config.database.poolMax,
    idleTimeoutMillis: config.database.idleTimeoutMs,
    connectionTimeoutMillis: config.database.connectTimeoutMs,
    statement_timeout: config.database.statementTimeoutMs || undefined,
    application_name: 'ngo-content-api',
  });
  // An idle client losing its server (restart, network) must not crash the process; the pool
  // replaces it on the next checkout, so requests recover when the database returns.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost'));

  const tracing = logger.isLevelEnabled('debug');
  // Query events cost a little per statement: only when tracing, or under test (statement counts).
  const emitQueries = tracing || config.isTest;
  prisma = new PrismaClient({
    adapter: new PrismaPg(pool, {
      onConnectionError: (error) => logger.warn({ err: error.message }, 'database connection error'),
    }),
    log: emitQueries ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (emitQueries) {
    // The client's type only knows the events of a literal `log` option; this one is conditional.
    (prisma as unknown as { $on: (e: 'query', cb: (ev: { query: string; duration: number }) => void) => void }).$on(
      'query',
      (event) => {
        if (tracing) logger.debug({ sql: event.query, durationMs: event.duration }, 'sql');
        for (const listener of sqlListeners) listener(event.query);
      },
    );
  }
  return prisma;
}

/** True when the database answers a trivial query within the connect timeout. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT 1');
    } finally {
      client.release();
    }
    return true;
  } catch {
    return false;
  }
}

export async function closeDatabase(): Promise<void> {
  await prisma?.$disconnect().catch(() => undefined);
  await pool?.end().catch(() => undefined);
}
