// Both stores for real: the local one on a temporary folder; the S3 one against a
// small local HTTP server that checks each request's SigV4 signature itself (its
// own implementation of AWS's algorithm, not aws4fetch's) and keeps the objects.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localFileStore } from "./local";
import { s3FileStore } from "./s3";
import type { FileStore } from "./types";

const key = (ext = "pdf") => `${randomUUID()}.${ext}`;
const text = async (store: FileStore, k: string) => {
  const found = await store.get(k);
  return found ? { size: found.size, text: await new Response(found.body).text() } : null;
};

function contract(name: string, open: () => FileStore) {
  describe(name, () => {
    it("puts, streams back and deletes", async () => {
      const store = open();
      const k = key();
      await store.put(k, new TextEncoder().encode("%PDF-1.4 workbook"), "application/pdf");
      expect(await text(store, k)).toEqual({ size: 17, text: "%PDF-1.4 workbook" });
      await store.delete(k);
      expect(await store.get(k)).toBeNull();
      await store.delete(k); // twice is fine
    });
    it("answers null for a key that holds nothing", async () => {
      expect(await open().get(key("mp3"))).toBeNull();
    });
    it("refuses keys that are not ours (no paths, no names)", async () => {
      const store = open();
      await expect(store.get("../../etc/passwd")).rejects.toThrow(/not a product file key/);
      await expect(store.put("workbook.pdf", new Uint8Array(1), "application/pdf")).rejects.toThrow(/not a product file key/);
    });
  });
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dojo-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
contract("the local store", () => localFileStore(dir));

describe("the local store on disk", () => {
  it("leaves only finished files in its folder", async () => {
    const store = localFileStore(dir);
    const k = key();
    await store.put(k, new Uint8Array(1024), "application/pdf");
    expect((await readdir(dir)).filter((f) => f.includes(".partial"))).toEqual([]);
    expect(await readdir(dir)).toContain(k);
  });
});

// ---- a signature-checking S3 stand-in ----------------------------------------

const ACCESS = "AKIDTESTDOJO";
const SECRET = "test-secret-key-for-the-local-s3";
const REGION = "eu-test-1";
const hmac = (k: Buffer | string, data: string) => createHmac("sha256", k).update(data).digest();
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** AWS Signature Version 4, as AWS documents it, for a path-style S3 request. */
function expectedSignature(req: IncomingMessage, body: Buffer, secret: string): { ok: boolean; why?: string } {
  const auth = req.headers.authorization ?? "";
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return { ok: false, why: "no SigV4 Authorization header" };
  const [, accessKey, day, region, signedHeaders = "", signature] = match;
  if (accessKey !== ACCESS || region !== REGION) return { ok: false, why: "wrong credential scope" };
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) return { ok: false, why: "body does not match x-amz-content-sha256" };
  if (!signedHeaders.split(";").includes("host")) return { ok: false, why: "host not signed" };
  const url = new URL(req.url ?? "/", "http://x");
  const canonicalHeaders = signedHeaders
    .split(";")
    .map((name) => `${name}:${String(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const canonicalQuery = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const canonical = [req.method, url.pathname, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, day ?? ""), region ?? ""), "s3"), "aws4_request");
  const computed = createHmac("sha256", signingKey).update(toSign).digest("hex");
  return computed === signature ? { ok: true } : { ok: false, why: "signature mismatch" };
}

let s3: Server;
let endpoint = "";
const objects = new Map<string, { body: Buffer; type: string }>();
const seen: { method: string; path: string; why?: string }[] = [];

beforeAll(async () => {
  s3 = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const check = expectedSignature(req, body, SECRET);
      const pathname = new URL(req.url ?? "/", "http://x").pathname;
      seen.push({ method: req.method ?? "", path: pathname, why: check.why });
      if (!check.ok) return void res.writeHead(403, { "content-type": "application/xml" }).end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${check.why}</Message></Error>`);
      if (!pathname.startsWith("/dojo-files/")) return void res.writeHead(404).end("<Error><Code>NoSuchBucket</Code></Error>");
      const stored = objects.get(pathname);
      if (req.method === "PUT") {
        objects.set(pathname, { body, type: String(req.headers["content-type"] ?? "") });
        return void res.writeHead(200).end();
      }
      if (req.method === "DELETE") {
        objects.delete(pathname);
        return void res.writeHead(204).end();
      }
      if (!stored) return void res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      res.writeHead(200, { "content-type": stored.type, "content-length": String(stored.body.length) }).end(stored.body);
    });
  });
  await new Promise<void>((resolve) => s3.listen(0, "127.0.0.1", resolve));
  const address = s3.address();
  endpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => s3.close(() => resolve()));
});

const s3Store = (secret = SECRET) => s3FileStore({ endpoint, bucket: "dojo-files", region: REGION, accessKeyId: ACCESS, secretAccessKey: secret });
contract("the S3 store, against a signature-checking server", () => s3Store());

describe("the S3 store's requests", () => {
  it("are path-style, signed over the body, and keep the content type", async () => {
    const k = key("mp3");
    await s3Store().put(k, new Uint8Array([1, 2, 3]), "audio/mpeg");
    expect(seen.at(-1)).toEqual({ method: "PUT", path: `/dojo-files/${k}`, why: undefined });
    expect(objects.get(`/dojo-files/${k}`)).toEqual({ body: Buffer.from([1, 2, 3]), type: "audio/mpeg" });
  });
  it("a wrong secret is refused by the store, and the error says so without the secret", async () => {
    const error = await s3Store("not-the-secret").put(key(), new Uint8Array(1), "application/pdf").catch((e: unknown) => e);
    expect(String(error)).toMatch(/S3 PUT answered 403: .*SignatureDoesNotMatch/);
    expect(String(error)).not.toContain("not-the-secret");
  });
});
