import { expect } from "@playwright/test";
import { e2ePorts } from "./ports";

interface SinkMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  from: string;
}

const sink = `http://127.0.0.1:${e2ePorts.smtpHttp}`;

/** Waits for the newest email to `to` with this subject, as received over SMTP by the sink in dev/. */
export async function waitForEmail(to: string, subject: string): Promise<SinkMessage> {
  let found: SinkMessage | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${sink}/messages?${new URLSearchParams({ to })}`);
        const list = (await res.json()) as SinkMessage[];
        found = list.filter((m) => m.subject === subject).at(-1);
        return found !== undefined;
      },
      { timeout: 20_000, message: `an email "${subject}" to ${to}` },
    )
    .toBe(true);
  return found as SinkMessage;
}

export async function signInLinkFor(email: string): Promise<string> {
  const mail = await waitForEmail(email, "Your sign-in link");
  const link = mail.text.match(/https?:\/\/\S+\/signin\/verify\?\S+/)?.[0];
  if (!link) throw new Error(`no link in the sign-in email: ${mail.text}`);
  return link;
}

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
