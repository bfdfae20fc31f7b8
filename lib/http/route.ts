import "server-only";
import { databaseUnavailableResponse, isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { requestIdFrom, withRequestId } from "@/lib/log";

/**
 * Every route handler is built with this. Each request gets an id (the load
 * balancer's X-Request-Id if it sent one) that every log line of the request
 * carries and the response repeats. A request the database could not serve
 * gets a 503 with Retry-After (Stripe, browsers and scripts all retry on it)
 * and one log line; any other error stays Next's to report.
 */
export function route<Args extends unknown[]>(name: string, handler: (...args: Args) => Promise<Response> | Response): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    const request = args[0] instanceof Request ? args[0] : undefined;
    const id = requestIdFrom(request?.headers.get("x-request-id"));
    const response = await withRequestId(id, async () => {
      try {
        return await handler(...args);
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        logDatabaseUnavailable(name, err);
        return databaseUnavailableResponse();
      }
    });
    try {
      response.headers.set("x-request-id", id);
    } catch {
      // Response.redirect() answers have immutable headers: the id stays in the log only.
    }
    return response;
  };
}
