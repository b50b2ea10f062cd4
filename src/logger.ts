import pino from 'pino';
import { config } from './config/env.js';

/** Structured JSON logs. Secrets never reach them: auth headers, passwords and tokens are redacted. */
export const logger = pino({
  level: config.log.level,
  base: { service: 'ngo-content-api' },
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers.cookie',
      '*.password',
      '*.currentPassword',
      '*.newPassword',
      '*.refreshToken',
      '*.accessToken',
      '*.token',
      '*.secret',
    ],
    censor: '[redacted]',
  },
});
