/**
 * The error kinds a client can cause, each mapped to one `extensions.code` of ../shared/API.md.
 * They extend GraphQLError so Yoga passes them through its masking; anything else is masked as
 * INTERNAL_SERVER_ERROR with the request id (see server.ts).
 */
import { GraphQLError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed.') {
    super('FORBIDDEN', message);
  }
}

/** Validation failure; `fields` maps each input field to its message. */
export class ValidationError extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    message = `Invalid input: ${Object.entries(fields)
      .map(([field, problem]) => `${field} ${problem}`)
      .join('; ')}`,
  ) {
    super('BAD_USER_INPUT', message, { fields });
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'Item') {
    super('NOT_FOUND', `${what} not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

/** An update based on a version that is no longer current; carries the current one. */
export class StaleVersionError extends ConflictError {
  constructor(currentVersion: number, expectedVersion: number) {
    super(`This item was changed meanwhile: version ${currentVersion} is current, not ${expectedVersion}.`, {
      currentVersion,
    });
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts.') {
    const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
    super('RATE_LIMITED', `${message} Retry in ${retryAfter} s.`, { retryAfter });
  }
}

/** Prisma's known request errors (unique violation, missing row) as client errors. */
export function fromPrismaError(error: unknown, labels: { conflict?: string; notFound?: string } = {}): never {
  const code = (error as { code?: string })?.code;
  if (code === 'P2002') throw new ConflictError(labels.conflict ?? 'Already exists.');
  if (code === 'P2025') throw new NotFoundError(labels.notFound);
  throw error;
}
