import { describe, expect, it } from "vitest";
import { openPglite, setTestDatabase } from "@/db/client";
import { GET } from "./route";

describe("GET /api/health (liveness)", () => {
  it("answers 200 even when the database cannot, so an outage does not restart every instance", async () => {
    const broken = openPglite();
    await broken.close();
    setTestDatabase(broken);
    try {
      const res = GET();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    } finally {
      setTestDatabase(undefined);
    }
  });
});
