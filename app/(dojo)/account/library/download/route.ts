import { getCurrentUser } from "@/lib/auth/current-user";
import { route } from "@/lib/http/route";
import { openDownload } from "@/lib/products/library";

// A signed download link from the library: served by the app as a stream, never from
// a public file address. Refusals go back to the library, which says what happened.

function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const GET = route("GET /account/library/download", async (request: Request) => {
  const url = new URL(request.url);
  const actor = await getCurrentUser();
  if (!actor) {
    return new Response(null, { status: 303, headers: { location: `/signin?${new URLSearchParams({ callbackUrl: "/account/library" })}`, "cache-control": "no-store" } });
  }
  const outcome = await openDownload(actor, url.searchParams);
  if (!outcome.ok) return new Response(null, { status: 303, headers: { location: `/account/library?notice=${outcome.reason}`, "cache-control": "no-store" } });
  return new Response(outcome.body, {
    headers: {
      "content-type": outcome.contentType,
      "content-length": String(outcome.size),
      "content-disposition": attachment(outcome.fileName),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
