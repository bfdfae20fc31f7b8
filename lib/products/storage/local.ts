import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey, type FileStore } from "./types";

/** Files in one folder on this machine's disk (PRODUCT_FILES_DIR, default .data/product-files). */
export function localFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(root, { recursive: true });
      // Written beside, then renamed: a reader never sees half a file.
      const partial = `${target}.${process.pid}.partial`;
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, target);
    },
    async get(key) {
      const target = pathOf(key);
      try {
        const { size } = await stat(target);
        return { size, body: Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array> };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
