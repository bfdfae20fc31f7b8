// The CLI as `npm run dev` would start it: one line on start, a clean exit on SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("main.ts", () => {
  it("prints its address, serves, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "main.ts")], {
      cwd: path.join(import.meta.dirname, "../.."),
      env: { ...process.env, STRIPE_EMULATOR_PORT: "0", STRIPE_WEBHOOK_URL: "http://127.0.0.1:9/unused" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const deadline = Date.now() + 20_000;
    while (!/\n/.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const match = /^Stripe emulator on (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(output);
    expect(match, output).not.toBeNull();

    const response = await fetch(`${match?.[1]}/v1/prices/price_dojo_monthly`, { headers: { Authorization: "Bearer sk_test_cli" } });
    expect(response.status).toBe(200);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
