// A request the database could not serve is answered 503 with Retry-After;
// every other error is left to Next. And every route handler under app/ that
// can touch the database is built with the wrapper, so none is left out.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { route } from "./route";

/** What drizzle throws when postgres.js reports the server cut the connection. */
function terminated(): Error {
  const driver = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
  return Object.assign(new Error("Failed query: select 1\nparams: private"), { cause: driver });
}

describe("route()", () => {
  it("answers 503 with Retry-After and one log line when the database went away", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = route("GET /somewhere", async () => {
      throw terminated();
    });
    const res = await handler();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(((await res.json()) as { error: string }).error).toMatch(/try again in a few seconds/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^database unavailable where="GET \/somewhere" code=57P01 retryAfterSeconds=5 requestId=\S+$/);
    expect(String(log.mock.calls[0]?.[0])).not.toContain("private");
    log.mockRestore();
  });

  it("leaves every other error to Next, and passes answers through", async () => {
    const broken = route("GET /broken", async () => {
      throw Object.assign(new Error("duplicate key"), { code: "23505" });
    });
    await expect(broken()).rejects.toThrow("duplicate key");
    const fine = route("GET /fine", async (n: number) => new Response(String(n), { status: 201 }));
    const res = await fine(7);
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("7");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries the load balancer's request id into the log line and back in the answer", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = route("POST /somewhere", async (_request: Request) => {
      throw terminated();
    });
    const res = await handler(new Request("http://x/somewhere", { method: "POST", headers: { "x-request-id": "lb-trace-0001" } }));
    expect(res.headers.get("x-request-id")).toBe("lb-trace-0001");
    expect(String(log.mock.calls[0]?.[0])).toContain("requestId=lb-trace-0001");
    log.mockRestore();
  });
});

describe("route handlers under app/", () => {
  const appDir = path.resolve(import.meta.dirname, "../../app");
  const routeFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
  // Handlers that never meet the database through a request, each with its reason.
  const exempt: Record<string, string> = {
    "api/quiz/route.ts": "prerendered at build time from the quiz definition",
    "api/health/route.ts": "liveness: never asks the database",
    "api/ready/route.ts": "reports the database's state itself, 503 when it is down",
  };

  it("are all built with route()", () => {
    const files = routeFiles(appDir).map((f) => path.relative(appDir, f));
    expect(files.length).toBeGreaterThan(10);
    const bare = files
      .filter((f) => !(f in exempt))
      .filter((f) => {
        const text = fs.readFileSync(path.join(appDir, f), "utf8");
        return /export (async )?function (GET|POST|PUT|PATCH|DELETE)\b/.test(text) || !/export const (GET|POST) = route\(/.test(text);
      });
    expect(bare).toEqual([]);
  });
});
