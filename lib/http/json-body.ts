import "server-only";

export type JsonBody = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Reads a small JSON request body. The size is checked while reading, so a
 * client that lies about (or omits) Content-Length cannot make us buffer more.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    return { ok: false, error: "Send the body as JSON with Content-Type: application/json." };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, error: `The body is larger than ${maxBytes} bytes.` };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, error: `The body is larger than ${maxBytes} bytes.` };
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: "The body is not valid JSON." };
  }
}
