import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { newsletterSubscribers } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { truncateNewsletter } from "@/lib/newsletter/testing";
import { manageToken } from "@/lib/newsletter/tokens";
import { GET, POST } from "./route";

process.env.APP_URL = "https://dojo.test";

/** What a mail app sends for RFC 8058 one-click unsubscribe: a form POST, no cookies, no session. */
const oneClick = (token: string) =>
  new Request(`https://dojo.test/newsletter/unsubscribe?${new URLSearchParams({ token })}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe.each(testDatabases())("one-click unsubscribe on $kind", (target) => {
  let handle: DbHandle;
  let id: string;
  const status = async () => (await handle.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, id)))[0]?.status;

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await truncateNewsletter(handle);
    const [row] = await handle.db.insert(newsletterSubscribers).values({ email: "reader@example.com", status: "confirmed", source: "home" }).returning();
    id = row?.id ?? "";
  });

  it("a POST without a session unsubscribes and answers 200, and again 200", async () => {
    const res = await POST(oneClick(manageToken(id)));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/unsubscribed/);
    expect(await status()).toBe("unsubscribed");
    expect((await POST(oneClick(manageToken(id)))).status).toBe(200);
  });

  it("a tampered token is refused and changes nothing", async () => {
    const token = manageToken(id);
    for (const bad of [`${token.slice(0, -2)}xx`, `${"0".repeat(32)}.${token.split(".")[1]}`, ""]) {
      expect((await POST(oneClick(bad))).status).toBe(400);
    }
    expect(await status()).toBe("confirmed");
  });

  it("a GET (a person or a link scanner) changes nothing and leads to the settings page", async () => {
    const res = await GET(new Request(`https://dojo.test/newsletter/unsubscribe?token=${manageToken(id)}`));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.pathname).toBe("/newsletter/manage");
    expect(location.searchParams.get("token")).toBe(manageToken(id));
    expect(location.searchParams.get("intent")).toBe("unsubscribe");
    expect(await status()).toBe("confirmed");
  });
});
