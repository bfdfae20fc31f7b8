import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { route } from "@/lib/http/route";

// Only two doors into Auth.js are open: the link's POST (the "Sign in" button)
// and sign-out. A GET on the callback — a mail scanner following the link —
// is sent to the confirmation page and uses nothing. Links are requested
// through /signin (rate-limited), never Auth.js's own sign-in endpoint.
export const GET = route("GET /api/auth/[...nextauth]", async (request: NextRequest) => {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/callback/nodemailer")) {
    return new Response(null, { status: 303, headers: { Location: `/signin/verify${url.search}` } });
  }
  if (url.pathname.endsWith("/signin/nodemailer")) return new Response(null, { status: 404 });
  return handlers.GET(request);
});

export const POST = route("POST /api/auth/[...nextauth]", async (request: NextRequest) => {
  const { pathname } = new URL(request.url);
  if (pathname.includes("/signin")) return new Response(null, { status: 404 });
  return handlers.POST(request);
});
