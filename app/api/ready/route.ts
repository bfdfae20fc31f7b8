import { checkReadiness } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Readiness: 200 when this instance can serve (database migrated and answering), 503 otherwise. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
