/**
 * The one reader of process.env: parses every setting once, reports every problem at once and
 * exits with code 1, and exports a frozen, typed `config`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

/** The development secret: accepted only outside production, so a fresh clone starts at once. */
export const DEVELOPMENT_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'postgresql:' || url.protocol === 'postgres:') &&
        url.hostname !== '' &&
        url.pathname.length > 1
      );
    } catch {
      return false;
    }
  },
  { error: 'must be a postgresql://user:password@host:port/database URL' },
);
const secret = z
  .string()
  .refine((v) => Buffer.byteLength(v, 'utf8') >= 32, { error: 'must be at least 32 bytes long' });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production'], {
      error: 'must be one of development, test, production',
    }),
    HOST: z.string().min(1).optional(),
    PORT: int(0, 65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    PUBLIC_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
    TRUST_PROXY: bool.default(false),
    CORS_ORIGINS: z.string().default(''),
    GRAPHIQL: bool.optional(),

    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    EMBEDDED_PG_PORT: int(1024, 65535).default(54329),
    DB_POOL_MAX: int(1, 200).default(10),
    DB_POOL_IDLE_TIMEOUT_MS: int(0, 3_600_000).default(30_000),
    DB_CONNECT_TIMEOUT_MS: int(100, 120_000).default(5_000),
    DB_STATEMENT_TIMEOUT_MS: int(0, 3_600_000).default(15_000),
    DB_MIGRATE_ON_START: bool.default(true),
    SEED_DEMO_CONTENT: bool.default(true),

    JWT_SECRET: secret.optional(),
    JWT_KEY_ID: z.string().min(1).max(64).default('k1'),
    JWT_PREVIOUS_KEYS: z.string().default(''),
    JWT_ISSUER: z.string().min(1).default('ngo-content-api'),
    JWT_AUDIENCE: z.string().min(1).default('ngo-content-api'),
    ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(900),
    REFRESH_TOKEN_TTL_SECONDS: int(3600, 90 * 86_400).default(14 * 86_400),
    BCRYPT_COST: int(4, 15).optional(),
    LOGIN_MAX_FAILURES: int(1, 100).default(5),
    LOGIN_FAILURE_WINDOW_SECONDS: int(60, 86_400).default(900),
    LOGIN_LOCKOUT_SECONDS: int(60, 86_400).default(900),
    LOGIN_IP_MAX_ATTEMPTS: int(1, 10_000).default(30),
    LOGIN_IP_WINDOW_SECONDS: int(10, 86_400).default(900),
    PRINCIPAL_CACHE_TTL_MS: int(0, 60_000).default(5_000),

    CONTENT_LOCALES: z
      .string()
      .default('en,fr')
      .refine((v) => v.split(',').every((l) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l.trim())), {
        error: 'must be comma-separated BCP 47 tags, e.g. en,fr,es-MX',
      }),
    DEFAULT_LOCALE: z.string().default('en'),
    TRASH_RETENTION_DAYS: int(1, 3650).default(30),
    SCHEDULER_INTERVAL_MS: int(0, 3_600_000).default(15_000),

    ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    ADMIN_PASSWORD: z.string().min(10, { error: 'must be at least 10 characters' }).optional(),

    MAX_QUERY_DEPTH: int(2, 50).default(12),
    MAX_ALIASES: int(1, 1000).default(30),
    MAX_QUERY_TOKENS: int(100, 100_000).default(5_000),
    MAX_QUERY_COST: int(100, 1_000_000).default(20_000),

    MEDIA_DIR: z.string().min(1).optional(),
    MEDIA_MAX_UPLOAD_BYTES: int(1, 2 * 1024 ** 3).default(20 * 1024 * 1024),
    MEDIA_MAX_IMAGE_PIXELS: int(1, 268_402_689).default(50_000_000),
    MEDIA_RENDITION_MAX_WIDTH: int(16, 16_384).default(2560),
    MEDIA_PUBLIC_MAX_AGE_SECONDS: int(0, 31_536_000).default(31_536_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
      } else if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_SECRET'],
          message: 'is the built-in development secret; set your own in production',
        });
      }
      if (env.BCRYPT_COST !== undefined && env.BCRYPT_COST < 12) {
        ctx.addIssue({ code: 'custom', path: ['BCRYPT_COST'], message: 'must be at least 12 in production' });
      }
    }
    if (
      !env.CONTENT_LOCALES.split(',')
        .map((l) => l.trim())
        .includes(env.DEFAULT_LOCALE)
    ) {
      ctx.addIssue({ code: 'custom', path: ['DEFAULT_LOCALE'], message: 'must be one of CONTENT_LOCALES' });
    }
    if (env.NODE_ENV === 'development' && env.BCRYPT_COST !== undefined && env.BCRYPT_COST < 10) {
      ctx.addIssue({ code: 'custom', path: ['BCRYPT_COST'], message: 'may go below 10 only under NODE_ENV=test' });
    }
    for (const [i, entry] of parseKeyList(env.JWT_PREVIOUS_KEYS).entries()) {
      if (!entry.kid || Buffer.byteLength(entry.secret, 'utf8') < 32) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_PREVIOUS_KEYS'],
          message: `entry ${i + 1} must be kid:secret with a secret of at least 32 bytes`,
        });
      }
    }
  });

