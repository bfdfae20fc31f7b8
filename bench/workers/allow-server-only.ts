// Preloaded into the benchmark's worker processes (`--import`). The app's lib
// modules start with `import "server-only"`, which throws outside React's
// server build; starting Node with `--conditions=react-server` instead would
// also swap React for its server build, which lacks what next/navigation needs
// (lib/auth imports it). These workers are server code, so resolve the marker to
// its empty module — what vitest.config.ts does for the tests.
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const empty = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: ${JSON.stringify(empty)}, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
