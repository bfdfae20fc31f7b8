import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openPglite } from "./client";
import { acquirePgliteLock, DataDirInUseError } from "./pglite-lock";

const dirs: string[] = [];
function tempDataDir() {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dojo-lock-")), "pglite");
  dirs.push(path.dirname(dir));
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("the PGlite folder lock", () => {
  it("refuses a folder whose lock names another live process, naming it", () => {
    const dir = tempDataDir();
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(`${dir}.lock`, String(sleeper.pid));
      expect(() => acquirePgliteLock(dir)).toThrow(DataDirInUseError);
      expect(() => acquirePgliteLock(dir)).toThrow(`in use by another process (pid ${sleeper.pid})`);
    } finally {
      sleeper.kill();
    }
  });

  it("takes over a lock left by a process that has died", () => {
    const dir = tempDataDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(`${dir}.lock`, dead);
    const release = acquirePgliteLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("stops a second real process from opening a folder this process holds", async () => {
    const dir = tempDataDir();
    const handle = openPglite(dir);
    await handle.migrate();
    try {
      const second = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db-migrate.ts"], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir },
        encoding: "utf8",
      });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`is in use by another process (pid ${process.pid})`);
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