/** Every setting's name (kept in step with .env.example by a test). */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

function parseKeyList(value: string): Array<{ kid: string; secret: string }> {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      return at < 0 ? { kid: '', secret: '' } : { kid: entry.slice(0, at), secret: entry.slice(at + 1) };
    });
}

/** Thrown by loadConfig with one line per invalid setting; main.ts prints it and exits 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (never overriding the real environment) and validates everything. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, envFile = '.env') {
  const fromFile = fs.existsSync(envFile) ? parseDotenv(fs.readFileSync(envFile)) : {};
  const raw: Record<string, string | undefined> = { ...fromFile, ...source };
  for (const key of Object.keys(raw)) if (raw[key] === '') raw[key] = undefined;
  raw.NODE_ENV ??= 'development';

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  const isTest = env.NODE_ENV === 'test';
  const currentSecret = env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;

  return Object.freeze({
    env: env.NODE_ENV,
    isProduction,
    isTest,
    server: Object.freeze({
      host: env.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
      port: env.PORT,
      publicUrl: env.PUBLIC_URL,
      trustProxy: env.TRUST_PROXY,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      graphiql: env.GRAPHIQL ?? !isProduction,
      maskErrors: true,
    }),
    log: Object.freeze({ level: env.LOG_LEVEL ?? (isTest ? 'silent' : 'info') }),
    database: Object.freeze({
      url: env.DATABASE_URL,
      dataDir: path.resolve(env.DATA_DIR),
      embeddedPort: env.EMBEDDED_PG_PORT,
      poolMax: env.DB_POOL_MAX,
      idleTimeoutMs: env.DB_POOL_IDLE_TIMEOUT_MS,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      migrateOnStart: env.DB_MIGRATE_ON_START,
      seedDemoContent: env.SEED_DEMO_CONTENT,
    }),
    auth: Object.freeze({
      usingDevelopmentSecret: env.JWT_SECRET === undefined,
      signingKey: Object.freeze({ kid: env.JWT_KEY_ID, secret: currentSecret }),
      verificationKeys: Object.freeze([
        { kid: env.JWT_KEY_ID, secret: currentSecret },
        ...parseKeyList(env.JWT_PREVIOUS_KEYS),
      ]),
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      bcryptCost: env.BCRYPT_COST ?? (isTest ? 4 : 12),
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginFailureWindowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      loginLockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
      loginIpMaxAttempts: env.LOGIN_IP_MAX_ATTEMPTS,
      loginIpWindowSeconds: env.LOGIN_IP_WINDOW_SECONDS,
      principalCacheTtlMs: env.PRINCIPAL_CACHE_TTL_MS,
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD,
    }),
    content: Object.freeze({
      locales: Object.freeze(env.CONTENT_LOCALES.split(',').map((l) => l.trim())),
      defaultLocale: env.DEFAULT_LOCALE,
      trashRetentionDays: env.TRASH_RETENTION_DAYS,
      schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
    }),
    limits: Object.freeze({
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxTokens: env.MAX_QUERY_TOKENS,
      maxCost: env.MAX_QUERY_COST,
    }),
    media: Object.freeze({
      dir: path.resolve(env.MEDIA_DIR ?? path.join(env.DATA_DIR, 'media')),
      maxUploadBytes: env.MEDIA_MAX_UPLOAD_BYTES,
      maxImagePixels: env.MEDIA_MAX_IMAGE_PIXELS,
      renditionMaxWidth: env.MEDIA_RENDITION_MAX_WIDTH,
      publicMaxAgeSeconds: env.MEDIA_PUBLIC_MAX_AGE_SECONDS,
    }),
  });
}

export type Config = ReturnType<typeof loadConfig>;

/** The settings of this process, parsed on first import. */
export const config: Config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
})();
