/** The embedded PostgreSQL launcher: data kept across restarts, a leftover server stopped first. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from '../../src/db/embedded.js';

const randomPort = () => 40_000 + Math.floor(Math.random() * 20_000);

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and stops a server left running by a killed process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ngo-cms-embedded-'));
    fs.chmodSync(dir, 0o711);
    const port = randomPort();
    try {
      const first = await startEmbeddedPostgres({ dataDir: dir, port, detached: false });
      await query(first.url('postgres'), 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$hello$$)');
      const pid = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      // As after a SIGKILL of the parent: the server still runs and holds the folder and port.
      const second = await startEmbeddedPostgres({ dataDir: dir, port, detached: false });
      expect(() => process.kill(pid, 0)).toThrow();
      expect(await query(second.url('postgres'), 'SELECT v FROM kept')).toEqual([{ v: 'hello' }]);
      await second.stop();
      await first.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a taken port with a message naming the setting', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ngo-cms-embedded-'));
    fs.chmodSync(dir, 0o711);
    const net = await import('node:net');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startEmbeddedPostgres({ dataDir: dir, port, detached: false })).rejects.toThrow(
        EmbeddedDatabaseError,
      );
      await expect(startEmbeddedPostgres({ dataDir: dir, port, detached: false })).rejects.toThrow(/EMBEDDED_PG_PORT/);
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
