// `npm run dev`: the whole app on http://localhost:3000 with its embedded
// defaults — PGlite, the dev mailbox (/dev/mailbox) and, without Stripe keys,
// the Stripe emulator from dev/. The server migrates and seeds on start.
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

const port = process.env.PORT ?? "3000";
if (!process.env.STRIPE_SECRET_KEY) {
  start(process.execPath, ["node_modules/tsx/dist/cli.mjs", "dev/stripe-emulator/main.ts"], {
    STRIPE_WEBHOOK_URL: `http://localhost:${port}/api/stripe/webhook`,
  });
}
start(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", port, ...process.argv.slice(2)]);
