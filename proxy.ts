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

export const config = {
  matcher: ["/dojo/:path*", "/account/:path*", "/coach/:path*", "/join"],
};
