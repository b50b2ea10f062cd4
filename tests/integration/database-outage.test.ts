/**
 * A database that goes away after start-up: /readyz turns 503, requests fail with a masked
 * INTERNAL_SERVER_ERROR carrying the request id (no SQL, no stack), and the server recovers by
 * itself once the database is back. Uses its own embedded server so it can be stopped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, initDatabase } from '../../src/db/client.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded.js';
import { deployMigrations } from '../../src/db/migrate.js';
import { ensureAccessModel } from '../../src/db/seed.js';
import { gql, yoga } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ngo-cms-outage-'));
fs.chmodSync(dir, 0o711);
const port = 40_000 + Math.floor(Math.random() * 20_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('database outage', () => {
  it('reports 503, masks errors with a request id, and recovers', async () => {
    let server = await startEmbeddedPostgres({ dataDir: dir, port, detached: false });
    await ensureDatabase(server.url('postgres'), 'app');
    await deployMigrations(server.url('app'));
    await closeDatabase();
    initDatabase(server.url('app'));
    await ensureAccessModel();
    const { token } = await signedIn('admin');

    const before = await gql('{ users { totalCount } }', undefined, { token });
    expect(before.errors).toBeUndefined();

    await server.stop();
    const ready = await yoga.fetch('http://localhost/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });

    // A fresh credential forces a database read (the cached one would not).
    const down = await gql('{ roles { name } }', undefined, { token: `${token}x` });
    expect(down.status).toBeLessThan(600);
    const text = JSON.stringify(down.errors);
    expect(text).not.toMatch(/ECONNREFUSED|SELECT|prisma|at .*\.ts/i);
    const during = await gql('{ users { totalCount } }', undefined, { token });
    expect(during.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(during.errors?.[0]?.extensions?.requestId).toBe(during.headers.get('x-request-id'));
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|SELECT|prisma/i);

    server = await startEmbeddedPostgres({ dataDir: dir, port, detached: false });
    const back = await yoga.fetch('http://localhost/readyz');
    expect(back.status).toBe(200);
    const after = await gql('{ users { totalCount } }', undefined, { token });
    expect(after.errors).toBeUndefined();
    expect((after.data as { users: { totalCount: number } }).users.totalCount).toBeGreaterThan(0);
    await closeDatabase();
    await server.stop();
  });
});
