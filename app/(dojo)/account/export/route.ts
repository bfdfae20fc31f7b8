import { exportMyData } from "@/lib/account/data";
import { getCurrentUser } from "@/lib/auth/current-user";
import { route } from "@/lib/http/route";

export const GET = route("GET /account/export", async () => {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  return new Response(JSON.stringify(await exportMyData(user), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-breakup-dojo-data.json"',
      "Cache-Control": "no-store",
    },
  });
});
