/**
 * Once per test run: a PostgreSQL server (the embedded one in a temp folder on a random port, or
 * the server of DATABASE_URL when set), and a migrated template database that every test file
 * copies (tests/helpers/database.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedServer, startEmbeddedPostgres } from '../../src/db/embedded.js';
import { deployMigrations } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateUrl: string;
    adminUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let tempDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ngo-cms-test-'));
    fs.chmodSync(tempDir, 0o711);
    embedded = await startEmbeddedPostgres({
      dataDir: tempDir,
      port: 20_000 + Math.floor(Math.random() * 20_000),
      detached: false,
    });
    serverUrl = embedded.url('postgres');
  }
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const template = `tpl_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, template);
  await deployMigrations(templateUrl);

  project.provide('templateUrl', templateUrl);
  project.provide('adminUrl', adminUrl);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.end();
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
