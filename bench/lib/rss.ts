// Peak memory of the app server: every 200 ms the resident set of the server
// process and any process it started, summed; plus the kernel's own high-water
// mark (VmHWM) of each, which catches a peak between two samples.
import fs from "node:fs";
import { descendants } from "./procs";

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // gone
  }
}

export interface RssSampler {
  /** Marks a phase, so the report says during which measurement the peak happened. */
  phase(name: string): void;
  stop(): RssReport;
}

export interface RssReport {
  peakMb: number;
  peakPhase: string;
  /** Highest VmHWM of any single process of the tree (the kernel's exact peak). */
  hwmMb: number;
  samples: number;
  byPhase: Record<string, number>;
}

export function sampleRss(pid: number, everyMs = 200): RssSampler {
  let phase = "start";
  let peakKb = 0;
  let peakPhase = phase;
  let hwmKb = 0;
  let samples = 0;
  const byPhase: Record<string, number> = {};
  const tick = () => {
    const tree = [pid, ...descendants(pid)];
    const kb = tree.reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0);
    for (const p of tree) hwmKb = Math.max(hwmKb, statusKb(p, "VmHWM"));
    samples++;
    byPhase[phase] = Math.max(byPhase[phase] ?? 0, Math.round(kb / 1024));
    if (kb > peakKb) {
      peakKb = kb;
      peakPhase = phase;
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    phase: (name) => {
      tick();
      phase = name;
    },
    stop: () => {
      tick();
      clearInterval(timer);
      return { peakMb: Math.round(peakKb / 1024), peakPhase, hwmMb: Math.round(hwmKb / 1024), samples, byPhase };
    },
  };
}
