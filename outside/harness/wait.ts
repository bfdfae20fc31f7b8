// Waiting for something the system does on its own time (an email, a webhook,
// a send to finish), from outside: poll, and fail naming what never happened.

/** Polls `check` until it returns a value other than undefined/false; fails after `timeoutMs` naming `what`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The sign-in link in the newest email to `email` that holds one, as the SMTP sink received it. */
export function signInLink(sinkUrl: string, email: string, timeoutMs = 30_000): Promise<URL> {
  return until(
    `the sign-in email to ${email}`,
    async () => {
      const mail = (await (await fetch(`${sinkUrl}/messages?${new URLSearchParams({ to: email })}`)).json()) as { text: string }[];
      const found = mail.map((m) => /https?:\/\/\S+\/signin\/verify\?\S+/.exec(m.text)?.[0]).findLast(Boolean);
      return found ? new URL(found) : undefined;
    },
    timeoutMs,
  );
}
