// CPU time the server spent, read from /proc. On a shared, noisy machine a
// busy neighbour lowers requests/s but not the CPU each request costs, so
// "server CPU per request" is the steadier figure to compare with a control.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { descendants } from "./procs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** utime + stime of the process and its descendants, in milliseconds. */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
