import "server-only";
import { startLoop } from "@/lib/jobs/loop";
import { deliverDueEmails, MAX_ATTEMPTS, shortError } from "./deliver";
import { configuredTransport } from "./transports/configured";
import type { MailTransport } from "./transports/transport";
import { log } from "@/lib/log";

const slot = globalThis as unknown as { __dojoEmailWorker?: () => Promise<void> };

/**
 * Delivers due emails every `intervalMs` until stopped. Runs never overlap (the
 * next one is scheduled when the last ends), a full batch is followed at once by
 * the next, and errors are logged, never thrown. The timer does not keep the
 * process alive. The returned function stops the loop and resolves when the run
 * in progress, if any, has finished.
 */
export function startEmailWorker(
  opts: { intervalMs?: number; transport?: MailTransport; batchSize?: number; leaseSeconds?: number } = {},
): () => Promise<void> {
  // One loop per process: Next may evaluate the startup module more than once. (More loops would be safe, only wasteful.)
  if (slot.__dojoEmailWorker) return slot.__dojoEmailWorker;
  const intervalMs = opts.intervalMs ?? 2000;
  const batchSize = opts.batchSize ?? 50;
  const transport = opts.transport ?? configuredTransport();
  if (!transport) {
    log.error("email worker: EMAIL_SERVER is not set; emails stay in the outbox until it is");
    return async () => {};
  }
  const stopLoop = startLoop({
    name: "email worker",
    idleMs: intervalMs,
    describeError: shortError,
    step: async () => {
      const r = await deliverDueEmails(transport, { batchSize, leaseSeconds: opts.leaseSeconds });
      if (r.failed > 0) log.error("email worker: emails failed for good", { count: r.failed, attempts: MAX_ATTEMPTS });
      if (r.retried > 0) log.warn("email worker: emails will be retried", { count: r.retried });
      return r.sent + r.failed + r.retried >= batchSize ? 0 : intervalMs;
    },
  });

  const stop = async () => {
    await stopLoop();
    if (!opts.transport) transport.close?.(); // a transport passed in belongs to the caller
    if (slot.__dojoEmailWorker === stop) slot.__dojoEmailWorker = undefined;
  };
  slot.__dojoEmailWorker = stop;
  return stop;
}
