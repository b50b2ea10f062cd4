import { NotFoundError, StaleVersionError } from '../errors.js';

interface VersionedDelegate {
  updateMany(args: {
    where: { id: string; version?: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string }; select: { version: true } }): Promise<{ version: number } | null>;
}

/**
 * Writes `data` and bumps the version, only if the row is still at `expectedVersion` (when the
 * client passed one): the check and the write are one statement, so of concurrent updates with
 * the same version exactly one wins. NOT_FOUND for a missing row, CONFLICT (currentVersion) else.
 */
export async function versionedUpdate(
  delegate: unknown,
  id: string,
  expectedVersion: number | null | undefined,
  data: Record<string, unknown>,
  what: string,
): Promise<void> {
  const rows = delegate as VersionedDelegate;
  const where = expectedVersion == null ? { id } : { id, version: expectedVersion };
  const { count } = await rows.updateMany({ where, data: { ...data, version: { increment: 1 } } });
  if (count === 1) return;
  const current = await rows.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new NotFoundError(what);
  throw new StaleVersionError(current.version, expectedVersion ?? current.version);
}
