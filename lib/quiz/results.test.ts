import { createHash } from "node:crypto";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { quizEvents, quizResults } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { recordFunnelEvent } from "./funnel";
import { createQuizResult, getQuizResult, purgeExpiredQuizResults } from "./results";

const answers = {
  when: "days",
  safety: ["self_harm"],
};

describe.each(testDatabases())("stored quiz results on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.execute(sql`truncate quiz_results, quiz_events cascade`);
  });

  it("keeps rendering the snapshot it stored, even when the stored rules would now say otherwise", async () => {
    const created = await createQuizResult(answers);
    if (!created.ok) throw new Error("expected a result");
    expect(created.snapshot.prescription.id).toBe("safety_first");
    // Simulate a later rules change: the stored answers now point elsewhere, the snapshot does not move.
    await handle.db.update(quizResults).set({ prescriptionId: "stay_the_course" }).where(sql`true`);
    const later = await getQuizResult(created.token);
    expect(later).toEqual(created.snapshot);
  });

  it("finds nothing for unknown or malformed tokens", async () => {
    expect(await getQuizResult("AAAAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(await getQuizResult("../../etc/passwd")).toBeNull();
    expect(await getQuizResult("")).toBeNull();
  });

  it("purges results older than the retention period and keeps the rest", async () => {
    const old = await createQuizResult(answers);
    const recent = await createQuizResult(answers);
    if (!old.ok || !recent.ok) throw new Error("expected results");
    const oldHash = createHash("sha256").update(old.token).digest("hex");
    await handle.db.execute(sql`update quiz_results set created_at = now() - interval '181 days' where token_hash = ${oldHash}`);
    expect(await purgeExpiredQuizResults(180)).toBe(1);
    const [row] = await handle.db.select({ n: count() }).from(quizResults);
    expect(row?.n).toBe(1);
    expect(await getQuizResult(old.token)).toBeNull();
    expect(await getQuizResult(recent.token)).not.toBeNull();
  });

  it("records funnel steps without anything personal, and ignores steps of unknown questions", async () => {
    expect(await recordFunnelEvent({ type: "started", version: 1 })).toBe(true);
    expect(await recordFunnelEvent({ type: "answered", version: 1, questionId: "ties" })).toBe(true);
    expect(await recordFunnelEvent({ type: "answered", version: 1, questionId: "shoe_size" })).toBe(false);
    expect(await recordFunnelEvent({ type: "answered", version: 99, questionId: "ties" })).toBe(false);
    const rows = await handle.db.select({ type: quizEvents.type, questionId: quizEvents.questionId }).from(quizEvents);
    expect(rows).toEqual([
      { type: "started", questionId: null },
      { type: "answered", questionId: "ties" },
    ]);
  });
});
