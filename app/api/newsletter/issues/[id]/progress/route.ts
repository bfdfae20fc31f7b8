import { getCurrentUser } from "@/lib/auth/current-user";
import { isCoach } from "@/lib/auth/roles";
import { getIssueProgress } from "@/lib/newsletter/progress";
import { route } from "@/lib/http/route";
import { routeId } from "@/lib/http/route-id";

// Progress of a send for the coach's page, polled while it runs. Not a coach → 404.
export const GET = route("GET /api/newsletter/issues/[id]/progress", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  const id = routeId((await params).id);
  const progress = user && isCoach(user.role) && id ? await getIssueProgress(user, id) : null;
  if (!progress) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
});
