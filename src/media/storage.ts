/**
 * Where media bytes live. The service and the file route talk to a `Storage` only, so an
 * S3-compatible store can replace the local folder later (put = PutObject, stream with a range =
 * GetObject with Range, stat = HeadObject, deletePrefix = ListObjects + DeleteObjects).
 *
 * Keys are made by the code from a media id and a fixed extension (never from user input), e.g.
 * `originals/<uuid>.jpg` and `renditions/<uuid>/640.webp`; LocalStorage refuses anything else.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { config } from '../config/env.js';

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObjectInfo {
  size: number;
}

export interface Storage {
  /** Stores the bytes under `key`, atomically: readers see the old object or the whole new one. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The whole object, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** The object (or one range of it) as a web stream, or null when there is none. */
  stream(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  stat(key: string): Promise<StoredObjectInfo | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix` (which must end with `/`). */
  deletePrefix(prefix: string): Promise<void>;
}

/** Lower-case letters, digits, dots, dashes and underscores, in `/`-separated segments; no `..`. */
const KEY = /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9]+)*(?:\/[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9]+)*)*\/?$/;

export function isValidKey(key: string): boolean {
  return KEY.test(key) && key.length <= 300;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/** A folder on the local disk (config.media.dir by default). */
export class LocalStorage implements Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /**
   * Removes temporary files a crash left mid-write (older than `olderThanMs`, so writes in
   * progress in another process are spared). Returns how many were removed.
   */
  async sweepTemporaryFiles(olderThanMs = 3_600_000): Promise<number> {
    let removed = 0;
    let entries: string[];
    try {
      entries = (await fsp.readdir(this.root, { recursive: true })) as string[];
    } catch {
      return 0; // no media folder yet
    }
    for (const entry of entries) {
      if (!path.basename(entry).startsWith('.tmp-')) continue;
      const full = path.join(this.root, entry);
      const info = await fsp.stat(full).catch(() => null);
      if (info?.isFile() && Date.now() - info.mtimeMs > olderThanMs) {
        await fsp.rm(full, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private pathOf(key: string): string {
    if (!isValidKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error('Storage key escapes the media folder');
    return full;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true });
    // A temporary file in the same folder (same file system), made durable, then renamed over the
    // target: a crash leaves either no file or the whole one, never half of it.
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(temp, 'wx', 0o640);
      await handle.writeFile(bytes);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fsp.rename(temp, target);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fsp.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fsp.readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stream(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.pathOf(key), 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // The open handle keeps the bytes readable even if the file is deleted meanwhile.
    const nodeStream = handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
    return Readable.toWeb(nodeStream) as ReadableStream<Uint8Array>;
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    try {
      const stats = await fsp.stat(this.pathOf(key));
      return stats.isFile() ? { size: stats.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) throw new Error('A storage prefix must end with /');
    await fsp.rm(this.pathOf(prefix), { recursive: true, force: true });
  }
}

let current: Storage | undefined;

/** The process's media storage: a LocalStorage in config.media.dir unless replaced. */
export function mediaStorage(): Storage {
  current ??= new LocalStorage(config.media.dir);
  return current;
}

/** Replaces the media storage (another backend; tests use a temporary folder). */
export function setMediaStorage(storage: Storage): void {
  current = storage;
}
