export const dynamic = "force-dynamic";

/**
 * Liveness: the process is up and its event loop turns. It never asks the
 * database (that is /api/ready), so a database outage does not get every
 * instance restarted at once.
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
