// `npx tsx dev/stripe-emulator/main.ts`: the Stripe emulator as a process of its own.
//
//   STRIPE_EMULATOR_PORT           default 12111
//   STRIPE_WEBHOOK_URL             default http://localhost:3000/api/stripe/webhook
//   STRIPE_WEBHOOK_SECRET          default whsec_dev_emulator (the app must verify with the same)
//   STRIPE_EMULATOR_PUBLIC_URL     default http://127.0.0.1:<port> (base of the Checkout/portal links)
//   STRIPE_EMULATOR_HOST           default 127.0.0.1 (interface to listen on)
//   STRIPE_EMULATOR_RETRY_BASE_MS  default 500 (first webhook retry delay)
import { DEFAULT_PORT, startStripeEmulator } from "./server";

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

function port(): number {
  const raw = env("STRIPE_EMULATOR_PORT");
  if (raw === undefined) return DEFAULT_PORT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`STRIPE_EMULATOR_PORT must be a port number (0-65535), got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const retryBase = env("STRIPE_EMULATOR_RETRY_BASE_MS");
const emulator = await startStripeEmulator({
  port: port(),
  host: env("STRIPE_EMULATOR_HOST"),
  webhookUrl: env("STRIPE_WEBHOOK_URL") ?? "http://localhost:3000/api/stripe/webhook",
  webhookSecret: env("STRIPE_WEBHOOK_SECRET") ?? "whsec_dev_emulator",
  publicUrl: env("STRIPE_EMULATOR_PUBLIC_URL"),
  retryBaseMs: retryBase !== undefined && Number(retryBase) > 0 ? Number(retryBase) : undefined,
}).catch((error: unknown) => {
  console.error(`Stripe emulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`Stripe emulator on ${emulator.url}`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
