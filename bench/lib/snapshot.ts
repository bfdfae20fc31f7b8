// The benchmark builds a snapshot of the working tree in a temporary folder,
// not the repository's own `.next`: other people run `npm test` (which builds
// into `.next`) in this repository at the same time, and a build under a
// running `next start` breaks it. The snapshot also receives the bench-only
// control routes (bench/controls), so they are part of the same build as the
// pages they are compared with, yet never exist in the real app.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runToEnd } from "./procs";

/** Not part of the app: tests (a half-written one would fail the build's typecheck), e2e, the benchmark itself. */
const EXCLUDE = [
  "node_modules", ".next", ".data", ".git", "test-results", "playwright-report", "bench", "e2e", "playwright.config.ts",
  "*.tsbuildinfo", "*.test.ts", "*.test.tsx", "__scratch",
];

export interface Snapshot {
  dir: string;
  buildSeconds: number;
  remove(): void;
}

export async function buildSnapshot(repo: string): Promise<Snapshot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dojo-bench-"));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync("rsync", ["-a", ...EXCLUDE.flatMap((e) => ["--exclude", e]), `${repo}/`, `${dir}/`]);
    // Hard links: a 770 MB node_modules in about a second, read-only use. A symlink would not do:
    // Turbopack refuses a node_modules that points outside the project root.
    execFileSync("cp", ["-al", path.join(repo, "node_modules"), path.join(dir, "node_modules")]);
    fs.cpSync(path.join(repo, "bench", "controls"), path.join(dir, "app", "(bench)"), { recursive: true });
    const started = performance.now();
    await runToEnd("next-build", process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: dir,
      env: { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    return { dir, buildSeconds: (performance.now() - started) / 1000, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
