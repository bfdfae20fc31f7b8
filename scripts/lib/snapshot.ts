// A copy of the working tree in a temporary folder, for a build that must not
// touch the repository's own `.next` (the benchmark's snapshot, the image
// test's standalone build): other runs may be building or serving there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Not part of the app: tests (a half-written one would fail the build's typecheck), e2e, the benchmark itself. */
const EXCLUDE = [
  "node_modules", ".next", ".data", ".git", "test-results", "playwright-report", "bench", "e2e", "playwright.config.ts",
  "*.tsbuildinfo", "*.test.ts", "*.test.tsx", "__scratch",
];

export interface TreeCopy {
  dir: string;
  remove(): void;
}

/** Copies the app's sources under `prefix` in the temp folder, with node_modules as hard links. */
export function copyTree(repo: string, prefix: string): TreeCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync("rsync", ["-a", ...EXCLUDE.flatMap((e) => ["--exclude", e]), `${repo}/`, `${dir}/`]);
    // Hard links: a 770 MB node_modules in about a second, read-only use. A symlink would not do:
    // Turbopack refuses a node_modules that points outside the project root.
    execFileSync("cp", ["-al", path.join(repo, "node_modules"), path.join(dir, "node_modules")]);
    return { dir, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
