import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/http/limits";
import nextConfig from "./next.config";
import { config, proxy } from "./proxy";

const PRIVATE = ["/dojo", "/dojo/lessons/first-steps", "/dojo/check-ins/new", "/account", "/account/billing", "/coach/members", "/coach/check-ins/abc", "/join"];
const NONCE_ONLY = ["/signin/verify", "/billing/success"];
const PUBLIC = ["/", "/quiz", "/pricing", "/newsletter/archive", "/newsletter/archive/12-some-issue", "/articles", "/articles/some-article", "/signin", "/signin/sent", "/newsletter", "/newsletter/confirm", "/help", "/joinus", "/dojox"];
const session = { [SESSION_COOKIES[1]]: "some-token" };
const rsc = { rsc: "1" };

const runsFor = (path: string, opts: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}) =>
  unstable_doesMiddlewareMatch({ config, url: `http://localhost${path}`, ...opts });

function policyOf(res: Response) {
  const sent = res.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(sent)?.[1];
  const directives = new Map(sent.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  return { sent, nonce, directives, toRender: res.headers.get("x-middleware-request-content-security-policy") };
}

describe("proxy: signing in first", () => {
  it("names exactly the session cookies in every cookie matcher", () => {
    const cookieMatchers = config.matcher.filter((m) => m.missing.some((c) => c.type === "cookie"));
    expect(cookieMatchers.length).toBeGreaterThan(0);
    for (const m of cookieMatchers) expect(m.missing.filter((c) => c.type === "cookie").map((c) => c.key).sort()).toEqual([...SESSION_COOKIES].sort());
  });

  it("sends a visitor with no session cookie from a private page to sign in, for pages and client navigations alike", () => {
    for (const path of PRIVATE) {
      expect(runsFor(path)).toBe(true);
      expect(runsFor(path, { headers: rsc })).toBe(true);
      // A server action answers for itself ("you've been signed out"), so it is not redirected.
      expect(runsFor(path, { headers: { "next-action": "abc123" } })).toBe(false);
    }
    const res = proxy(new NextRequest("http://localhost/dojo/lessons/first-steps?x=1"));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/dojo/lessons/first-steps?x=1");
  });

  it("never sends anyone from the sign-in link's page or the billing result to sign in", () => {
    for (const path of NONCE_ONLY) expect(proxy(new NextRequest(`http://localhost${path}`)).status).toBe(200);
  });
});

describe("proxy: a nonce for every private document", () => {
  it("runs for a signed-in member's page loads, and stays off their client navigations and server action calls", () => {
    for (const path of [...PRIVATE, ...NONCE_ONLY]) {
      expect(runsFor(path, { cookies: session })).toBe(true);
      expect(runsFor(path, { cookies: session, headers: rsc })).toBe(false);
      expect(runsFor(path, { cookies: session, headers: { "next-action": "abc123" } })).toBe(false);
    }
  });

  it("gives the page and the browser the same strict policy with a fresh nonce each time", () => {
    const request = () => new NextRequest("http://localhost/dojo/lessons/first-steps", { headers: { cookie: "authjs.session-token=t" } });
    const first = policyOf(proxy(request()));
    const second = policyOf(proxy(request()));
    expect(first.toRender).toBe(first.sent);
    expect(first.nonce).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(second.nonce).not.toBe(first.nonce);
    const d = first.directives;
    expect(d.get("script-src")).toEqual([`'nonce-${first.nonce}'`, "'strict-dynamic'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("style-src")).toEqual(["'self'"]);
    // No STRIPE_API_URL and no key in the unit tests: the SDK talks to the emulator, so its checkout does too.
    expect(d.get("form-action")).toEqual(["'self'", "http://127.0.0.1:12111"]);
  });

  it("replaces a Content-Security-Policy header the client sent, so no one chooses their own nonce", () => {
    const res = proxy(new NextRequest("http://localhost/coach/check-ins", { headers: { cookie: "authjs.session-token=t", "content-security-policy": "script-src 'nonce-chosen'" } }));
    expect(policyOf(res).toRender).not.toContain("chosen");
  });
});

describe("public pages", () => {
  it("are left to next.config.ts's policy: the proxy does not run for them", () => {
    for (const path of PUBLIC) {
      expect(runsFor(path)).toBe(false);
      expect(runsFor(path, { cookies: session })).toBe(false);
    }
  });

  it("get one policy each: next.config.ts's on public pages, none from it where the proxy sets the nonce", async () => {
    const configPolicy = async (path: string) => (await unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig })).headers.get("content-security-policy");
    for (const path of PUBLIC) {
      const policy = await configPolicy(path);
      expect(policy, path).toContain("script-src 'self' 'unsafe-inline'");
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).toContain("frame-ancestors 'none'");
    }
    for (const path of [...PRIVATE, ...NONCE_ONLY]) expect(await configPolicy(path), path).toBeNull();
  });
});

describe("proxy: a form post too big to take", () => {
  const post = (path: string, length: number, headers: Record<string, string> = {}) =>
    new NextRequest(`http://localhost${path}`, { method: "POST", headers: { "content-length": String(length), ...headers } });

  it("looks only at posts of a megabyte or more, and never at route handlers", () => {
    expect(runsFor("/newsletter", { headers: { "next-action": "abc", "content-length": "2000000" } })).toBe(true);
    expect(runsFor("/coach/newsletter/subscribers", { cookies: session, headers: { "next-action": "abc", "content-length": "7000000" } })).toBe(true);
    expect(runsFor("/newsletter", { headers: { "next-action": "abc", "content-length": "999999" } })).toBe(false);
    expect(runsFor("/api/stripe/webhook", { headers: { "content-length": "2000000" } })).toBe(false);
  });

  it("answers 413 with what to do beyond the limit, and lets a large import within it through untouched", async () => {
    const tooBig = proxy(post("/coach/newsletter/subscribers", ACTION_BODY_LIMIT_BYTES + 1, { "next-action": "abc", cookie: "authjs.session-token=t" }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toMatch(/nothing was saved.*send it again/);
    const withinLimit = proxy(post("/coach/newsletter/subscribers", ACTION_BODY_LIMIT_BYTES - 1, { "next-action": "abc", cookie: "authjs.session-token=t" }));
    expect(withinLimit.status).toBe(200);
    expect(withinLimit.headers.get("x-middleware-next")).toBe("1");
    expect(withinLimit.headers.get("content-security-policy")).toBeNull();
  });
});
