// How the production server is started, in one place: `npm start` (package.json),
// the e2e stack (playwright.config.ts) and the benchmark all run this command.
//
// The V8 flag bounds the heap's growth. Left to its defaults on a machine with
// plenty of RAM, V8 lets the old generation reach about four times the live
// heap before collecting it (here ~75 MB live became ~300 MB, 450-490 MB
// resident). With --heap-growing-percent=100 it collects at twice the live heap:
// ~300 MB resident for ~4% of the lesson page's throughput. A hard cap
// (--max-old-space-size=256) was worse: V8 then grows the heap by only 1.3x,
// collects every second under load and lost 20-25% of the throughput.
// (Measured with `npm run bench`, memory section, and --trace-gc.)
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=100"];

/** Arguments for `node`: flags, then `next start` on the given port and host. */
export function nextStartArgs(port, host = "127.0.0.1") {
  return [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", host];
}
