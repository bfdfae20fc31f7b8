import "server-only";
import { connect as tcpConnect, type Socket } from "node:net";
import { env } from "@/lib/env";
import { startLoop } from "@/lib/jobs/loop";
import { and, eq, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { getDb, tables } from "@/lib/db";

/** What the worker hands a transport for one outbox row. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** `<...@domain>`, the same for every attempt of one row, so receivers can drop a duplicate sent after a crash. */
  messageId: string;
}

export interface MailTransport {
  /** The From header of every message; its domain also names the Message-IDs. */
  readonly from: string;
  send(msg: OutgoingEmail): Promise<void>;
  /** When set, stored as the row's message_id instead of the Message-ID (the dev mailbox stores "dev-mailbox"). */
  readonly recordAs?: string;
  /** Releases open connections (a pooled SMTP transport keeps some). */
  close?(): void;
  /** How many sends it handles well at once (a pool's connection count); the worker sends that many in parallel. */
  readonly concurrency?: number;
}

export interface DeliverOptions {
  batchSize?: number;
  /** The clock, for tests. Unset: the database's clock, so every app instance agrees on what is due. */
  now?: Date;
  /** How long a claimed row belongs to this worker; after that, another instance may retry it. */
  leaseSeconds?: number;
  /** Sends in flight at once; defaults to the transport's own concurrency, else one at a time. */
  concurrency?: number;
}

export interface DeliverResult {
  sent: number;
  failed: number;
  retried: number;
}

export const MAX_ATTEMPTS = 8;

export interface EmailSettings {
  /** smtp:// or smtps:// URL; unset → the dev mailbox (development) or nothing at all (production). */
  server: string | undefined;
  from: string;
  /** SMTP connections kept open and used in parallel. */
  connections: number;
}

export function emailSettings(): EmailSettings {
  const { EMAIL_SERVER, EMAIL_FROM, EMAIL_SMTP_CONNECTIONS } = env();
  return { server: EMAIL_SERVER, from: EMAIL_FROM, connections: EMAIL_SMTP_CONNECTIONS };
}

/**
 * Seconds until the next try after `attempts` failures: 30 s doubling, capped
 * at an hour, ±25 % jitter so rows that failed together do not retry together.
 */
export function backoffSeconds(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
  return Math.min(3600, Math.round(base * (0.75 + random() * 0.5)));
}

function messageIdFor(row: { id: number; createdAt: Date }, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  // The creation time keeps ids unique across database resets: a reused row id
  // must never look like a duplicate to a receiver that de-duplicates (Gmail does).
  return `<outbox.${row.id}.${row.createdAt.getTime().toString(36)}@${domain}>`;
}

/** Short and free of secrets: SMTP errors can echo a connection URL, and last_error is shown to staff. */
function shortError(err: unknown): string {
  const e = (typeof err === "object" && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(err);
  const code = typeof e.code === "string" ? `${e.code}: ` : "";
  return (code + message)
    .replace(/\/\/[^/\s@]+@/g, "//") // credentials in URLs
    .replace(/\s+/g, " ")
    .slice(0, 300);
}

const at = (now: Date | undefined): SQL => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);
const plusSeconds = (time: SQL, seconds: number): SQL => sql`(${time} + ${Math.round(seconds)}::int * interval '1 second')`;

/**
 * Delivers up to `batchSize` due emails. Safe to run from any number of app
 * instances at once: each row is claimed by one statement with SKIP LOCKED, and
 * every later write checks the row is still ours (same status and attempt
 * number), so a worker whose lease ran out cannot overwrite its successor.
 * At-least-once: a crash between sending and recording resends after the lease,
 * with the same Message-ID.
 */
export async function deliverDueEmails(transport: MailTransport, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const batchSize = opts.batchSize ?? 50;
  const leaseSeconds = opts.leaseSeconds ?? 120;
  const now = at(opts.now);
  const db = await getDb();
  const t = tables.emailOutbox;
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0 };

  // A worker that died during the last attempt leaves a row in 'sending'; it gets no ninth try.
  const expired = and(eq(t.status, "sending"), lt(t.lockedUntil, now));
  await db
    .update(t)
    .set({ status: "failed", lockedUntil: null, lastError: "worker stopped during the last attempt" })
    .where(and(expired, sql`${t.attempts} >= ${MAX_ATTEMPTS}`));

  const due = db
    .select({ id: t.id })
    .from(t)
    .where(or(and(eq(t.status, "pending"), lte(t.nextAttemptAt, now)), and(expired, lt(t.attempts, MAX_ATTEMPTS))))
    .orderBy(t.id)
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(t)
    .set({ status: "sending", lockedUntil: plusSeconds(now, leaseSeconds), attempts: sql`${t.attempts} + 1` })
    .where(inArray(t.id, due))
    .returning({
      id: t.id,
      to: t.toAddress,
      subject: t.subject,
      text: t.textBody,
      html: t.htmlBody,
      headers: t.headers,
      attempts: t.attempts,
      createdAt: t.createdAt,
    });
  claimed.sort((a, b) => a.id - b.id);
  const claimedAt = Date.now();

  const deliverOne = async (row: (typeof claimed)[number]) => {
    const ours = and(eq(t.id, row.id), eq(t.status, "sending"), eq(t.attempts, row.attempts));
    // Late rows of a slow batch may near the end of their lease: renew it, or skip the row if another worker has taken it over.
    if (Date.now() - claimedAt > (leaseSeconds * 1000) / 3) {
      const renewed = await db.update(t).set({ lockedUntil: plusSeconds(at(opts.now), leaseSeconds) }).where(ours).returning({ id: t.id });
      if (renewed.length === 0) return;
    }
    const messageId = messageIdFor(row, transport.from);
    try {
      await transport.send({
        from: transport.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        headers: row.headers ?? {},
        messageId,
      });
    } catch (err) {
      const final = row.attempts >= MAX_ATTEMPTS;
      await db
        .update(t)
        .set({
          status: final ? "failed" : "pending",
          lockedUntil: null,
          lastError: shortError(err),
          nextAttemptAt: final ? undefined : plusSeconds(at(opts.now), backoffSeconds(row.attempts)),
        })
        .where(ours);
      if (final) result.failed++;
      else result.retried++;
      return;
    }
    // Recorded row by row, straight after the server's 250: a crash then resends at most the messages in flight.
    await db
      .update(t)
      .set({ status: "sent", sentAt: at(opts.now), messageId: transport.recordAs ?? messageId, lockedUntil: null, lastError: null })
      .where(ours);
    result.sent++;
  };

  // A few lanes pull rows in id order; with a pooled transport each lane keeps one SMTP connection busy.
  const lanes = Math.max(1, Math.min(opts.concurrency ?? transport.concurrency ?? 1, claimed.length));
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < claimed.length) {
        const row = claimed[next++];
        if (row) await deliverOne(row);
      }
    }),
  );
  return result;
}

