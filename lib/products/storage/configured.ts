import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { localFileStore } from "./local";
import { s3FileStore } from "./s3";
import type { FileStore } from "./types";

export type { FileStore, StoredFile } from "./types";

const slot = globalThis as unknown as { __dojoFileStore?: FileStore };

/** S3 when S3_BUCKET is set (env.ts requires the rest with it), else the local folder. */
export function fileStore(): FileStore {
  if (slot.__dojoFileStore) return slot.__dojoFileStore;
  const e = env();
  slot.__dojoFileStore =
    e.S3_BUCKET && e.S3_ENDPOINT && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? s3FileStore({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY })
      : localFileStore(e.PRODUCT_FILES_DIR);
  return slot.__dojoFileStore;
}

/** Tests point the app at a store of their own. */
export function setFileStoreForTests(store: FileStore | undefined): void {
  slot.__dojoFileStore = store;
}

export function newStorageKey(extension: string): string {
  return `${randomUUID()}.${extension}`;
}

/** For the seed: writes a file under a fixed key unless it is there already (each start checks). */
export async function putSeedFile(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  const store = fileStore();
  const found = await store.get(key);
  if (found) {
    await found.body.cancel();
    return;
  }
  await store.put(key, bytes, contentType);
}
