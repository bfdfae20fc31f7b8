// Small node:http helpers: bodies, responses, routes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

const MAX_BODY = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY) throw new ApiError(413, "invalid_request_error", "Request body too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { "Content-Length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, `${JSON.stringify(body, null, 2)}\n`, { "Content-Type": "application/json", ...headers });
}

// Hosted pages load nothing from anywhere: no scripts at all, inline styles only.
const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, html, PAGE_HEADERS);
}

/** 303 See Other: after a form POST, the browser follows with a GET. */
export function redirect(res: ServerResponse, location: string): void {
  send(res, 303, "", { Location: location, "Cache-Control": "no-store" });
}

export type Method = "GET" | "POST" | "DELETE";

export interface Route<Context, Result> {
  method: Method;
  pattern: RegExp;
  handle: (context: Context, params: string[]) => Result;
}

/** The first route whose method and pattern match, with the pattern's captures (decoded). */
export function matchRoute<Context, Result>(
  routes: ReadonlyArray<Route<Context, Result>>,
  method: string,
  path: string,
): { route: Route<Context, Result>; params: string[] } | "method_not_allowed" | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return { route, params: match.slice(1).map((part) => decodeURIComponent(part ?? "")) };
  }
  return pathMatched ? "method_not_allowed" : undefined;
}
