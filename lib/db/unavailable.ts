// When the database goes away under a request (a failover, a restart, a
// connection cut by an operator), the request cannot be answered, but nothing
// is wrong with what was asked: say so with a 503 and when to try again, write
// one line to the log, and let the driver open fresh connections for the next
// request (postgres.js reconnects on its own; no restart is needed).

import { log } from "@/lib/log";

/** SQLSTATEs that mean "the server or the connection went away", not "your query is wrong". */
const SERVER_CODES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, or a fast shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "53300", // too_many_connections
]);
/** What postgres.js and Node's sockets say when the connection itself broke. */
const CLIENT_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE"]);

/** Seconds a client should wait before trying again: long enough for a pool to reconnect or a failover to finish. */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = "We couldn’t reach our database for a moment, so nothing was changed. Please try again in a few seconds.";

function codeOf(err: unknown): string | undefined {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** The code that says the database went away, from `err` or what it wraps (drizzle puts the driver's error in `cause`). */
function unavailableCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = codeOf(e);
    if (code && (SERVER_CODES.has(code) || CLIENT_CODES.has(code))) return code;
  }
  return undefined;
}

/** Whether `err` is the database being unreachable (not a wrong query). */
export function isDatabaseUnavailable(err: unknown): boolean {
  return unavailableCode(err) !== undefined;
}

/** The one log line: where it happened and the driver's code, never the query or its parameters. */
export function logDatabaseUnavailable(where: string, err: unknown): void {
  log.error("database unavailable", { where, code: unavailableCode(err) ?? "unknown", retryAfterSeconds: RETRY_AFTER_SECONDS });
}

/** The answer to a request the database could not serve. */
export function databaseUnavailableResponse(): Response {
  return Response.json({ error: UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });
}
