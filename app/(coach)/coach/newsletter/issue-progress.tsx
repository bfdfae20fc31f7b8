"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ProgressBar } from "@/app/components/progress-bar";

export interface ProgressView {
  status: "draft" | "scheduled" | "sending" | "sent";
  recipients: number;
  sent: number;
  failed: number;
  waiting: number;
  skipped: number;
}

/** Sent / failed / waiting while an issue goes out, refreshed every two seconds from the outbox. */
export function IssueProgress({ issueId, initial }: { issueId: number; initial: ProgressView }) {
  const [p, setP] = useState(initial);
  const router = useRouter();

  useEffect(() => {
    if (p.status !== "sending") return;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/newsletter/issues/${issueId}/progress`, { cache: "no-store" });
        if (!res.ok) return;
        const next = (await res.json()) as ProgressView;
        setP(next);
        if (next.status === "sent") router.refresh();
      } catch {
        // A missed poll is fine; the next one catches up.
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [issueId, p.status, router]);

  const done = p.sent + p.failed + p.skipped;
  const percent = p.recipients === 0 ? 100 : Math.round((done / p.recipients) * 100);
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    <section aria-labelledby="progress-heading" className="space-y-3 rounded-2xl border border-line bg-card p-5">
      <h2 id="progress-heading" className="text-lg font-semibold">
        {p.status === "sent" ? "Sent" : "Sending"}
      </h2>
      <ProgressBar value={done} max={p.recipients} percent={percent} label="Delivery progress" valueText={`${n(done)} of ${n(p.recipients)} done`} />
      <dl aria-live="polite" className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
        {[
          ["Sent", p.sent],
          ["Failed", p.failed],
          ["Waiting", p.waiting],
          ["Recipients", p.recipients],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl bg-paper p-3">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{n(Number(value))}</dd>
          </div>
        ))}
      </dl>
      {p.skipped > 0 ? <p className="text-sm text-muted">{n(p.skipped)} unsubscribed before their turn and were skipped.</p> : null}
      {p.status === "sending" ? <p className="text-sm text-muted">A send that fails is retried for about an hour before it counts as failed. You can leave this page; sending goes on.</p> : null}
    </section>
  );
}
