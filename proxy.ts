import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { stripeApiUrl } from "@/lib/env";
import { ACTION_BODY_LIMIT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/http/limits";
import { noncePolicyParts, stripeHostedOrigins } from "@/lib/security/csp";

// Three jobs, all cheap:
// 1. Optimistic only: without a session cookie there is no point rendering a
//    private page, so send the visitor to sign in first. Every page still checks
//    the session and the member's rights itself, next to the data.
// 2. A fresh CSP nonce for every HTML response of the pages that show what
//    members and coaches wrote (lib/security/csp.ts). Next reads the nonce from
//    the request's Content-Security-Policy header and puts it on its scripts.
const SIGN_IN_FIRST = /^\/(?:(?:dojo|account|coach)(?:\/|$)|join$)/;

let parts: readonly [string, string] | undefined;
function policyWith(nonce: string): string {
  parts ??= noncePolicyParts({ formActionOrigins: stripeHostedOrigins(stripeApiUrl()), dev: process.env.NODE_ENV === "development" });
  return parts[0] + nonce + parts[1];
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const bodyBytes = request.method === "POST" ? Number(request.headers.get("content-length")) : 0;
  if (bodyBytes > 1e6) {
    if (bodyBytes > ACTION_BODY_LIMIT_BYTES) {
      return new NextResponse(TOO_LARGE_MESSAGE, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    if (request.headers.has("next-action") || !SIGN_IN_FIRST.test(pathname)) return NextResponse.next();
  }
  if (SIGN_IN_FIRST.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?${new URLSearchParams({ callbackUrl: pathname + search })}`;
    return NextResponse.redirect(url);
  }
  // 122 random bits; a client-sent CSP request header is always replaced.
  const policy = policyWith(crypto.randomUUID().replaceAll("-", ""));
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Next reads this object at build time and accepts only literals here, hence the
// repetition; proxy.test.ts checks the cookie names against SESSION_COOKIES and
// these paths against next.config.ts's policy for everything else.
// Each private path has two matchers, and the proxy runs when either holds:
// - no session cookie (the redirect above), unless it is a server action call: an
//   action checks the session itself and answers the form (a redirect would turn
//   "you've been signed out, your words are kept" into a failed fetch);
// - a document request: not a client navigation's or server action's RSC fetch,
//   whose answer holds no script and so needs no nonce. Skipping those keeps the
//   proxy off most of a signed-in member's requests (it costs Next a request
//   context of its own before rendering starts).
export const config = {
  matcher: [
    { source: "/dojo/:path*", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }, { type: "header", key: "next-action" }] },
    { source: "/account/:path*", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }, { type: "header", key: "next-action" }] },
    { source: "/coach/:path*", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }, { type: "header", key: "next-action" }] },
    { source: "/join", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }, { type: "header", key: "next-action" }] },
    { source: "/dojo/:path*", missing: [{ type: "header", key: "rsc" }, { type: "header", key: "next-action" }] },
    { source: "/account/:path*", missing: [{ type: "header", key: "rsc" }, { type: "header", key: "next-action" }] },
    { source: "/coach/:path*", missing: [{ type: "header", key: "rsc" }, { type: "header", key: "next-action" }] },
    { source: "/join", missing: [{ type: "header", key: "rsc" }, { type: "header", key: "next-action" }] },
    { source: "/billing/:path*", missing: [{ type: "header", key: "rsc" }, { type: "header", key: "next-action" }] },
    // Public, but the sign-in link's form ends at /join and on to Stripe (form-action).
    { source: "/signin/verify", missing: [{ type: "header", key: "rsc" }, { type: "header", key: "next-action" }] },
    // Any page's form post of a megabyte or more (7+ digits of Content-Length): big enough to check against the limit.
    // Route handlers under /api read their bodies with limits of their own.
    { source: "/((?!api/).*)", has: [{ type: "header", key: "content-length", value: "[0-9]{7,}" }], missing: [] },
  ],
};
