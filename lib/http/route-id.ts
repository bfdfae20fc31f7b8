/**
 * A record id from an address (`/coach/lessons/12`): digits only, and small
 * enough for a PostgreSQL integer, so "", "1e3", " 5" or a 20-digit number
 * are a 404 rather than a query that fails or finds record 0.
 */
export function routeId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
