import { ForbiddenError, getCurrentUser } from "@/lib/auth/current-user";
import { exportSubscribers } from "@/lib/newsletter/import-export";
import { csvDownload } from "@/lib/http/download";
import { route } from "@/lib/http/route";

// The subscriber list as a download, for coaches. Anyone else gets a plain 404.
export const GET = route("GET /coach/newsletter/subscribers/export", async () => {
  const user = await getCurrentUser();
  try {
    if (!user) throw new ForbiddenError("sign in");
    const csv = await exportSubscribers(user);
    const date = new Date().toISOString().slice(0, 10);
    return csvDownload(csv, `subscribers-${date}.csv`);
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response("Not found", { status: 404 });
    throw err;
  }
});
