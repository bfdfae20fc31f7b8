// `tsx dev/smtp-sink/main.ts`: the SMTP sink as its own process, for `npm run dev`
// and the e2e tests. Point the app at it with EMAIL_SERVER=smtp://127.0.0.1:<port>.
//   SMTP_SINK_PORT (2525), SMTP_SINK_HTTP_PORT (2526), SMTP_SINK_HOST (127.0.0.1; 0.0.0.0 in a container),
//   SMTP_SINK_KEEP (1000: the newest messages held for GET /messages)
import { startSmtpSink } from "./server";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`Invalid environment variable ${name}: must be a port number`);
    process.exit(1);
  }
  return n;
}

const smtpPort = port("SMTP_SINK_PORT", 2525);
const httpPort = port("SMTP_SINK_HTTP_PORT", 2526);
const keep = process.env.SMTP_SINK_KEEP ? Number(process.env.SMTP_SINK_KEEP) : undefined;
const sink = await startSmtpSink({ smtpPort, httpPort, host: process.env.SMTP_SINK_HOST || undefined, keep }).catch((err: unknown) => {
  console.error(`smtp-sink: cannot listen on ports ${smtpPort} and ${httpPort}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`smtp-sink: SMTP on smtp://127.0.0.1:${sink.smtpPort}, messages at http://127.0.0.1:${sink.httpPort}/messages`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await sink.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
