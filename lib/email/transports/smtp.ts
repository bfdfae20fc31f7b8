import { connect as tcpConnect, type Socket } from "node:net";
import { createTransport } from "nodemailer";
import type { MailTransport } from "./transport";

export interface SmtpOptions {
  /** Keep connections open and reuse them (no handshake per message): what bulk mail needs. The URL's `?pool=` wins. */
  pool?: boolean;
  /** Connections a pool opens at most; the worker sends that many messages at once. The URL's `?maxConnections=` wins. */
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

/** nodemailer reads a query value as a number when it looks like one, else true/false, else as the string itself. */
function urlFlag(value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  return Number.isNaN(Number(value)) ? value !== "" : Number(value) !== 0;
}

/**
 * nodemailer over SMTP: one connection per message, or a pool of
 * `maxConnections` kept open when `pool` is set (or the URL says `?pool=true`).
 * Timeouts are short so one dead server cannot outlast a row's lease; the URL may override them.
 *
 * nodemailer parses the URL itself (`createTransport(url)`); our settings go in
 * as query parameters the URL does not already set. `pool` and
 * `maxConnections` are written back normalised, so the worker's parallelism is
 * exactly the pool nodemailer opens.
 */
export function smtpTransport(url: string, from: string, opts: SmtpOptions = {}): MailTransport {
  const parsed = new URL(url);
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") throw new Error("EMAIL_SERVER must be an smtp:// or smtps:// URL");
  const query = parsed.searchParams;
  const defaults = {
    connectionTimeout: "10000",
    greetingTimeout: "10000",
    socketTimeout: "30000",
    pool: String(opts.pool ?? false),
    maxConnections: String(opts.maxConnections ?? 5),
    maxMessages: "1000", // per pooled connection before it is renewed
  };
  for (const [key, value] of Object.entries(defaults)) if (!query.has(key)) query.set(key, value);
  const pool = urlFlag(query.get("pool") ?? "");
  const maxConnections = Number(query.get("maxConnections"));
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new Error("EMAIL_SERVER: maxConnections must be a whole number above 0");
  query.set("pool", String(pool));
  query.set("maxConnections", String(maxConnections));

  const mailer = createTransport(parsed.toString());
  // nodemailer's documented hook for supplying the socket itself (used for custom proxies).
  // Implicit TLS (smtps) is layered by nodemailer on the socket we hand it, so it needs no special case here.
  Object.assign(mailer, { getSocket: noDelaySocket });
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
