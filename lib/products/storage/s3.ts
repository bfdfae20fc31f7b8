import "server-only";
import { AwsClient } from "aws4fetch";
import { assertStorageKey, type FileStore } from "./types";

export interface S3Config {
  /** e.g. https://s3.eu-west-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Any S3-compatible store, through aws4fetch: it only signs requests (SigV4) and
 * sends them with fetch, so one small dependency covers AWS, R2, B2 and MinIO.
 * Path-style addresses (`<endpoint>/<bucket>/<key>`), which all of them accept.
 */
export function s3FileStore(config: S3Config, fetchImpl: typeof fetch = fetch): FileStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    retries: 2,
  });
  const base = config.endpoint.replace(/\/+$/, "");
  const urlOf = (key: string) => {
    assertStorageKey(key);
    return `${base}/${encodeURIComponent(config.bucket)}/${key}`;
  };
  const send = async (method: string, key: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}) => {
    const signed = await client.sign(urlOf(key), { method, body: init.body as BodyInit | undefined, headers: init.headers });
    return fetchImpl(signed);
  };
  const fail = async (what: string, response: Response): Promise<never> => {
    const text = (await response.text().catch(() => "")).slice(0, 200).replace(/\s+/g, " ");
    throw new Error(`S3 ${what} answered ${response.status}: ${text}`);
  };
  return {
    async put(key, bytes, contentType) {
      const response = await send("PUT", key, { body: bytes, headers: { "content-type": contentType, "content-length": String(bytes.byteLength) } });
      if (!response.ok) await fail("PUT", response);
      await response.body?.cancel();
    },
    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) return fail("GET", response);
      return { body: response.body, size: Number(response.headers.get("content-length") ?? 0) };
    },
    async delete(key) {
      const response = await send("DELETE", key);
      if (!response.ok && response.status !== 404) await fail("DELETE", response);
      await response.body?.cancel();
    },
  };
}
