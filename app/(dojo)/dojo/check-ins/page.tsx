import type { Metadata } from "next";
import Link from "next/link";
import { MoodChart } from "@/app/components/mood-chart";
import { requireUser } from "@/lib/auth/current-user";
import { getAccess } from "@/lib/billing/subscriptions";
import { moodSeries, myCheckins } from "@/lib/checkins/member";
import { todayIn } from "@/lib/lessons/calendar";
import { asksLessonsOnRestart } from "@/lib/lessons/member";
import { ContactForm } from "./contact-form";

export const metadata: Metadata = { title: "Your check-ins", robots: { index: false } };

const statusLabel = { private: "Private", waiting: "Waiting for a reply", replied: "Replied" } as const;
const when = (d: Date) => d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

// Readable after a membership lapses: what a member wrote stays theirs.
export default async function CheckinsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireUser("/dojo/check-ins");
  const [{ deleted }, list, series, access, askLessons] = await Promise.all([searchParams, myCheckins(user), moodSeries(user), getAccess(user.id), asksLessonsOnRestart(user)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold">Your check-ins</h1>
        {access.allowed ? (
          <Link href="/dojo/check-ins/new" className="btn-primary">
            New check-in
          </Link>
        ) : null}
      </div>
      {deleted ? <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">The check-in was deleted.</p> : null}
      {!access.allowed ? <p className="rounded-xl bg-clay-soft px-4 py-3">Your membership has ended: you can read and download everything here, but not send new check-ins.</p> : null}
      <MoodChart points={series} />
      {access.allowed ? <ContactForm today={todayIn(user.timeZone)} askLessons={askLessons} /> : null}
      {access.allowed ? (
        <p className="text-sm">
          Your ex reached out and you’re not sure how to answer?{" "}
          <Link href="/dojo/ex-reached-out" className="link">
            Think it through here
          </Link>
          .
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="text-muted">No check-ins yet. The first one can be a single line.</p>
      ) : (
        <ul className="space-y-3">
          {list.map((c) => (
            <li key={c.id} className="rounded-2xl border border-line bg-card p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/dojo/check-ins/${c.id}`} className="link font-semibold">
                  {when(c.submittedAt)}
                </Link>
                <span className="text-sm text-muted">
                  {statusLabel[c.status]}
                  {c.mood ? ` · mood ${c.mood}/10` : ""}
                </span>
              </div>
              <p className="mt-1 line-clamp-2 text-sm">{c.content.happened || c.content.hard || c.content.win || c.content.question}</p>
              {c.reads.length > 0 ? <p className="mt-1 text-xs text-muted">Read by {c.reads.at(-1)?.coachName}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/dojo/check-ins/export" className="link" download>
          Download all my check-ins (JSON)
        </a>
      </p>
    </div>
  );
}
