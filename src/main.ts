/**
 * Process entry: load config, make sure a database is there (embedded or DATABASE_URL), migrate,
 * seed, listen, and shut down cleanly. The only file that listens or exits the process.
 */
import http from 'node:http';
import { ConfigError, config } from './config/env.js';
import { closeDatabase, initDatabase, isDatabaseReachable } from './db/client.js';
import { seedDemoContent } from './db/demo-content.js';
import { EmbeddedDatabaseError, type EmbeddedServer, ensureDatabase, startEmbeddedPostgres } from './db/embedded.js';
import { deployMigrations, MigrationError } from './db/migrate.js';
import { ensureAccessModel, ensureFirstAdmin, seedDemoAccounts } from './db/seed.js';
import { logger } from './logger.js';

function fail(message: string): never {
  logger.fatal(message);
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main() {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    logger.info({ dataDir: config.database.dataDir }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      onLog: (line) => logger.debug({ postgres: line }, 'postgres'),
    });
    await ensureDatabase(embedded.url('postgres'), 'app');
    databaseUrl = embedded.url('app');
  }
  const stopEmbedded = async () => embedded?.stop();

  initDatabase(databaseUrl);
  if (!(await isDatabaseReachable())) {
    await stopEmbedded();
    fail(
      `Cannot reach the database at ${redactUrl(databaseUrl)} (within DB_CONNECT_TIMEOUT_MS=${config.database.connectTimeoutMs}). Check DATABASE_URL and that the server is running.`,
    );
  }
  if (config.database.migrateOnStart) {
    logger.info(await deployMigrations(databaseUrl));
  }
  await ensureAccessModel();
  const admin = await ensureFirstAdmin(config.auth.adminEmail, config.auth.adminPassword);
  if (admin) {
    const lines = [`First admin created: ${admin.email}`];
    if (admin.generatedPassword) lines.push(`  password (shown once): ${admin.generatedPassword}`);
    if (!config.isProduction && config.database.seedDemoContent) {
      const demo = await seedDemoAccounts();
      const content = await seedDemoContent();
      lines.push(`Demo accounts: ${demo.emails.join(', ')}`, `  password (shown once): ${demo.password}`);
      lines.push(
        `Demo content: ${content.posts} posts, ${content.pages} pages, ${content.projects} projects, ${content.events} events`,
      );
    }
    // Printed to the terminal only, once; never logged.
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  }

  const { createServer } = await import('./server.js');
  const yoga = createServer();
  const server = http.createServer(yoga);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: NodeJS.ErrnoException) => {
    await closeDatabase();
    await stopEmbedded();
    if (error.code === 'EADDRINUSE') fail(`Port ${config.server.port} is already taken; set PORT to a free port.`);
    if (error.code === 'EACCES')
      fail(`Not allowed to listen on port ${config.server.port}; set PORT to 1024 or above.`);
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  logger.info(
    { url: `http://${config.server.host}:${port}/graphql`, graphiql: config.server.graphiql, env: config.env },
    'content API listening',
  );
  if (config.auth.usingDevelopmentSecret) logger.warn('JWT_SECRET is not set: using the built-in development secret');
  const { LocalStorage, mediaStorage } = await import('./media/storage.js');
  const storage = mediaStorage();
  if (storage instanceof LocalStorage) {
    const swept = await storage.sweepTemporaryFiles();
    if (swept > 0) logger.warn({ swept }, 'removed media files left half-written by an earlier crash');
  }
  const { startScheduler } = await import('./schema/content/scheduler.js');
  const stopScheduler = startScheduler(config.content.schedulerIntervalMs);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish within 10 s; closing connections');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await stopScheduler();
    await closeDatabase();
    await stopEmbedded();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof EmbeddedDatabaseError || error instanceof MigrationError || error instanceof ConfigError) {
    fail(error.message);
  }
  logger.fatal({ err: error }, 'start-up failed');
  process.stderr.write(`\nStart-up failed: ${(error as Error)?.message ?? String(error)}\n\n`);
  process.exit(1);
});
