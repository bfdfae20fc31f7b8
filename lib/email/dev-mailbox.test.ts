import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { getDevMailboxHtml, listDevMailbox } from "./dev-mailbox";
import { enqueueEmail } from "./outbox";

describe.each(testDatabases())("dev mailbox on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await handle.db.execute(sql`truncate email_outbox`);
  });
  afterAll(() => handle.close());
  afterEach(() => vi.unstubAllEnvs());

  it("lists the latest 50 emails, newest first, and shows one's HTML, in development", async () => {
    vi.stubEnv("NODE_ENV", "development");
    for (let i = 1; i <= 55; i++) {
      await enqueueEmail({ to: `m${i}@example.test`, subject: `Subject ${i}`, text: `Text ${i}`, html: `<p>Html ${i}</p>` });
    }
    const list = await listDevMailbox();
    expect(list).toHaveLength(50);
    expect(list?.[0]).toMatchObject({ to: "m55@example.test", subject: "Subject 55", text: "Text 55", status: "pending" });
    expect(list?.at(-1)?.subject).toBe("Subject 6");
    const first = list?.[0];
    if (!first) throw new Error("expected a message");
    expect(await getDevMailboxHtml(first.id)).toEqual({ id: first.id, subject: "Subject 55", html: "<p>Html 55</p>" });
    expect(await getDevMailboxHtml(999_999)).toBeNull();
  });

  it.each(["production", "test"])("shows nothing when NODE_ENV is %s", async (mode) => {
    vi.stubEnv("NODE_ENV", mode);
    expect(await listDevMailbox()).toBeNull();
    expect(await getDevMailboxHtml(1)).toBeNull();
  });
});
