import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox, newsletterSubscribers } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import {
  checkConfirmLink,
  confirmSignup,
  forgetMemberAddress,
  memberNewsletterStatus,
  requestSignup,
  resubscribeWithToken,
  setMemberNewsletter,
  subscriptionForToken,
  unsubscribeWithToken,
} from "./subscribers";
import { lastEmailTo, linkIn, makeUser, truncateNewsletter } from "./testing";
import { manageToken } from "./tokens";

process.env.APP_URL = "http://localhost:3000";

const HOUR = 3_600_000;

describe.each(testDatabases())("newsletter sign-up on $kind", (target) => {
  let handle: DbHandle;
  const subscriber = async (email: string) => (await handle.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0];
  const mails = async (to: string) => handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(emailOutbox.id);
  const confirmLink = async (to: string) => linkIn((await lastEmailTo(handle, to))?.textBody, "/newsletter/confirm");

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(() => truncateNewsletter(handle));

  it("double opt-in: a pending row and a confirmation email; only the button press confirms", async () => {
    expect(await requestSignup({ email: " Ana@Example.com ", source: "quiz", ip: "10.0.0.1" })).toEqual({ ok: true });
    expect(await subscriber("ana@example.com")).toMatchObject({ status: "pending", source: "quiz", subscribedAt: null });
    const [mail] = await mails("ana@example.com");
    expect(mail?.subject).toBe("Please confirm your email address");
    const link = await confirmLink("ana@example.com");
    const token = link.searchParams.get("token");

    // Opening the link (what a mail scanner does) changes nothing.
    expect(await checkConfirmLink(token)).toEqual({ usable: true, email: "ana@example.com" });
    expect(await checkConfirmLink(token)).toEqual({ usable: true, email: "ana@example.com" });
    expect((await subscriber("ana@example.com"))?.status).toBe("pending");

    const confirmed = await confirmSignup(token);
    expect(confirmed.ok).toBe(true);
    const row = await subscriber("ana@example.com");
    expect(row).toMatchObject({ status: "confirmed", confirmNonce: null });
    expect(row?.subscribedAt).toBeInstanceOf(Date);
    if (confirmed.ok) expect(confirmed.manageToken).toBe(manageToken(row?.id ?? ""));

    // Used: the same link now does nothing.
    expect(await checkConfirmLink(token)).toEqual({ usable: false });
    expect(await confirmSignup(token)).toEqual({ ok: false });
  });

  it("asking again resends, never duplicates, and every link sent stays valid until confirmed", async () => {
    await requestSignup({ email: "bo@example.com", ip: "10.0.0.1" });
    const first = await confirmLink("bo@example.com");
    await requestSignup({ email: "BO@example.com", ip: "10.0.0.2" });
    const second = await confirmLink("bo@example.com");
    const [rows] = await handle.db.select({ n: count() }).from(newsletterSubscribers);
    expect(rows?.n).toBe(1);
    expect(await mails("bo@example.com")).toHaveLength(2);
    expect((await checkConfirmLink(first.searchParams.get("token"))).usable).toBe(true);
    expect((await confirmSignup(second.searchParams.get("token"))).ok).toBe(true);
    expect((await checkConfirmLink(first.searchParams.get("token"))).usable).toBe(false);
  });

  it("never reveals whether an address is subscribed: same answer, and the note goes to the inbox owner", async () => {
    await requestSignup({ email: "cy@example.com", ip: "10.0.0.1" });
    await confirmSignup((await confirmLink("cy@example.com")).searchParams.get("token"));
    const again = await requestSignup({ email: "cy@example.com", ip: "10.0.0.3" });
    const fresh = await requestSignup({ email: "new@example.com", ip: "10.0.0.3" });
    expect(again).toEqual(fresh);
    const note = await lastEmailTo(handle, "cy@example.com");
    expect(note?.subject).toBe("About your email preferences");
    expect(note?.textBody).toContain("/newsletter/manage?token=");
    expect((await subscriber("cy@example.com"))?.status).toBe("confirmed");
  });

  it("a link expires after 48 hours, and a tampered one is refused", async () => {
    const now = new Date();
    await requestSignup({ email: "di@example.com", ip: "10.0.0.1" }, now);
    const token = (await confirmLink("di@example.com")).searchParams.get("token") ?? "";
    expect((await checkConfirmLink(token, new Date(now.getTime() + 47 * HOUR))).usable).toBe(true);
    expect(await confirmSignup(token, new Date(now.getTime() + 49 * HOUR))).toEqual({ ok: false });
    const [id, exp, sig] = token.split(".");
    const later = (parseInt(exp ?? "0", 36) + 86_400).toString(36);
    expect(await confirmSignup(`${id}.${later}.${sig}`)).toEqual({ ok: false });
    // One character of the signature changed (always a change: a fixed replacement would equal it now and then).
    const tampered = `${sig?.startsWith("A") ? "B" : "A"}${sig?.slice(1)}`;
    expect(await confirmSignup(`${id}.${exp}.${tampered}`)).toEqual({ ok: false });
    expect(await confirmSignup(undefined)).toEqual({ ok: false });
    expect((await subscriber("di@example.com"))?.status).toBe("pending");
  });

  it("rejects a bad address with a clear message and stores nothing", async () => {
    const out = await requestSignup({ email: "not-an-address", ip: "10.0.0.1" });
    expect(out).toMatchObject({ ok: false, reason: "invalid", message: expect.stringMatching(/email address/) });
    const [n] = await handle.db.select({ n: count() }).from(newsletterSubscribers);
    expect(n?.n).toBe(0);
  });

  it("limits requests per address and per IP, sending nothing once limited", async () => {
    for (let i = 0; i < 5; i++) expect((await requestSignup({ email: "eve@example.com", ip: `10.1.0.${i}` })).ok).toBe(true);
    const limited = await requestSignup({ email: "eve@example.com", ip: "10.1.0.99" });
    expect(limited).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await mails("eve@example.com")).toHaveLength(5);

    for (let i = 0; i < 20; i++) expect((await requestSignup({ email: `ip${i}@example.com`, ip: "10.2.0.1" })).ok).toBe(true);
    expect(await requestSignup({ email: "ip-last@example.com", ip: "10.2.0.1" })).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await subscriber("ip-last@example.com")).toBeUndefined();
  });

  it("unsubscribes and resubscribes by signed token; a tampered token changes nothing", async () => {
    await requestSignup({ email: "fay@example.com", ip: "10.0.0.1" });
    const done = await confirmSignup((await confirmLink("fay@example.com")).searchParams.get("token"));
    if (!done.ok) throw new Error("not confirmed");
    const tampered = `${done.manageToken.slice(0, -3)}xyz`;
    const otherId = "00000000000000000000000000000000";
    expect(await subscriptionForToken(tampered)).toBeNull();
    expect(await subscriptionForToken(`${otherId}.${done.manageToken.split(".")[1]}`)).toBeNull();
    expect(await unsubscribeWithToken(tampered)).toBe(false);
    expect((await subscriber("fay@example.com"))?.status).toBe("confirmed");

    expect(await subscriptionForToken(done.manageToken)).toEqual({ email: "fay@example.com", status: "confirmed" });
    expect(await unsubscribeWithToken(done.manageToken)).toBe(true);
    const left = await subscriber("fay@example.com");
    expect(left).toMatchObject({ status: "unsubscribed" });
    expect(await unsubscribeWithToken(done.manageToken, new Date(Date.now() + HOUR))).toBe(true);
    expect((await subscriber("fay@example.com"))?.unsubscribedAt).toEqual(left?.unsubscribedAt);

    expect(await resubscribeWithToken(done.manageToken)).toBe(true);
    expect(await subscriber("fay@example.com")).toMatchObject({ status: "confirmed", unsubscribedAt: null });
  });

  it("someone who unsubscribed stays out until they confirm again", async () => {
    await requestSignup({ email: "gus@example.com", ip: "10.0.0.1" });
    const done = await confirmSignup((await confirmLink("gus@example.com")).searchParams.get("token"));
    if (!done.ok) throw new Error("not confirmed");
    await unsubscribeWithToken(done.manageToken);
    await requestSignup({ email: "gus@example.com", ip: "10.0.0.1" });
    expect((await subscriber("gus@example.com"))?.status).toBe("unsubscribed");
    expect((await confirmSignup((await confirmLink("gus@example.com")).searchParams.get("token"))).ok).toBe(true);
    expect((await subscriber("gus@example.com"))?.status).toBe("confirmed");
  });

  it("members turn it on and off for their own address from their account, without a confirmation email", async () => {
    const member = await makeUser(handle, "Member@Example.com");
    expect(await memberNewsletterStatus(member)).toEqual({ email: "member@example.com", status: "none" });
    await setMemberNewsletter(member, true);
    expect(await memberNewsletterStatus(member)).toEqual({ email: "member@example.com", status: "confirmed" });
    expect(await mails("member@example.com")).toHaveLength(0);
    await setMemberNewsletter(member, false);
    expect((await memberNewsletterStatus(member)).status).toBe("unsubscribed");
    await setMemberNewsletter(member, true);
    expect((await subscriber("member@example.com"))?.status).toBe("confirmed");
    await forgetMemberAddress(member);
    expect(await subscriber("member@example.com")).toBeUndefined();
  });
});
