/**
 * `npm run bench`: the server (in a child process, as in production: `node --import tsx
 * src/main.ts`) on the embedded PostgreSQL in a temp folder, or on DATABASE_URL, loaded over
 * loopback by autocannon. Bounded: each scenario runs BENCH_SECONDS (default 8) at
 * BENCH_CONNECTIONS (default 20), then everything stops. Figures go to stdout as a Markdown table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** On an existing database (users already there) the first-admin seed does not run: add ours. */
async function ensureBenchAdmin(url: string, password: string) {
  const db = await import('../src/db/client.js');
  const { hashPassword } = await import('../src/auth/password.js');
  db.initDatabase(url);
  const role = await db.prisma.role.findUniqueOrThrow({ where: { name: 'admin' } });
  await db.prisma.user.upsert({
    where: { email: 'bench-admin@example.org' },
    update: { passwordHash: await hashPassword(password), roleId: role.id, isActive: true, lockedUntil: null },
    create: {
      email: 'bench-admin@example.org',
      name: 'Bench admin',
      passwordHash: await hashPassword(password),
      roleId: role.id,
    },
  });
  await db.closeDatabase();
}

async function main() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ngo-cms-bench-'));
  fs.chmodSync(dataDir, 0o711);
  const adminPassword = 'bench admin password 0123';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GRAPHIQL: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      JWT_SECRET: 'bench-secret-0123456789-0123456789-0123456789',
      ADMIN_EMAIL: 'bench-admin@example.org',
      ADMIN_PASSWORD: adminPassword,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    let ready = false;
    for (let i = 0; i < 300 && !ready; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    }
    if (!ready) throw new Error('server did not become ready');

    const post = (query: string, variables?: unknown, token?: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<{ data: any; errors?: unknown }>);
    if (process.env.DATABASE_URL) await ensureBenchAdmin(process.env.DATABASE_URL, adminPassword);
    const login = await post('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ accessToken } }', {
      e: 'bench-admin@example.org',
      p: adminPassword,
    });
    const token: string = login.data.login.accessToken;

    const first = await post('{ posts(first: 1) { edges { node { slug } } } }');
    const slug: string | undefined = first.data?.posts?.edges?.[0]?.node?.slug;
    const HOMEPAGE =
      '{ posts(first: 10) { totalCount edges { node { id slug title excerpt publishedAt author { name } categories { name slug } tags { name slug } } } } }';
    const POST_PAGE = `{ post(slug: ${JSON.stringify(slug ?? 'none')}) { id title bodyHtml publishedAt author { name } categories { name slug } tags { name slug } translations { locale slug } } }`;
    const scenarios: Array<{ name: string; body: string; token?: string }> = [
      { name: 'homepage: 10 latest posts with author, categories, tags (anonymous)', body: HOMEPAGE },
      ...(slug ? [{ name: 'post page: one post by slug with bodyHtml (anonymous)', body: POST_PAGE }] : []),
      { name: 'floor: `{ __typename }` (anonymous)', body: '{ __typename }' },
      { name: 'auth path: `{ me { name email role { name } } }`', body: '{ me { name email role { name } } }', token },
      {
        name: 'nested join: `{ roles { name parent { name } permissions { key } } }`',
        body: '{ roles { name parent { name } permissions { key } } }',
        token,
      },
      {
        name: 'connection: `{ auditEvents(first: 20) { totalCount edges { node { action createdAt } } } }`',
        body: '{ auditEvents(first: 20) { totalCount edges { node { action createdAt } } } }',
        token,
      },
    ];
    const rows: string[] = [];
    for (const s of scenarios) {
      const sample = await post(s.body, undefined, s.token);
      if (sample.errors) throw new Error(`${s.name}: ${JSON.stringify(sample.errors)}`);
      const result = await autocannon({
        url: `${base}/graphql`,
        method: 'POST',
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...(s.token ? { authorization: `Bearer ${s.token}` } : {}) },
        body: JSON.stringify({ query: s.body }),
      });
      rows.push(
        `| ${s.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx + result.errors} |`,
      );
    }
    process.stdout.write(
      `\n${connections} connections, ${seconds} s per scenario, NODE_ENV=production, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL 17'}\n\n` +
        '| scenario | req/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
