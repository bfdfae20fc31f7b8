// How the production server is started, in one place: `npm start` (package.json),
// the e2e stack (playwright.config.ts) and the benchmark all run this command.
//
// The V8 flags bound the heap. Left to its defaults on a machine with plenty of
// RAM, V8 lets the old generation grow to about four times the live heap before
// collecting (here ~70 MB live became ~300 MB, 450+ MB resident). A larger young
// generation lets a request's short-lived objects die there instead of being
// promoted, so the cap costs no throughput (bench: `npm run bench`, memory section).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32", "--max-old-space-size=256"];

/** Arguments for `node`: flags, then `next start` on the given port and host. */
export function nextStartArgs(port, host = "127.0.0.1") {
  return [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", host];
}
