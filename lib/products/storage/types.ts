// One small interface for where product files live: local disk by default,
// any S3-compatible store in production (configured.ts picks). Keys are ours
// (random, see newStorageKey), never a name a coach or member chose.

export interface StoredFile {
  body: ReadableStream<Uint8Array>;
  size: number;
}

export interface FileStore {
  /** Stores the bytes under `key`, replacing nothing: keys are never reused. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes as a stream, or null when nothing is stored under `key`. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the bytes; removing what is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are `<uuid>.<ext>`: nothing a path could be built from. */
export const STORAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(pdf|mp3|m4a|wav|ogg)$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`not a product file key: ${JSON.stringify(key.slice(0, 80))}`);
}
