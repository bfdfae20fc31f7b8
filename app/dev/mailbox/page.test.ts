import { sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { enqueueEmail } from "@/lib/email/outbox";
import { signInLinkEmail } from "@/lib/email/templates";
import DevMailboxPage from "./page";

const render = async (searchParams: { id?: string }) => renderToStaticMarkup(await DevMailboxPage({ searchParams: Promise.resolve(searchParams) }));

describe.each(testDatabases())("/dev/mailbox on $kind", (target) => {
  let handle: DbHandle;
  let id: number;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await handle.db.execute(sql`truncate email_outbox`);
    ({ id } = await enqueueEmail({ to: "ana@example.test", ...signInLinkEmail({ url: "https://dojo.test/signin?token=abc", minutes: 10 }) }));
  });
  afterAll(() => handle.close());
  afterEach(() => vi.unstubAllEnvs());

  it("lists the outbox in development, and shows one HTML part in a sandboxed frame", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const list = await render({});
    expect(list).toContain("ana@example.test");
    expect(list).toContain("Your sign-in link");
    expect(list).toContain('<a href="https://dojo.test/signin?token=abc"');
    expect(list).toContain(`href="/dev/mailbox?id=${id}"`);
    expect(list).not.toContain("<iframe");

    const one = await render({ id: String(id) });
    expect(one).toMatch(/<iframe[^>]*sandbox="allow-popups allow-popups-to-escape-sandbox"/);
    expect(one).toContain("srcDoc=");
    expect(one).not.toMatch(/sandbox="[^"]*allow-(scripts|same-origin)/);
  });

  it.each(["production", "test"])("does not exist when NODE_ENV is %s", async (mode) => {
    vi.stubEnv("NODE_ENV", mode);
    await expect(render({})).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