export interface SmtpOptions {
  /** Keep connections open and reuse them (no handshake per message): what bulk mail needs. The URL's `?pool=` wins. */
  pool?: boolean;
  /** Connections a pool opens at most; the worker sends that many messages at once. */
  maxConnections?: number;
}

/**
 * Opens the TCP connection for nodemailer with Nagle's algorithm off. SMTP is a
 * chatty request/response protocol; with Nagle on, a command split over two
 * writes waits for the peer's delayed ACK, about 40 ms per message on Linux,
 * and nodemailer has no option to turn it off. The socket is handed over while
 * still connecting, so nodemailer's own handlers and timeouts see every error.
 */
function noDelaySocket(options: { host?: string; port?: number }, callback: (err: Error | null, socketOptions: { connection: Socket }) => void): void {
  callback(null, { connection: tcpConnect({ host: options.host ?? "localhost", port: options.port ?? 25, noDelay: true }) });
}

/**
 * nodemailer over SMTP: one connection per message, or a pool of
 * `maxConnections` kept open when `pool` is set (or the URL says `?pool=true`).
 * Timeouts are short so one dead server cannot outlast a row's lease; the URL may override them.
 */
export function smtpTransport(url: string, from: string, opts: SmtpOptions = {}): MailTransport {
  const parsed = new URL(url);
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") throw new Error("EMAIL_SERVER must be an smtp:// or smtps:// URL");
  const defaults = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };
  for (const [key, value] of Object.entries(defaults)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  const fromUrl = parseConnectionUrl(parsed.toString()) as ReturnType<typeof parseConnectionUrl> & { pool?: boolean; maxConnections?: number };
  const pool = fromUrl.pool ?? opts.pool ?? false;
  const maxConnections = fromUrl.maxConnections ?? opts.maxConnections ?? 5;
  // Implicit TLS (smtps) is layered by nodemailer on the socket we hand it, so it needs no special case here.
  const mailer = pool
    ? createTransport({ ...fromUrl, pool: true, maxConnections, maxMessages: 1000, getSocket: noDelaySocket })
    : createTransport({ ...fromUrl, getSocket: noDelaySocket });
  return {
    from,
    concurrency: pool ? maxConnections : 1,
    async send(msg) {
      await mailer.sendMail({
        from: msg.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        headers: msg.headers,
        messageId: msg.messageId,
      });
    },
    close: () => mailer.close(),
  };
}

/**
 * Without EMAIL_SERVER in development the outbox rows are the mailbox
 * (/dev/mailbox): "sending" only records them as delivered, and nothing leaves the machine.
 */
export function devMailboxTransport(from: string): MailTransport {
  return {
    from,
    recordAs: "dev-mailbox",
    async send(msg) {
      if (process.env.NODE_ENV === "development") console.log(`dev mailbox: "${msg.subject}" for ${msg.to} — open /dev/mailbox`);
    },
  };
}

/** The transport the settings ask for; null in production without EMAIL_SERVER, where mail must wait rather than vanish. */
export function configuredTransport(settings: EmailSettings = emailSettings()): MailTransport | null {
  if (settings.server) return smtpTransport(settings.server, settings.from, { pool: true, maxConnections: settings.connections });
  if (process.env.NODE_ENV === "production") return null;
  return devMailboxTransport(settings.from);
}

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
    console.error("email worker: EMAIL_SERVER is not set; emails stay in the outbox until it is");
    return async () => {};
  }
  const stopLoop = startLoop({
    name: "email worker",
    idleMs: intervalMs,
    describeError: shortError,
    step: async () => {
      const r = await deliverDueEmails(transport, { batchSize, leaseSeconds: opts.leaseSeconds });
      if (r.failed > 0) console.error(`email worker: ${r.failed} email(s) failed for good after ${MAX_ATTEMPTS} attempts`);
      if (r.retried > 0) console.warn(`email worker: ${r.retried} email(s) will be retried`);
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
