import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// One line per event. In production (or LOG_FORMAT=json) each line is a JSON
// object — time, level, msg, the request's id when there is one, then the
// event's fields — for a log service to index; in development it is plain
// text for a person. Fields are ids, counts, codes and short reasons: never an
// email address, a name or anything a member wrote (callers pass errors
// through `reason()`, which keeps the first line of the message only: a failed
// query's later lines list its parameters).

export type Fields = Record<string, string | number | boolean | null | undefined>;
type Level = "info" | "warn" | "error";

const requestScope = new AsyncLocalStorage<string>();

/** A request id from the load balancer's header if it looks like one, else a fresh one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : randomUUID();
}

/** Runs `fn` with `id` as the request id of every line it logs, across awaits. */
export function withRequestId<T>(id: string, fn: () => T): T {
  return requestScope.run(id, fn);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore();
}

/**
 * An error as a short reason fit for a log line or a staff screen: its code and message, credentials in URLs
 * removed, at most 300 characters. `lines: "first"` (the default) keeps the first line only — a failed query's
 * later lines list its parameters, which can be personal; "all" joins every line (an SMTP error's detail).
 */
export function reason(err: unknown, lines: "first" | "all" = "first"): string {
  const e = (typeof err === "object" && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(err);
  const code = typeof e.code === "string" ? `${e.code}: ` : "";
  const text = (code + (lines === "first" ? message.split("\n", 1)[0] : message)).replace(/\/\/[^/\s@]+@/g, "//");
  return (lines === "first" ? text : text.replace(/\s+/g, " ")).slice(0, 300);
}

function json(): boolean {
  const format = process.env.LOG_FORMAT;
  if (format === "json") return true;
  if (format === "text") return false;
  return process.env.NODE_ENV === "production";
}

function write(level: Level, msg: string, fields: Fields = {}): void {
  const requestId = currentRequestId();
  let line: string;
  if (json()) {
    line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...fields });
  } else {
    const entries = Object.entries({ ...fields, ...(requestId ? { requestId } : {}) }).filter(([, v]) => v !== undefined);
    // A multi-line text (a configuration problem naming each bad variable) is printed as written, below the line.
    const blocks = entries.filter(([, v]) => typeof v === "string" && v.includes("\n")).map(([, v]) => String(v));
    const extra = entries
      .filter(([, v]) => !(typeof v === "string" && v.includes("\n")))
      .map(([k, v]) => `${k}=${typeof v === "string" && /\s/.test(v) ? JSON.stringify(v) : String(v)}`);
    line = [[msg, ...extra].join(" "), ...blocks].join("\n");
  }
  if (level === "info") console.log(line);
  else if (level === "warn") console.warn(line);
  else console.error(line);
}

export const log = {
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
