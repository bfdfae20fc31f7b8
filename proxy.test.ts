import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { config, proxy } from "./proxy";

const runsFor = (url: string, cookies?: Record<string, string>) => unstable_doesMiddlewareMatch({ config, url, cookies });

describe("proxy", () => {
  it("names exactly the session cookies in every matcher", () => {
    for (const m of config.matcher) expect(m.missing.map((c) => c.key).sort()).toEqual([...SESSION_COOKIES].sort());
  });

  it("runs on private pages for a visitor with no session cookie, and sends them to sign in", async () => {
    for (const path of ["/dojo", "/dojo/lessons/first-steps", "/account/billing", "/coach/members", "/join"]) {
      expect(runsFor(`http://localhost${path}`)).toBe(true);
    }
    const res = proxy(new NextRequest("http://localhost/dojo/lessons/first-steps?x=1"));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/dojo/lessons/first-steps?x=1");
  });

  it("is not started when either session cookie is present (the page checks the session itself)", () => {
    for (const name of SESSION_COOKIES) {
      expect(runsFor("http://localhost/dojo/lessons/first-steps", { [name]: "some-token" })).toBe(false);
      expect(runsFor("http://localhost/coach/members", { [name]: "some-token" })).toBe(false);
    }
  });

  it("leaves public pages alone", () => {
    for (const path of ["/", "/quiz", "/pricing", "/signin", "/newsletter"]) expect(runsFor(`http://localhost${path}`)).toBe(false);
  });
});
