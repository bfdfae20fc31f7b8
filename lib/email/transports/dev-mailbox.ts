import type { MailTransport } from "./transport";

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
