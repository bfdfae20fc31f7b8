// `npm run dev`: the whole app on http://localhost:3000 with its embedded
// defaults. The server migrates its database on start (instrumentation.ts).
// Local stand-ins for outside services (dev/) are started here as they arrive.
import { spawn } from "node:child_process";

const children = [];
function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  children.push(child);
  child.on("exit", (code) => shutdown(code ?? 0));
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

start(process.execPath, ["node_modules/next/dist/bin/next", "dev", ...process.argv.slice(2)]);
