import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Journeys run in parallel on one database and read their sign-in links from one mailbox, so
// each journey that signs in as a coach needs a coach account of its own: two journeys on one
// account take each other's links and one of them waits until it times out.
const dir = import.meta.dirname;
const specs = fs.readdirSync(dir).filter((f) => f.endsWith(".spec.ts"));
const uses = specs.flatMap((file) =>
  [...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/signInAsCoach\(\s*\w+\s*,\s*(\d+)/g)].map((m) => ({ file, n: Number(m[1]) })),
);
const configured = Number(/length: (\d+) \}, \(_, i\) => `coach\$\{i \+ 1\}@example\.com`/.exec(fs.readFileSync(path.join(dir, "..", "playwright.config.ts"), "utf8"))?.[1]);

describe("the e2e suite's coach accounts", () => {
  it("finds the journeys that sign in as a coach", () => {
    expect(uses.length).toBeGreaterThan(5);
  });

  it("gives each journey its own coach account", () => {
    const seen = new Map<number, string>();
    const clashes: string[] = [];
    for (const { file, n } of uses) {
      const other = seen.get(n);
      if (other) clashes.push(`coach${n}: ${other} and ${file}`);
      seen.set(n, file);
    }
    expect(clashes).toEqual([]);
  });

  it("uses only accounts the e2e stack makes coaches (ADMIN_EMAILS in playwright.config.ts)", () => {
    expect(configured).toBeGreaterThan(0);
    expect(uses.filter((u) => u.n < 1 || u.n > configured)).toEqual([]);
  });
});
