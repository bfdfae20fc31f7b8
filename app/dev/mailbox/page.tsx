import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { devMailboxEnabled, getDevMailboxHtml, listDevMailbox, type DevMailboxEntry } from "@/lib/email/dev-mailbox";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The text part with its links clickable, so a sign-in link can be followed straight from here. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-xl bg-paper p-4 font-sans text-sm leading-relaxed">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="link break-all">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

const statusStyle: Record<DevMailboxEntry["status"], string> = {
  pending: "bg-clay-soft text-clay",
  sending: "bg-clay-soft text-clay",
  sent: "bg-brand-soft text-brand-strong",
  failed: "bg-alert-soft text-alert",
};

const formatTime = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

// Links inside the frame open in a new tab: the sandbox allows popups, nothing else (no scripts, no same origin).
const withNewTabLinks = (html: string) =>
  /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}<base target="_blank">`) : `<base target="_blank">${html}`;

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ id?: string | string[] }> }) {
  // Development only: in any other build this page does not exist.
  if (!devMailboxEnabled()) notFound();
  const { id } = await searchParams;
  const selectedId = typeof id === "string" && /^\d{1,15}$/.test(id) ? Number(id) : undefined;
  const [messages, selected] = await Promise.all([
    listDevMailbox(50),
    selectedId === undefined ? Promise.resolve(null) : getDevMailboxHtml(selectedId),
  ]);
  if (messages === null) notFound();

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Dev mailbox</h1>
        <p className="leading-relaxed text-muted">
          The latest 50 emails in the outbox. Without <code>EMAIL_SERVER</code> nothing leaves this machine: “sent” here
          means delivered to this page.
        </p>
      </div>

      {selectedId !== undefined && (
        <section aria-labelledby="preview" className="space-y-3 rounded-2xl border border-line bg-card p-6">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="preview" className="text-xl font-semibold">
              {selected ? selected.subject : "No such email"}
            </h2>
            <Link href="/dev/mailbox" className="link">
              Close
            </Link>
          </div>
          {selected && (
            <iframe
              title={`HTML part of email ${selected.id}`}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={withNewTabLinks(selected.html)}
              className="h-[36rem] w-full rounded-xl border border-line bg-white"
            />
          )}
        </section>
      )}

      {messages.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-6 text-muted">No emails yet.</p>
      ) : (
        <ul className="space-y-4">
          {messages.map((m) => (
            <li key={m.id} className="space-y-3 rounded-2xl border border-line bg-card p-6">
              <div className="flex flex-wrap items-baseline justify-between gap-3">
                <h2 className="text-lg font-semibold">{m.subject}</h2>
                <span className={`rounded-full px-3 py-1 text-sm font-medium ${statusStyle[m.status]}`}>{m.status}</span>
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-muted">
                <dt>To</dt>
                <dd className="break-all text-ink">{m.to}</dd>
                <dt>Created</dt>
                <dd>
                  <time dateTime={m.createdAt.toISOString()}>{formatTime(m.createdAt)}</time>
                </dd>
                {m.attempts > 1 && (
                  <>
                    <dt>Attempts</dt>
                    <dd>{m.attempts}</dd>
                  </>
                )}
                {m.lastError && m.status !== "sent" && (
                  <>
                    <dt>Last error</dt>
                    <dd className="text-alert">{m.lastError}</dd>
                  </>
                )}
              </dl>
              <TextWithLinks text={m.text} />
              <Link href={`/dev/mailbox?id=${m.id}`} className="link text-sm">
                View the HTML part
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
