import { getCurrentUser } from "@/lib/auth/current-user";
import { exportMyCheckins } from "@/lib/checkins/member";
import { route } from "@/lib/http/route";

// A member's own check-ins as a JSON download, even after their membership lapses.
export const GET = route("GET /dojo/check-ins/export", async () => {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const data = await exportMyCheckins(user);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-check-ins.json"',
      "Cache-Control": "no-store",
    },
  });
});
