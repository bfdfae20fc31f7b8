import "server-only";
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Application-level encryption for the most private text members write.
// AES-256-GCM with a fresh 96-bit IV per value and the row's id as associated
// data: a ciphertext copied into another row fails to open. Stored as
// "v2.<key id>.<iv>.<tag>.<ciphertext>" in base64url; the key id (a hash of the
// key, not the key) says which key opens it.
//
// Rotation: put the new key in DATA_KEY and the old one in DATA_KEY_PREVIOUS.
// New writes use DATA_KEY at once, old rows stay readable, and
// `npm run data:reseal` (lib/crypto/reseal.ts) moves them to the new key; then
// the old key can go. Values from before key ids ("v1.<iv>.<tag>.<ciphertext>")
// are opened by trying each key.

interface Keys {
  current: Buffer;
  previous: Buffer[];
}

const slot = globalThis as unknown as { __dojoDataKeys?: Keys };

function developmentKey(): Buffer {
  // Development only (production requires DATA_KEY): a key generated once and kept beside the embedded database.
  const file = path.join(path.dirname(path.resolve(env().PGLITE_DIR)), "data-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
}

function loadKeys(): Keys {
  if (slot.__dojoDataKeys) return slot.__dojoDataKeys;
  const configured = env().DATA_KEY;
  const current = configured ? Buffer.from(configured, "base64") : developmentKey();
  if (current.length !== 32) throw new Error("DATA_KEY must be 32 bytes, base64-encoded (try: openssl rand -base64 32)");
  const previous = env().DATA_KEY_PREVIOUS.map((k) => Buffer.from(k, "base64"));
  slot.__dojoDataKeys = { current, previous };
  return slot.__dojoDataKeys;
}

/** A short, public name for a key: which key sealed a value, without saying anything about the key. */
function keyId(key: Buffer): string {
  return createHash("sha256").update("breakup-dojo:data-key-id:").update(key).digest("base64url").slice(0, 8);
}

export function seal(plaintext: string, rowId: string): string {
  const key = loadKeys().current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(rowId, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v2", keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** A 256-bit key for one purpose, derived from DATA_KEY, so no second secret has to be configured. */
export function derivedKey(purpose: string): Buffer {
  return derive(loadKeys().current, purpose);
}

/** The same purpose's keys from the earlier DATA_KEYs too, newest first: for opening what was locked before a rotation. */
export function derivedKeys(purpose: string): Buffer[] {
  const { current, previous } = loadKeys();
  return [current, ...previous].map((k) => derive(k, purpose));
}

function derive(key: Buffer, purpose: string): Buffer {
  return createHmac("sha256", key).update(purpose).digest();
}

export class UnsealError extends Error {}

function open(key: Buffer, iv: string, tag: string, body: string, rowId: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(rowId, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

export function unseal(sealed: string, rowId: string): string {
  const { current, previous } = loadKeys();
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const [, kid, iv = "", tag = "", body = ""] = parts;
    const key = [current, ...previous].find((k) => keyId(k) === kid);
    if (!key) throw new UnsealError("sealed with a key this server does not have (set it in DATA_KEY_PREVIOUS)");
    try {
      return open(key, iv, tag, body, rowId);
    } catch {
      throw new UnsealError("the value does not open with its key for this row");
    }
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv = "", tag = "", body = ""] = parts;
    for (const key of [current, ...previous]) {
      try {
        return open(key, iv, tag, body, rowId);
      } catch {
        // not this key: try the next
      }
    }
    throw new UnsealError("the value does not open with any key for this row");
  }
  throw new UnsealError("not a sealed value");
}

/** The prefix every value sealed with DATA_KEY starts with (for finding the rest in SQL). */
export function currentKeyPrefix(): string {
  return `v2.${keyId(loadKeys().current)}.`;
}

/** Whether `sealed` is already under DATA_KEY, so re-sealing it would change nothing. */
export function sealedWithCurrentKey(sealed: string): boolean {
  return sealed.startsWith(currentKeyPrefix());
}

/** Tests use their own keys: `key` for DATA_KEY, `previous` for DATA_KEY_PREVIOUS. */
export function setDataKeyForTests(key: Buffer | undefined, previous: Buffer[] = []): void {
  slot.__dojoDataKeys = key ? { current: key, previous } : undefined;
}
