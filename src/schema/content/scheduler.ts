/**
 * In-process scheduler: publishes due SCHEDULED items and purges the trash. Safe with several
 * server processes: each item is claimed by a conditional UPDATE in the database, so it goes
 * live exactly once; a restart loses nothing, since the schedule lives in the rows.
 */
import { logger } from '../../logger.js';
import { publishDueItems, purgeTrash } from './publishable.service.js';

const PURGE_EVERY_MS = 3_600_000;

/** Starts the loop (every `intervalMs`; 0 disables it). Returns a stop function that awaits the running tick. */
export function startScheduler(intervalMs: number): () => Promise<void> {
  if (intervalMs <= 0) return async () => {};
  let running: Promise<void> | undefined;
  let lastPurge = 0;
  const tick = async () => {
    try {
      const published = await publishDueItems();
      if (published > 0) logger.info({ published }, 'scheduled items published');
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        const purged = await purgeTrash();
        if (purged > 0) logger.info({ purged }, 'trash purged');
      }
    } catch (error) {
      // The database may be down for a while: try again next tick.
      logger.warn({ err: (error as Error).message }, 'scheduler tick failed');
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = undefined;
    });
  }, intervalMs);
  timer.unref();
  running = tick().finally(() => {
    running = undefined;
  });
  return async () => {
    clearInterval(timer);
    await running;
  };
}
