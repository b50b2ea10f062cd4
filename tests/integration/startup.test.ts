/**
 * The process entry (src/main.ts) as an operator meets it: refusals with a clear message and
 * exit code 1, and a real start on this file's database that serves HTTP and stops on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/migrate.js';

interface Run {
  code: number | null;
  output: string;
}

function start(env: Record<string, string | undefined>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    }),
  );
  return { child, done };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('start-up', () => {
  it('refuses wrong settings naming them, with exit code 1', async () => {
    const { done } = start({ PORT: 'eighty', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x/y' });
    const run = await done;
    expect(run.code).toBe(1);
    expect(run.output).toContain('PORT:');
    expect(run.output).toContain('JWT_SECRET: must be at least 32 bytes');
    expect(run.output).toContain('DATABASE_URL:');
    expect(run.output).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('says clearly when the database cannot be reached', async () => {
    const port = await freePort();
    const { done } = start({
      DATABASE_URL: `postgresql://postgres:secret-pw@127.0.0.1:${port}/app`,
      DB_CONNECT_TIMEOUT_MS: '1000',
    });
    const run = await done;
    expect(run.code).toBe(1);
    expect(run.output).toContain('Cannot reach the database');
    expect(run.output).not.toContain('secret-pw');
  });

  it('says clearly when DATA_DIR cannot hold the database', async () => {
    const file = path.join(os.tmpdir(), `ngo-cms-not-a-dir-${process.pid}`);
    fs.writeFileSync(file, 'x');
    try {
      const { done } = start({ DATA_DIR: path.join(file, 'data'), EMBEDDED_PG_PORT: String(await freePort()) });
      const run = await done;
      expect(run.code).toBe(1);
      expect(run.output).toContain('DATA_DIR');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('says clearly when PORT is taken, and otherwise serves and stops cleanly on SIGTERM', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_PASSWORD: 'a long enough admin password',
    };
    try {
      const run = await start({ ...env, PORT: String(taken) }).done;
      expect(run.code).toBe(1);
      expect(run.output).toContain(`Port ${taken} is already taken`);
    } finally {
      blocker.close();
    }

    const port = await freePort();
    const { child, done } = start({ ...env, PORT: String(port), LOG_LEVEL: 'info' });
    let ready = false;
    for (let i = 0; i < 150 && !ready; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    }
    expect(ready).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.output).toContain('"msg":"stopped"');
  });
});
