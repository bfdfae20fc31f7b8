import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Application-level encryption for the most private text members write.
// AES-256-GCM with a fresh 96-bit IV per value and the row's id as associated
// data: a ciphertext copied into another row fails to open. Stored as
// "v1.<iv>.<tag>.<ciphertext>" in base64url, so the key can be rotated later
// by adding a version.

const slot = globalThis as unknown as { __dojoDataKey?: Buffer };

function loadKey(): Buffer {
  if (slot.__dojoDataKey) return slot.__dojoDataKey;
  const configured = env().DATA_KEY;
  let key: Buffer;
  if (configured) {
    key = Buffer.from(configured, "base64");
  } else {
    // Development only (production requires DATA_KEY): a key generated once and kept beside the embedded database.
    const file = path.join(path.dirname(path.resolve(env().PGLITE_DIR)), "data-key");
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    }
    key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  }
  if (key.length !== 32) throw new Error("DATA_KEY must be 32 bytes, base64-encoded (try: openssl rand -base64 32)");
  slot.__dojoDataKey = key;
  return key;
}

export function seal(plaintext: string, rowId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", loadKey(), iv);
  cipher.setAAD(Buffer.from(rowId, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** A 256-bit key for one purpose, derived from DATA_KEY, so no second secret has to be configured. */
export function derivedKey(purpose: string): Buffer {
  return createHmac("sha256", loadKey()).update(purpose).digest();
}

export class UnsealError extends Error {}

export function unseal(sealed: string, rowId: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new UnsealError("not a sealed value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", loadKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(rowId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError("the value does not open with this key for this row");
  }
}

/** Tests use their own key. */
export function setDataKeyForTests(key: Buffer | undefined): void {
  slot.__dojoDataKey = key;
}
