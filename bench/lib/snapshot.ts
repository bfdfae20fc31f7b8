// The benchmark builds a snapshot of the working tree in a temporary folder,
// not the repository's own `.next`: other people run `npm test` (which builds
// into `.next`) in this repository at the same time, and a build under a
// running `next start` breaks it. The snapshot also receives the bench-only
// control routes (bench/controls), so they are part of the same build as the
// pages they are compared with, yet never exist in the real app.
import fs from "node:fs";
import path from "node:path";
import { copyTree } from "../../scripts/lib/snapshot";
import { runToEnd } from "./procs";

export interface Snapshot {
  dir: string;
  buildSeconds: number;
  remove(): void;
}

export async function buildSnapshot(repo: string): Promise<Snapshot> {
  const { dir, remove } = copyTree(repo, "dojo-bench-");
  try {
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
