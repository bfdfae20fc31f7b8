import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { newsletterIssues, subscriptions } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { archivePath, getArchiveIssue, idFromSlug, listArchive, memberLetterPath, slugify } from "./archive";
import { makeUser, truncateNewsletter } from "./testing";

describe("archive addresses", () => {
  it("makes readable slugs and reads the id back", () => {
    expect(slugify("When they text first — what now?")).toBe("when-they-text-first-what-now");
    expect(slugify("¿Qué pasó?")).toBe("que-paso");
    expect(slugify("!!!")).toBe("issue");
    expect(archivePath({ id: 12, subject: "Hello there" })).toBe("/newsletter/archive/12-hello-there");
    expect(memberLetterPath({ id: 12, subject: "Hello there" })).toBe("/dojo/letters/12-hello-there");
    expect(idFromSlug("12-hello-there")).toBe(12);
    expect(idFromSlug("12")).toBe(12);
    expect(idFromSlug("hello")).toBeNull();
    expect(idFromSlug("12abc")).toBeNull();
  });
});

describe.each(testDatabases())("the archive on $kind", (target) => {
  let handle: DbHandle;
  let ids: Record<string, number>;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await truncateNewsletter(handle);
    const rows = await handle.db
      .insert(newsletterIssues)
      .values([
        { subject: "Public one", bodyMd: "Open to **all**.", status: "sent", visibility: "public", startedAt: new Date("2025-01-01") },
        { subject: "Members one", bodyMd: "For members.", status: "sent", visibility: "members", startedAt: new Date("2025-02-01") },
        { subject: "Still a draft", bodyMd: "Secret.", status: "draft" },
        { subject: "Later", bodyMd: "Not yet.", status: "scheduled", scheduledAt: new Date("2099-01-01") },
      ])
      .returning({ id: newsletterIssues.id, subject: newsletterIssues.subject });
    ids = Object.fromEntries(rows.map((r) => [r.subject, r.id]));
  });

  it("lists only issues that went out; members-only bodies are for members and coaches", async () => {
    const listed = await listArchive();
    expect(listed.map((i) => [i.subject, i.membersOnly])).toEqual([
      ["Members one", true],
      ["Public one", false],
    ]);
    expect(await getArchiveIssue(null, ids["Still a draft"] ?? 0)).toBeNull();
    expect(await getArchiveIssue(null, ids["Later"] ?? 0)).toBeNull();
    expect((await getArchiveIssue(null, ids["Public one"] ?? 0))?.html).toContain("<strong>all</strong>");
    expect(await getArchiveIssue(null, ids["Members one"] ?? 0)).toMatchObject({ readable: false, html: null });

    const reader = await makeUser(handle, "reader@example.com");
    expect((await getArchiveIssue(reader, ids["Members one"] ?? 0))?.readable).toBe(false);
    await handle.db.insert(subscriptions).values({ id: "sub_r", userId: reader.id, stripeCustomerId: "cus_r", status: "active" });
    expect((await getArchiveIssue(reader, ids["Members one"] ?? 0))?.html).toContain("For members.");
    const coach = await makeUser(handle, "coach@example.com", "coach");
    expect((await getArchiveIssue(coach, ids["Members one"] ?? 0))?.html).toContain("For members.");
  });
});
