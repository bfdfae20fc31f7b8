import { count, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import type { DbHandle } from "@/db/client";
import { emailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { isEmailLinkUsable, requestEmailLink } from "./email-link";
import { userForSessionToken } from "./current-user";
import { purgeDeadSessions } from "./sessions";

process.env.ADMIN_EMAILS = "owner@example.com";
process.env.APP_URL = "http://localhost:3000";

/** The link as the member received it: read from the outbox row's text. */
async function linkFromOutbox(handle: DbHandle, to: string): Promise<URL> {
  const rows = await handle.db.select({ text: emailOutbox.textBody }).from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  const text = rows.at(-1)?.text ?? "";
  const match = text.match(/https?:\/\/\S+\/signin\/verify\?\S+/);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return new URL(match[0]);
}

/** Pressing "Sign in" on the verify page: a POST to Auth.js's callback with the link's parameters. */
function pressSignIn(link: URL) {
  const url = new URL(`/api/auth/callback/nodemailer${link.search}`, "http://localhost:3000");
  return POST(new NextRequest(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }));
}

const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));

describe.each(testDatabases())("email-link sign-in on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.execute(sql`truncate users, sessions, verification_tokens, email_outbox, rate_limits cascade`);
  });

  it("emails a link whose token is never stored, and which works once", async () => {
    expect(await requestEmailLink({ email: " Member@Example.com ", ip: "10.1.1.1", callbackUrl: "/dojo" })).toEqual({ ok: true });
    const link = await linkFromOutbox(handle, "member@example.com");
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const stored = await handle.db.select().from(verificationTokens);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const [mail] = await handle.db.select().from(emailOutbox);
    expect(mail?.subject).toBe("Your sign-in link");

    const first = await pressSignIn(link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("http://localhost:3000/dojo");
    const cookie = sessionCookie(first);
    expect(cookie).toBeDefined();
    const sessionToken = cookie?.split(";")[0]?.split("=")[1] ?? "";
    expect(Buffer.from(sessionToken, "base64url").length).toBeGreaterThanOrEqual(16);
    expect((await userForSessionToken(sessionToken))?.email).toBe("member@example.com");

    const again = await pressSignIn(link);
    expect(again.headers.get("location")).toContain("/signin/error?error=Verification");
    expect(sessionCookie(again)).toBeUndefined();
  });

  it("leaves the link usable after a GET or HEAD on it (a mail scanner)", async () => {
    await requestEmailLink({ email: "scanned@example.com", ip: "10.1.1.2" });
    const link = await linkFromOutbox(handle, "scanned@example.com");
    const callback = new URL(`/api/auth/callback/nodemailer${link.search}`, "http://localhost:3000");
    const get = await GET(new NextRequest(callback));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/signin/verify${link.search}`);
    await GET(new NextRequest(callback, { method: "HEAD" }));
    expect(await isEmailLinkUsable("scanned@example.com", link.searchParams.get("token") ?? "")).toBe(true);
    expect((await pressSignIn(link)).status).toBe(302);
    expect(await isEmailLinkUsable("scanned@example.com", link.searchParams.get("token") ?? "")).toBe(false);
  });

  it("refuses an expired link", async () => {
    await requestEmailLink({ email: "late@example.com", ip: "10.1.1.3" });
    const link = await linkFromOutbox(handle, "late@example.com");
    await handle.db.update(verificationTokens).set({ expires: new Date(Date.now() - 1000) }).where(sql`true`);
    expect(await isEmailLinkUsable("late@example.com", link.searchParams.get("token") ?? "")).toBe(false);
    const res = await pressSignIn(link);
    expect(res.headers.get("location")).toContain("error=Verification");
    expect((await handle.db.select({ n: count() }).from(sessions))[0]?.n).toBe(0);
  });

  it("gives one session when the same link is redeemed 20 times at once", async () => {
    await requestEmailLink({ email: "eager@example.com", ip: "10.1.1.4" });
    const link = await linkFromOutbox(handle, "eager@example.com");
    const answers = await Promise.all(Array.from({ length: 20 }, () => pressSignIn(link)));
    expect(answers.filter((r) => sessionCookie(r)).length).toBe(1);
    expect((await handle.db.select({ n: count() }).from(sessions))[0]?.n).toBe(1);
  });

  it("never redirects off-site after sign-in", async () => {
    await requestEmailLink({ email: "safe@example.com", ip: "10.1.1.5", callbackUrl: "https://evil.example/steal" });
    const link = await linkFromOutbox(handle, "safe@example.com");
    expect(link.searchParams.get("callbackUrl")).toBe("/dojo");
    const tampered = new URL(link);
    tampered.searchParams.set("callbackUrl", "https://evil.example/steal");
    const res = await pressSignIn(tampered);
    expect(new URL(res.headers.get("location") ?? "").origin).toBe("http://localhost:3000");
  });

  it("limits links per address and per IP with no email sent, without saying whether the address exists", async () => {
    for (let i = 0; i < 5; i++) expect((await requestEmailLink({ email: "busy@example.com", ip: `10.2.0.${i}` })).ok).toBe(true);
    const limited = await requestEmailLink({ email: "busy@example.com", ip: "10.2.0.99" });
    expect(limited).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(limited.ok ? "" : limited.message).not.toMatch(/account|exist|registered/i);

    for (let i = 0; i < 20; i++) expect((await requestEmailLink({ email: `p${i}@example.com`, ip: "10.3.0.1" })).ok).toBe(true);
    expect(await requestEmailLink({ email: "p21@example.com", ip: "10.3.0.1" })).toMatchObject({ ok: false, reason: "rate_limited" });

    expect((await handle.db.select({ n: count() }).from(emailOutbox))[0]?.n).toBe(25);
    expect((await handle.db.select({ n: count() }).from(verificationTokens))[0]?.n).toBe(25);
  });

  it("refuses a malformed address and stores nothing", async () => {
    for (const email of ["", "not-an-email", '"a"@b.com', "a@b.com, c@d.com", 42]) {
      expect(await requestEmailLink({ email, ip: "10.4.0.1" })).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect((await handle.db.select({ n: count() }).from(emailOutbox))[0]?.n).toBe(0);
  });

  it("makes ADMIN_EMAILS addresses admin when they sign in, and nobody else", async () => {
    await requestEmailLink({ email: "owner@example.com", ip: "10.5.0.1" });
    await requestEmailLink({ email: "someone@example.com", ip: "10.5.0.1" });
    await pressSignIn(await linkFromOutbox(handle, "owner@example.com"));
    await pressSignIn(await linkFromOutbox(handle, "someone@example.com"));
    const roles = await handle.db.select({ email: users.email, role: users.role }).from(users).orderBy(users.email);
    expect(roles).toEqual([
      { email: "owner@example.com", role: "admin" },
      { email: "someone@example.com", role: "member" },
    ]);
  });

  it("ends a session after a week idle, and after 30 days whatever happens", async () => {
    await requestEmailLink({ email: "idle@example.com", ip: "10.6.0.1" });
    const res = await pressSignIn(await linkFromOutbox(handle, "idle@example.com"));
    const token = sessionCookie(res)?.split(";")[0]?.split("=")[1] ?? "";
    expect(await userForSessionToken(token)).not.toBeNull();
    const in8Days = new Date(Date.now() + 8 * 86_400_000);
    expect(await userForSessionToken(token, in8Days)).toBeNull();
    await handle.db.update(sessions).set({ lastSeenAt: new Date(Date.now() + 30 * 86_400_000) }).where(eq(sessions.sessionToken, token));
    expect(await userForSessionToken(token, new Date(Date.now() + 31 * 86_400_000))).toBeNull();
    // Housekeeping removes it for good.
    await purgeDeadSessions(new Date(Date.now() + 31 * 86_400_000));
    expect(await handle.db.query.sessions.findFirst({ where: eq(sessions.sessionToken, token) })).toBeUndefined();
  });
});
