import { env } from "@/lib/env";
import { unsubscribeWithToken } from "@/lib/newsletter/subscribers";
import { route } from "@/lib/http/route";

// The List-Unsubscribe address in every letter.
// POST: one-click unsubscribe (RFC 8058). Mail apps send it in the background,
// without cookies; the signed token in the address is all it needs. 200 when done.
// GET: a person (or a link scanner) opened the address; show the settings
// page with the button, and change nothing.

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export const POST = route("POST /newsletter/unsubscribe", async (request: Request) => {
  const token = new URL(request.url).searchParams.get("token");
  if (!(await unsubscribeWithToken(token))) return text("This unsubscribe link is not valid.", 400);
  return text("You are unsubscribed. You won’t get any more letters.", 200);
});

export const GET = route("GET /newsletter/unsubscribe", async (request: Request) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const target = new URL("/newsletter/manage", env().APP_URL);
  target.search = new URLSearchParams({ token, intent: "unsubscribe" }).toString();
  return Response.redirect(target, 303);
});
