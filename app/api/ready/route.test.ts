import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, setTestDatabase } from "@/db/client";
import { testDatabases, openFreshTestDatabase } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { GET } from "./route";

describe.each(testDatabases())("GET /api/ready on $kind", (target) => {
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

describe("GET /api/ready when the database cannot answer or is migrating", () => {
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

  it("answers 503 while this process's migrations run (or wait for another instance's)", async () => {
    // connect() marks the state before it migrates; a PGlite folder held by this test keeps it there.
    const { connect } = await import("@/db/client");
    const started = connect({ PGLITE_DIR: "" });
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "migrating" });
    await (await started).close();
    setTestDatabase(undefined);
  });
});
