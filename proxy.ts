import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";

// Optimistic only: without a session cookie there is no point rendering a
// private page, so send the visitor to sign in first. Every page still checks
// the session and the member's rights itself, next to the data.
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?${new URLSearchParams({ callbackUrl: request.nextUrl.pathname + request.nextUrl.search })}`;
  return NextResponse.redirect(url);
}

// The proxy only ever acts on a request without a session cookie, so it is not
// even started for the others: the router's own cookie check is nearly free,
// while running the proxy cost ~10% of a lesson page's server CPU (bench profile).
// Next reads this object at build time and accepts only literals here, hence the
// repetition; proxy.test.ts keeps the cookie names equal to SESSION_COOKIES.
export const config = {
  matcher: [
    { source: "/dojo/:path*", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }] },
    { source: "/account/:path*", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }] },
    { source: "/coach/:path*", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }] },
    { source: "/join", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }] },
  ],
};
