// A real SMTP server for development and tests: it accepts every message,
// parses it and keeps it in memory, and shows what it got over a small HTTP API.
// Nothing is relayed anywhere. Listens on 127.0.0.1 only.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type HeaderValue, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SinkMessage {
  id: number;
  /** The From header as text, e.g. `"Dojo" <no-reply@localhost>`. */
  from: string;
  /** Envelope recipients: who the message was actually delivered to. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  messageId: string;
  receivedAt: string;
}

export interface SmtpSink {
  smtpPort: number;
  httpPort: number;
  messages(): SinkMessage[];
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
// Old messages are dropped past this many, so a long dev session cannot grow without bound.
const KEEP = 1000;

/**
 * A header as a test wants to compare it: decoded when mailparser decoded it
 * (unstructured headers, addresses), else the raw line unfolded, so structured
 * headers such as List-Unsubscribe keep their exact text.
 */
function headerText(parsed: HeaderValue | undefined, rawLine: string): string {
  if (typeof parsed === "string") return parsed;
  if (parsed && !Array.isArray(parsed) && !(parsed instanceof Date) && "text" in parsed && typeof parsed.text === "string") return parsed.text;
  return rawLine.slice(rawLine.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
}

function toSinkMessage(id: number, mail: ParsedMail, envelope: { from: string; to: string[] }): SinkMessage {
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    const text = headerText(mail.headers.get(key), line);
    headers[key] = headers[key] === undefined ? text : `${headers[key]}, ${text}`;
  }
  return {
    id,
    from: mail.from?.text ?? envelope.from,
    to: envelope.to,
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    headers,
    messageId: mail.messageId ?? "",
    receivedAt: new Date().toISOString(),
  };
}

function listen(server: { listen(port: number, host: string, cb: () => void): unknown; once(e: "error", l: (err: Error) => void): unknown }, port: number, host = HOST): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

/** `host`: the interface to listen on; loopback unless a container must reach it (compose.yaml's dev profile). */
/** `keep`: how many of the newest messages to hold (default 1,000). */
export async function startSmtpSink(opts: { smtpPort?: number; httpPort?: number; host?: string; keep?: number } = {}): Promise<SmtpSink> {
  const keep = opts.keep ?? KEEP;
  let store: SinkMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    // Any credentials pass, so an EMAIL_SERVER with a user and password works against the sink too.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "sink" }),
    size: 10 * 1024 * 1024,
    logger: false,
    // The reverse DNS lookup of each client costs more than the rest of a local SMTP session.
    disableReverseLookup: true,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          store.push(toSinkMessage(nextId++, mail, envelope));
          if (store.length > keep) store = store.slice(-keep);
          callback();
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  // A client that drops its connection (a pooled sender closing idle sockets, a process killed
  // mid-message) is an event of that session only; unhandled, it would end the whole sink.
  smtp.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "ECONNRESET" && err.code !== "EPIPE") console.error(`smtp-sink: ${err.message}`);
  });
  await listen(smtp, opts.smtpPort ?? 0, opts.host);

  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${HOST}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (url.pathname !== "/messages") return send(404, { error: "not found" });
    if (req.method === "GET") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const found = to ? store.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : store;
      // ?summary=1: only who, what and which Message-ID, for counting thousands of messages.
      if (url.searchParams.get("summary") === "1") return send(200, found.map(({ id, to: rcpt, subject, messageId }) => ({ id, to: rcpt, subject, messageId })));
      return send(200, found);
    }
    if (req.method === "DELETE") {
      store = [];
      return send(204);
    }
    res.setHeader("allow", "GET, DELETE");
    return send(405, { error: "method not allowed" });
  });
  try {
    await listen(http, opts.httpPort ?? 0, opts.host);
  } catch (err) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw err;
  }

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (http.address() as AddressInfo).port,
    messages: () => [...store],
    async close() {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
}
