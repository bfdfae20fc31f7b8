import { getCurrentUser } from "@/lib/auth/current-user";
import { attachment } from "@/lib/http/download";
import { route } from "@/lib/http/route";
import { openDownload } from "@/lib/products/library";

// A signed download link from the library: served by the app as a stream, never from
// a public file address. Refusals go back to the library, which says what happened.

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
