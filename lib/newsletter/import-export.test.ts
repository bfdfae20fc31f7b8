import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { newsletterSubscribers } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { exportSubscribers, importSubscribers, subscriberCounts } from "./import-export";
import { makeUser, truncateNewsletter } from "./testing";

describe.each(testDatabases())("subscriber import and export on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;
  const all = async () => Object.fromEntries((await handle.db.select().from(newsletterSubscribers)).map((r) => [r.email, r]));
  const total = async () => Number((await handle.db.select({ n: count() }).from(newsletterSubscribers))[0]?.n);

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await truncateNewsletter(handle);
    coach = await makeUser(handle, "coach@example.com", "coach");
  });

  const messy = [
    "email,name,status,subscribed",
    "ana@example.com,Ana,confirmed,2024-01-02", // 2
    "broken-line,,confirmed,", // 3
    "bo@example.com,Bo,,", // 4
    "left@example.com,Left,confirmed,", // 5: unsubscribed with us
    "BO@example.com,,confirmed,", // 6: duplicate of 4
    "optout@example.com,,unsubscribed,", // 7: confirmed with us, left the old list
    "cy@example.com,Cy,sometimes,", // 8
  ].join("\n");

  async function seedExisting() {
    await handle.db.insert(newsletterSubscribers).values([
      { email: "left@example.com", status: "unsubscribed", source: "newsletter", unsubscribedAt: new Date("2024-03-01T00:00:00Z") },
      { email: "optout@example.com", status: "confirmed", source: "newsletter", subscribedAt: new Date("2023-01-01T00:00:00Z") },
    ]);
  }

  it("with bad lines, imports nothing and lists each line to fix", async () => {
    await seedExisting();
    const out = await importSubscribers(coach, messy);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toBe("2 lines need fixing. Nothing was imported.");
    expect(out.errors.map((e) => e.line)).toEqual([3, 8]);
    expect(await total()).toBe(2);
  });

  it("imports the good lines when asked: duplicates merged, unsubscribed people stay unsubscribed, opt-outs honoured", async () => {
    await seedExisting();
    const out = await importSubscribers(coach, messy, { skipInvalid: true });
    expect(out).toMatchObject({
      ok: true,
      summary: { added: 2, updated: 1, unchanged: 1, keptUnsubscribed: 1, duplicatesMerged: 1, skippedLines: 2 },
    });
    const rows = await all();
    expect(Object.keys(rows).sort()).toEqual(["ana@example.com", "bo@example.com", "left@example.com", "optout@example.com"]);
    expect(rows["ana@example.com"]).toMatchObject({ status: "confirmed", name: "Ana", source: "import", subscribedAt: new Date("2024-01-02T00:00:00Z") });
    expect(rows["bo@example.com"]).toMatchObject({ status: "confirmed", name: "Bo" });
    expect(rows["left@example.com"]).toMatchObject({ status: "unsubscribed", unsubscribedAt: new Date("2024-03-01T00:00:00Z"), name: "Left" });
    expect(rows["optout@example.com"]?.status).toBe("unsubscribed");
    expect(rows["optout@example.com"]?.unsubscribedAt).toBeInstanceOf(Date);

    // The same file again changes nothing, and re-subscribes nobody.
    const again = await importSubscribers(coach, messy, { skipInvalid: true });
    expect(again).toMatchObject({ ok: true, summary: { added: 0, updated: 0, unchanged: 4, keptUnsubscribed: 1 } });
    expect((await all())["left@example.com"]?.status).toBe("unsubscribed");
  });

  it("a pending person the file lists as confirmed is confirmed, and their open link is closed", async () => {
    await handle.db.insert(newsletterSubscribers).values({ email: "pen@example.com", status: "pending", source: "home", confirmNonce: "n" });
    await importSubscribers(coach, "email,status\npen@example.com,confirmed\n");
    expect((await all())["pen@example.com"]).toMatchObject({ status: "confirmed", confirmNonce: null, source: "home" });
  });

  it("imports 10,000 rows in seconds", async () => {
    const lines = ["email,name,status,subscribed"];
    for (let i = 0; i < 10_000; i++) lines.push(`reader${i}@example.com,Reader ${i},${i % 10 === 0 ? "unsubscribed" : "confirmed"},2024-02-03`);
    const started = performance.now();
    const out = await importSubscribers(coach, lines.join("\n"));
    const seconds = (performance.now() - started) / 1000;
    console.log(`newsletter import on ${target.kind}: 10,000 rows in ${seconds.toFixed(2)} s`);
    expect(out).toMatchObject({ ok: true, summary: { added: 10_000 } });
    expect(seconds).toBeLessThan(10);
    expect(await subscriberCounts(coach)).toEqual({ confirmed: 9000, unsubscribed: 1000, pending: 0 });
  });

  it("exports email, name, status and subscribed date, and the export imports back unchanged", async () => {
    await seedExisting();
    await importSubscribers(coach, 'email,name\n"ana@example.com","Smith, Ana"\n');
    const csv = await exportSubscribers(coach);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("email,name,status,subscribed");
    expect(lines).toContain("left@example.com,,unsubscribed,");
    expect(lines).toContain("optout@example.com,,confirmed,2023-01-01T00:00:00.000Z");
    expect(lines.find((l) => l.startsWith("ana@"))).toMatch(/^ana@example.com,"Smith, Ana",confirmed,\d{4}-/);
    const back = await importSubscribers(coach, csv);
    expect(back).toMatchObject({ ok: true, summary: { added: 0, updated: 0, unchanged: 3 } });
  });

  it("is for coaches only", async () => {
    const member = await makeUser(handle, "member@example.com");
    await expect(importSubscribers(member, "email\na@example.com\n")).rejects.toThrow(ForbiddenError);
    await expect(exportSubscribers(member)).rejects.toThrow(ForbiddenError);
    expect(await total()).toBe(0);
    expect((await handle.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, "a@example.com"))).length).toBe(0);
  });
});
