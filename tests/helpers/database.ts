/**
 * Before each test file: a fresh database copied from the migrated template, used by the whole
 * app through DATABASE_URL; dropped after the file.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

const adminUrl = inject('adminUrl');
const templateUrl = inject('templateUrl');
const template = new URL(templateUrl).pathname.slice(1);
const name = `t_${randomBytes(8).toString('hex')}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
const url = new URL(templateUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

const { initDatabase, closeDatabase } = await import('../../src/db/client.js');
const { ensureAccessModel } = await import('../../src/db/seed.js');
initDatabase(url.toString());
await ensureAccessModel();

afterAll(async () => {
  await closeDatabase();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
