import { ValidationError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Connection size options for every connection: the default page, and a cap that refuses (rather
 * than silently clamps) a request for more, as ../shared/API.md says.
 */
export const pageSize = {
  defaultSize: DEFAULT_PAGE_SIZE,
  maxSize: (args: { first?: number | null; last?: number | null }) => {
    for (const key of ['first', 'last'] as const) {
      const value = args[key];
      if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
        throw new ValidationError({ [key]: `must be between 0 and ${MAX_PAGE_SIZE}` });
      }
    }
    return MAX_PAGE_SIZE;
  },
};
