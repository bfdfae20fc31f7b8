/** What the outbox worker hands a transport for one outbox row. */
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

/** Something that can take one message off the worker's hands: SMTP, or the dev mailbox. */
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
