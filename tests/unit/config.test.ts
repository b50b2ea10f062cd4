import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig, SETTING_NAMES } from '../../src/config/env.js';

const NO_FILE = '/nonexistent/.env';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, NO_FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({}, NO_FILE);
    expect(config.env).toBe('development');
    expect(config.server.port).toBe(4000);
    expect(config.server.graphiql).toBe(true);
    expect(config.database.url).toBeUndefined();
    expect(config.auth.usingDevelopmentSecret).toBe(true);
    expect(config.auth.bcryptCost).toBe(12);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names each wrong setting, all at once', () => {
    const found = problems({
      NODE_ENV: 'staging',
      PORT: 'eighty',
      JWT_SECRET: 'too-short',
      DATABASE_URL: 'mysql://localhost/db',
    });
    expect(found.some((p) => p.startsWith('NODE_ENV:'))).toBe(true);
    expect(found.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(found.some((p) => p.startsWith('JWT_SECRET:') && p.includes('32 bytes'))).toBe(true);
    expect(found.some((p) => p.startsWith('DATABASE_URL:'))).toBe(true);
  });

  it('refuses out-of-range ports and malformed URLs', () => {
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT: must be at most 65535/);
    expect(problems({ DATABASE_URL: 'not a url' })[0]).toMatch(/^DATABASE_URL:/);
    expect(problems({ DATABASE_URL: 'postgresql://localhost' })[0]).toMatch(/^DATABASE_URL:/);
    expect(problems({ DATABASE_URL: 'postgresql://u:p@db.example:5432/app' })).toEqual([]);
  });

  it('counts the secret in bytes, not characters', () => {
    expect(problems({ JWT_SECRET: 'é'.repeat(16) })).toEqual([]); // 32 bytes
    expect(problems({ JWT_SECRET: 'a'.repeat(31) })[0]).toMatch(/^JWT_SECRET:/);
  });

  it('production refuses a missing or built-in secret and low bcrypt cost, and masks GraphiQL by default', () => {
    expect(problems({ NODE_ENV: 'production' })).toContain('JWT_SECRET: is required in production');
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })[0]).toMatch(
      /^JWT_SECRET: is the built-in development secret/,
    );
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), BCRYPT_COST: '10' })[0]).toMatch(
      /^BCRYPT_COST:/,
    );
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, NO_FILE);
    expect(prod.server.graphiql).toBe(false);
    expect(prod.server.host).toBe('0.0.0.0');
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), GRAPHIQL: 'true' }, NO_FILE).server.graphiql,
    ).toBe(true);
  });

  it('validates previous verification keys for key rotation', () => {
    expect(problems({ JWT_PREVIOUS_KEYS: 'old:short' })[0]).toMatch(/^JWT_PREVIOUS_KEYS: entry 1/);
    const config = loadConfig({ JWT_PREVIOUS_KEYS: `old:${'s'.repeat(32)}` }, NO_FILE);
    expect(config.auth.verificationKeys.map((k) => k.kid)).toEqual(['k1', 'old']);
  });

  it('lets bcrypt go below 10 only under NODE_ENV=test', () => {
    expect(problems({ BCRYPT_COST: '4' })[0]).toMatch(/^BCRYPT_COST:/);
    expect(loadConfig({ NODE_ENV: 'test', BCRYPT_COST: '4' }, NO_FILE).auth.bcryptCost).toBe(4);
  });
});

describe('.env.example', () => {
  it('lists every setting, and only those', () => {
    const listed = fs
      .readFileSync('.env.example', 'utf8')
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
      .filter(Boolean);
    expect([...listed].sort()).toEqual([...SETTING_NAMES].sort());
  });
});
