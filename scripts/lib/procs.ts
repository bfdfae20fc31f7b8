// Child processes the benchmark and the outside-in suite start, and nothing else:
// every one is recorded here by pid and stopped by that pid (with its own
// descendants) when its step ends, and again on exit or Ctrl-C, so a failed run
// leaves no server behind.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  /** The last lines it printed (stdout and stderr), for error messages. */
  tail(): string;
  /** Resolves once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
  /** SIGKILL to the process and its descendants at once, as a crash or an OOM killer would; resolves once it has exited. */
  kill(): Promise<void>;
}

const running = new Set<Proc>();
let logDir: string | undefined;

/** Where each process's output is written in full (bench/results/logs). */
export function setLogDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  logDir = dir;
}

export interface StartOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pin to these CPUs with taskset (e.g. "1"): the server gets a core of its own. */
  cpus?: string;
}

/** Starts `cmd args` (under taskset when asked); the pid is the command's own, as taskset execs it. */
export function start(name: string, cmd: string, args: string[], opts: StartOptions = {}): Proc {
  const [file, argv] = opts.cpus ? ["taskset", ["-c", opts.cpus, cmd, ...args]] : [cmd, args];
  const child = spawn(file, argv, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${cmd})`);
  const log = logDir ? fs.createWriteStream(path.join(logDir, `${name}.log`)) : undefined;
  let recent: string[] = [];
  const keep = (chunk: Buffer) => {
    log?.write(chunk);
    recent = [...recent, ...chunk.toString("utf8").split("\n")].slice(-40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc: Proc = {
    name,
    pid: child.pid,
    child,
    tail: () => recent.join("\n"),
    exited,
    stop: async () => {
      running.delete(proc);
      await stopTree(child.pid ?? 0, exited);
      log?.end();
    },
    kill: async () => {
      running.delete(proc);
      for (const p of [child.pid ?? 0, ...descendants(child.pid ?? 0)]) {
        try {
          process.kill(p, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
      log?.end();
    },
  };
  running.add(proc);
  exited.then(() => running.delete(proc));
  return proc;
}

/**
 * Moves a running process and everything under it (every thread: `taskset -a`)
 * to `cpus`: the runner itself, or a program started by a library rather than by
 * `start`, such as Chromium under chrome-launcher. Later children inherit the set.
 * Throws if `pid` itself cannot be moved (no taskset, say).
 */
export function pinTree(pid: number, cpus: string): void {
  const move = (p: number) => execFileSync("taskset", ["-a", "-p", "-c", cpus, String(p)], { stdio: "ignore" });
  move(pid);
  for (const p of descendants(pid)) {
    try {
      move(p);
    } catch {
      // It exited in between: nothing left to move.
    }
  }
}

/** Pids of every descendant of `pid`, read from /proc (deepest last). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the ppid is the 2nd field after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process and the descendants it started, SIGKILL to whatever is left after 5 s. */
async function stopTree(pid: number, exited: Promise<unknown>): Promise<void> {
  if (!pid) return;
  const tree = [pid, ...descendants(pid)];
  for (const p of tree) {
    try {
      process.kill(p, "SIGTERM");
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000;
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const p of tree.filter(alive)) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Stops everything still running (the runner's exit path). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

/** Synchronous last resort for `process.on("exit")`: no awaiting possible there. */
export function killAllNow(): void {
  for (const p of running) {
    for (const pid of [p.pid, ...descendants(p.pid)]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  running.clear();
}

/** A TCP port nobody listens on right now (the OS picks it), so two runs or a dev server never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx; fails with the process's last output if it exits or time runs out. */
export async function waitForUrl(url: string, proc: Proc | undefined, timeoutMs = 60_000, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  proc?.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${proc?.name} exited (${exitCode}) before ${url} answered:\n${proc?.tail()}`);
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s${proc ? `; ${proc.name} said:\n${proc.tail()}` : ""}`);
}

/** Waits until `proc` has printed `text`; fails with its last output if it exits first or time runs out. */
export async function waitForOutput(proc: Proc, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  proc.exited.then((code) => (exitCode = code));
  while (!proc.tail().includes(text)) {
    if (exitCode !== undefined) throw new Error(`${proc.name} exited (${exitCode}) before printing "${text}":\n${proc.tail()}`);
    if (Date.now() > deadline) throw new Error(`${proc.name} did not print "${text}" within ${timeoutMs / 1000} s:\n${proc.tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a command to completion, resolving with its output; rejects with the output on a non-zero exit. */
export function runToEnd(name: string, cmd: string, args: string[], opts: StartOptions = {}): Promise<string> {
  const proc = start(name, cmd, args, opts);
  let out = "";
  proc.child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  proc.child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  return proc.exited.then((code) => {
    running.delete(proc);
    if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${out.split("\n").slice(-40).join("\n")}`);
    return out;
  });
}

/** `node --import tsx file`: one process per TypeScript program (the tsx CLI would add a parent process). */
export const tsNode = (file: string, conditions: string[] = []): [string, string[]] => [
  process.execPath,
  [...conditions.map((c) => `--conditions=${c}`), "--import", "tsx", file],
];

/** A benchmark worker that imports the app's server-only lib modules (see bench/workers/allow-server-only.ts). */
export const tsWorker = (repo: string, file: string): [string, string[]] => [
  process.execPath,
  ["--import", "tsx", "--import", pathToFileURL(`${repo}/bench/workers/allow-server-only.ts`).href, file],
];
