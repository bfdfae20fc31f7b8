import "server-only";
import { databaseUnavailableResponse, isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * Every route handler is built with this: a request the database could not
 * serve gets a 503 with Retry-After (Stripe, browsers and scripts all retry on
 * it) and one log line; any other error stays Next's to report.
 */
export function route<Args extends unknown[]>(name: string, handler: (...args: Args) => Promise<Response> | Response): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      logDatabaseUnavailable(name, err);
      return databaseUnavailableResponse();
    }
  };
}
