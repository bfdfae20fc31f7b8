import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox, newsletterIssues, newsletterSubscribers, subscriptions } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { audienceSizes, deleteDraft, getIssue, listIssues, saveIssue, scheduleIssue, sendIssueNow, sendTestIssue, unscheduleIssue } from "./issues";
import { getIssueProgress } from "./progress";
import { makeUser, truncateNewsletter } from "./testing";

const input = { subject: "A quiet week", bodyMd: "Hello **you**.", audience: "all", visibility: "public" };

describe.each(testDatabases())("writing and scheduling issues on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;
  let member: CurrentUser;
  const row = async (id: number) => (await handle.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)))[0];

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await truncateNewsletter(handle);
    coach = await makeUser(handle, "coach@example.com", "coach", "America/New_York");
    member = await makeUser(handle, "member@example.com");
  });

  it("saves drafts and says clearly what is wrong with bad input, changing nothing", async () => {
    const created = await saveIssue(coach, null, input);
    if (!created.ok) throw new Error(created.error);
    expect(await saveIssue(coach, created.id, { ...input, subject: "  " })).toEqual({ ok: false, error: "Give the issue a subject.", fieldErrors: { subject: "Give the issue a subject." } });
    expect(await saveIssue(coach, created.id, { ...input, subject: "Two\nlines" })).toEqual({ ok: false, error: "Keep the subject on one line.", fieldErrors: { subject: "Keep the subject on one line." } });
    expect(await saveIssue(coach, created.id, { ...input, audience: "everyone" })).toEqual({ ok: false, error: "Choose who gets this issue.", fieldErrors: { audience: "Choose who gets this issue." } });
    expect(await row(created.id)).toMatchObject({ subject: "A quiet week", audience: "all", status: "draft", createdBy: coach.id });
    expect(await saveIssue(coach, created.id, { ...input, bodyMd: "Line one\r\nLine two" })).toEqual({ ok: true, id: created.id });
    expect((await row(created.id))?.bodyMd).toBe("Line one\nLine two");
    expect((await listIssues(coach)).map((i) => i.id)).toEqual([created.id]);
  });

  it("is for coaches only, and a member's attempt changes nothing", async () => {
    const created = await saveIssue(coach, null, input);
    if (!created.ok) throw new Error(created.error);
    await expect(saveIssue(member, null, input)).rejects.toThrow(ForbiddenError);
    await expect(saveIssue(member, created.id, { ...input, subject: "Hijacked" })).rejects.toThrow(ForbiddenError);
    await expect(sendIssueNow(member, created.id)).rejects.toThrow(ForbiddenError);
    await expect(getIssue(member, created.id)).rejects.toThrow(ForbiddenError);
    await expect(getIssueProgress(member, created.id)).rejects.toThrow(ForbiddenError);
    await expect(audienceSizes(member)).rejects.toThrow(ForbiddenError);
    expect(await row(created.id)).toMatchObject({ subject: "A quiet week", status: "draft" });
  });

  it("sends a marked test copy to the coach's own address", async () => {
    const created = await saveIssue(coach, null, input);
    if (!created.ok) throw new Error(created.error);
    expect(await sendTestIssue(coach, created.id)).toEqual({ ok: true, to: "coach@example.com" });
    const [mail] = await handle.db.select().from(emailOutbox);
    expect(mail).toMatchObject({ toAddress: "coach@example.com", subject: "[Test] A quiet week" });
    expect(mail?.htmlBody).toContain("<strong>you</strong>");
    const empty = await saveIssue(coach, null, { ...input, bodyMd: "  " });
    if (!empty.ok) throw new Error(empty.error);
    expect(await sendTestIssue(coach, empty.id)).toEqual({ ok: false, error: "Write something first: the issue is empty." });
  });

  it("schedules for the coach's wall-clock time, refuses the past, and can be taken back", async () => {
    const created = await saveIssue(coach, null, input);
    if (!created.ok) throw new Error(created.error);
    const now = new Date("2025-07-01T12:00:00Z");
    const r = await scheduleIssue(coach, created.id, "2025-07-02T09:30", now);
    expect(r).toEqual({ ok: true, at: new Date("2025-07-02T13:30:00Z") });
    expect(await row(created.id)).toMatchObject({ status: "scheduled", scheduledAt: new Date("2025-07-02T13:30:00Z") });
    expect(await scheduleIssue(coach, created.id, "2025-07-01T07:00", now)).toMatchObject({ ok: false, error: expect.stringMatching(/passed/) });
    expect(await scheduleIssue(coach, created.id, "soon", now)).toMatchObject({ ok: false, error: "Choose a date and time to send it." });
    expect(await scheduleIssue(coach, created.id, "2027-07-01T07:00", now)).toMatchObject({ ok: false, error: expect.stringMatching(/next year/) });
    expect((await row(created.id))?.scheduledAt).toEqual(new Date("2025-07-02T13:30:00Z"));
    expect(await unscheduleIssue(coach, created.id)).toEqual({ ok: true });
    expect(await row(created.id)).toMatchObject({ status: "draft", scheduledAt: null });
  });

  it("once sending, an issue can no longer be edited, rescheduled or deleted", async () => {
    await handle.db.insert(newsletterSubscribers).values({ email: "reader@example.com", status: "confirmed", source: "home" });
    const created = await saveIssue(coach, null, input);
    if (!created.ok) throw new Error(created.error);
    expect(await sendIssueNow(coach, created.id)).toEqual({ ok: true, recipients: 1 });
    expect(await saveIssue(coach, created.id, { ...input, subject: "Changed" })).toMatchObject({ ok: false });
    expect(await sendIssueNow(coach, created.id)).toMatchObject({ ok: false });
    expect(await scheduleIssue(coach, created.id, "2099-01-01T10:00")).toMatchObject({ ok: false });
    expect(await deleteDraft(coach, created.id)).toMatchObject({ ok: false });
    expect(await row(created.id)).toMatchObject({ subject: "A quiet week", status: "sending" });
    expect(await handle.db.select().from(emailOutbox)).toHaveLength(1);
  });

  it("counts each audience among confirmed subscribers", async () => {
    const paying = await makeUser(handle, "paying@example.com");
    await handle.db.insert(subscriptions).values({ id: "sub_a", userId: paying.id, stripeCustomerId: "cus_a", status: "active" });
    await handle.db.insert(newsletterSubscribers).values([
      { email: "paying@example.com", status: "confirmed", source: "account" },
      { email: "member@example.com", status: "confirmed", source: "account" },
      { email: "reader@example.com", status: "confirmed", source: "home" },
      { email: "pending@example.com", status: "pending", source: "home" },
    ]);
    expect(await audienceSizes(coach)).toEqual({ all: 3, members: 1, non_members: 2 });
  });
});
