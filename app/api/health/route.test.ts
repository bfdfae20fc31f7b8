import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, setTestDatabase } from "@/db/client";
import { testDatabases, openFreshTestDatabase } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { GET } from "./route";

describe.each(testDatabases())("GET /api/health on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());

  it("answers 200 with the kind of database", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: target.kind });
  });
});

describe("GET /api/health when the database cannot answer", () => {
  it("answers 503 with a JSON error", async () => {
    const broken = openPglite();
    await broken.close();
    setTestDatabase(broken);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", error: "The database is not answering." });
    } finally {
      setTestDatabase(undefined);
    }
  });
});
