import { afterEach, describe, expect, it, vi } from "vitest";
import { currentRequestId, log, reason, requestIdFrom, withRequestId } from "./index";

describe("log lines", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("writes one JSON object per line in production, with the request's id across awaits", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const out = vi.spyOn(console, "error").mockImplementation(() => {});
    await withRequestId("req-12345678", async () => {
      await new Promise((r) => setTimeout(r, 5));
      log.error("stripe webhook failed", { type: "invoice.paid", event: "evt_1", reason: "boom" });
    });
    expect(out).toHaveBeenCalledTimes(1);
    const line = String(out.mock.calls[0]?.[0]);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ level: "error", msg: "stripe webhook failed", requestId: "req-12345678", type: "invoice.paid", event: "evt_1", reason: "boom" });
    expect(currentRequestId()).toBeUndefined();
  });

  it("writes plain text for a person in development, a configuration problem below the line as written", () => {
    vi.stubEnv("NODE_ENV", "development");
    const out = vi.spyOn(console, "error").mockImplementation(() => {});
    log.error("cannot start", { problem: "Invalid environment variables:\n  AUTH_SECRET: too short", code: 1 });
    expect(String(out.mock.calls[0]?.[0])).toBe("cannot start code=1\nInvalid environment variables:\n  AUTH_SECRET: too short");
  });

  it("keeps an error's code and first line only: a failed query's parameters, which can be personal, stay out", () => {
    const err = Object.assign(new Error('Failed query: insert into users ...\nparams: ana@example.com,"I miss him"'), { code: "23505" });
    expect(reason(err)).toBe("23505: Failed query: insert into users ...");
    expect(reason(new Error("connect to postgres://dojo:secret@db:5432/dojo failed"))).not.toContain("secret");
    // The whole message, on one line, for an SMTP error a coach reads in the outbox.
    expect(reason(Object.assign(new Error("550 rejected\n  by smtp://user:pw@mail.example"), { code: "EENVELOPE" }), "all")).toBe("EENVELOPE: 550 rejected by smtp://mail.example");
  });

  it("takes the load balancer's request id when it looks like one, else makes one", () => {
    expect(requestIdFrom("abc-1234-def")).toBe("abc-1234-def");
    expect(requestIdFrom("short")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('x"; drop table users; --')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
