/**
 * Applies prisma/migrations with the pinned Prisma 6.19 CLI (see prisma6.config.ts for why not
 * Prisma 7's). Used by `npm start`, `npm run db:migrate` and the test harness.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root (where prisma6.config.ts and prisma/ live). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Runs `migrate deploy` against `databaseUrl`; resolves with the CLI's summary line. */
export async function deployMigrations(databaseUrl: string): Promise<string> {
  const cli = path.join(PROJECT_ROOT, 'node_modules', 'prisma6', 'build', 'index.js');
  try {
    const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy', '--config', 'prisma6.config.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      timeout: 120_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    const summary = stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return summary.at(-1) ?? 'migrations applied';
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string; message: string };
    // The CLI's output names the failing migration and the PostgreSQL error; it never holds the
    // password (the URL is passed through the environment, not the command line).
    const detail = `${out.stdout ?? ''}\n${out.stderr ?? ''}`.trim() || out.message;
    throw new MigrationError(`database migrations failed:\n${detail.replaceAll(databaseUrl, '<DATABASE_URL>')}`);
  }
}
