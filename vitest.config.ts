import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Vite would resolve `graphql` to its .mjs build while the dependencies (Yoga, Pothos) load the
  // CommonJS one, as Node does: two GraphQLError classes. Use Node's choice everywhere.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/database.ts'],
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      JWT_SECRET: 'test-secret-0123456789-0123456789-abcdef',
      JWT_PREVIOUS_KEYS: 'old:previous-test-secret-0123456789-0123456789',
      // Each test varies its client address (tests/helpers/client.ts); the IP test sets its own.
      LOGIN_IP_MAX_ATTEMPTS: '20',
      PRINCIPAL_CACHE_TTL_MS: '5000',
      // Small enough that the media tests can send a file over the limit cheaply.
      MEDIA_MAX_UPLOAD_BYTES: '2000000',
    },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
