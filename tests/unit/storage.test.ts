import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/media/storage.js';

describe('LocalStorage', () => {
  it('writes atomically and sweeps only stale half-written files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-'));
    try {
      const storage = new LocalStorage(dir);
      await storage.put('originals/abc.png', new Uint8Array([1, 2, 3]));
      expect([...((await storage.get('originals/abc.png')) ?? [])]).toEqual([1, 2, 3]);
      const stale = path.join(dir, 'originals', '.tmp-stale');
      const fresh = path.join(dir, 'originals', '.tmp-fresh');
      fs.writeFileSync(stale, 'x');
      fs.writeFileSync(fresh, 'x');
      const old = new Date(Date.now() - 2 * 3_600_000);
      fs.utimesSync(stale, old, old);
      expect(await storage.sweepTemporaryFiles()).toBe(1);
      expect(fs.existsSync(stale)).toBe(false);
      expect(fs.existsSync(fresh)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'originals', 'abc.png'))).toBe(true);
      await expect(storage.put('../escape.png', new Uint8Array([1]))).rejects.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
