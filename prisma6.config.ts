// Prisma 6.19 CLI (npm alias `prisma6`), migrations only: deploy, status, diff, dev.
// Each block below works around one measured problem of running it offline over the app's
// Prisma 7 schema and driver adapter (../shared/STACK.md, "Prisma 7 runtime + Prisma 6.19 CLI").
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma6/config';

// 1. Without a generator with engineType "client" the 6.19 CLI downloads a native query engine.
process.env.PRISMA_CLIENT_ENGINE_TYPE ??= 'client';

// 2. schema.prisma is written for Prisma 7, which rejects `url`; 6.19 requires it. Migrate from a
//    derived copy with `url` and without generator blocks (so 6.19 never writes a client).
export const MIGRATE_SCHEMA = path.join('node_modules', '.cache', 'prisma6', 'schema.prisma');
const schema = fs
  .readFileSync(path.join('prisma', 'schema.prisma'), 'utf8')
  .replace(/^generator\s+\w+\s*\{[^}]*\}/gm, '')
  .replace(/^(datasource\s+\w+\s*\{)/m, '$1\n  url = env("DATABASE_URL")');
fs.mkdirSync(path.dirname(MIGRATE_SCHEMA), { recursive: true });
fs.writeFileSync(MIGRATE_SCHEMA, schema);

// 3. adapter-pg cannot decode the catalog types "char" (18) and name (19) that the engine reads
//    when it describes a database (diff, dev, push): hand them over as text (25).
// biome-ignore lint/suspicious/noExplicitAny: patching pg's internal Result prototype
const proto = (pg as any).Result.prototype;
if (!proto.__catalogOidPatched) {
  const addFields = proto.addFields;
  proto.addFields = function (fields: Array<{ dataTypeID: number }>) {
    for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  proto.__catalogOidPatched = true;
}

// 4. The wasm engine leaves 10-60 s timers behind, so the CLI would linger: unref them.
const setTimeoutOrig = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const t = setTimeoutOrig(fn, ms, ...rest);
  if ((ms ?? 0) >= 1000 && /wasm:\/\/|__setitimer_js/.test(new Error().stack ?? '')) t.unref();
  return t;
}) as typeof setTimeout;

// 5. adapter-pg's own shadow database is the main one (pg lets connectionString override
//    `database`) and is dropped while still in use: discrete fields and our own shadow.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/app';
const url = new URL(process.env.DATABASE_URL);
const cfg: pg.PoolConfig = {
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password) || undefined,
  database: decodeURIComponent(url.pathname.slice(1)),
  allowExitOnIdle: true,
};
async function admin(sql: string) {
  const c = new pg.Client({ ...cfg, database: 'postgres' });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
class PrismaPgWithShadow extends PrismaPg {
  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await admin(`CREATE DATABASE "${name}"`);
    const adapter = await new PrismaPg({ ...cfg, database: name }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: MIGRATE_SCHEMA,
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => new PrismaPgWithShadow(cfg),
});
