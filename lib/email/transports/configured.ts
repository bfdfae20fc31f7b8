import "server-only";
import { env } from "@/lib/env";
import { devMailboxTransport } from "./dev-mailbox";
import { smtpTransport } from "./smtp";
import type { MailTransport } from "./transport";

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

/** The transport the settings ask for; null in production without EMAIL_SERVER, where mail must wait rather than vanish. */
export function configuredTransport(settings: EmailSettings = emailSettings()): MailTransport | null {
  if (settings.server) return smtpTransport(settings.server, settings.from, { pool: true, maxConnections: settings.connections });
  if (process.env.NODE_ENV === "production") return null;
  return devMailboxTransport(settings.from);
}
