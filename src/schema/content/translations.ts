/**
 * `translations` of a list of items in one query: a per-request DataLoader batches the
 * translation groups of every row the list returned (instead of one query per row).
 */
import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import { prisma } from '../../db/client.js';
import { readableWhere } from './content-query.js';
import { delegateOf, type PublishableRow, type PublishableType } from './publishable.service.js';

type Query = { select?: Record<string, unknown>; include?: Record<string, unknown> };

const loaders = new WeakMap<Context, Map<string, DataLoader<string, PublishableRow[]>>>();

/** The other locales' versions of `row` the caller may read, with the nested selection of `query`. */
export function translationsOf<Row extends { id: string; translationGroupId: string }>(
  ctx: Context,
  type: PublishableType,
  query: Query,
  row: Row,
  preview?: boolean | null,
): Promise<Row[]> {
  const visible = readableWhere(ctx, preview);
  // The same field in the same list has the same selection: one loader per shape.
  const key = `${type}|${JSON.stringify(query)}|${JSON.stringify(visible)}`;
  let perRequest = loaders.get(ctx);
  if (!perRequest) {
    perRequest = new Map();
    loaders.set(ctx, perRequest);
  }
  let loader = perRequest.get(key);
  if (!loader) {
    const shape = query.select ? { select: { ...query.select, id: true, translationGroupId: true } } : query;
    loader = new DataLoader(async (groups: readonly string[]) => {
      const rows = await delegateOf(prisma, type).findMany({
        ...shape,
        where: { translationGroupId: { in: [...groups] }, ...visible },
        orderBy: [{ locale: 'asc' }],
      });
      return groups.map((group) => rows.filter((r) => r.translationGroupId === group));
    });
    perRequest.set(key, loader);
  }
  // Rows of the same model as `row`, loaded with the field's selection.
  return loader.load(row.translationGroupId).then((rows) => rows.filter((r) => r.id !== row.id) as unknown as Row[]);
}
