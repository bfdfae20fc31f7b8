import type { Metadata } from "next";
import Link from "next/link";
import { CheckinReply, CheckinText, stampUtc } from "@/app/components/checkin-text";
import { notFound } from "next/navigation";
import { requireCoach } from "@/lib/auth/current-user";
import { openForCoach, replyTemplatesFor } from "@/lib/checkins/coach";
import { daysBetween, todayIn } from "@/lib/lessons/calendar";
import { NoteForm, ReplyForm } from "./reply-form";

export const metadata: Metadata = { title: "Check-in", robots: { index: false } };

const stamp = (d: Date | null) => (d ? stampUtc(d) : "");

// Opening this page is a read of private words: lib/checkins records it, and the member sees it.
// It claims nothing: the reply form claims the check-in when the coach starts writing.
export default async function CoachCheckinPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const coach = await requireCoach(`/coach/check-ins/${id}`);
  const c = await openForCoach(coach, id);
  if (!c) notFound();
  const templates = await replyTemplatesFor(coach);
  const ncDay = c.noContactStart ? daysBetween(c.noContactStart, todayIn("UTC")) : null;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/coach/check-ins" className="link">
          ← Queue
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="font-serif text-2xl font-semibold">
          {c.member.name ?? c.member.email} {c.urgent ? <span className="ml-2 rounded-full bg-alert-soft px-2 py-0.5 align-middle text-sm font-semibold text-alert">Urgent</span> : null}
        </h1>
        <p className="text-sm text-muted">
          Sent {stamp(c.submittedAt)}
          {c.mood ? ` · mood ${c.mood}/10` : ""}
        </p>
      </header>
      {c.urgent ? (
        <p className="rounded-xl border-2 border-alert bg-alert-soft px-4 py-3">
          Words in this check-in suggest the member may be in danger. They were shown crisis lines straight away. Please answer this first, and point them to urgent help if it is needed — we are not an emergency service.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <CheckinText content={c.content} questionLabel="Question for you" />
          {c.replies.map((r) => (
            <CheckinReply key={r.id} coach={r.coach} createdAt={r.createdAt} body={r.body} />
          ))}
          {c.status === "replied" ? (
            <p className="text-sm text-muted">This check-in has been answered.</p>
          ) : c.takenBy ? (
            <p role="status" className="rounded-xl bg-clay-soft px-4 py-3">
              {c.takenBy} is answering this check-in right now, so the reply box is closed for you. Pick another from the queue.
            </p>
          ) : (
            <ReplyForm checkinId={c.id} templates={templates} mine={c.mine} />
          )}
        </div>

        <aside aria-label="About this member" className="space-y-4 rounded-2xl border border-line bg-card p-4 text-sm">
          <div>
            <h2 className="font-semibold">Context</h2>
            <p>No contact: {ncDay !== null ? `day ${ncDay}` : "not counting"}</p>
            <p>Last lesson done: {c.lastLesson ?? "none yet"}</p>
          </div>
          <div>
            <h2 className="font-semibold">Recent check-ins</h2>
            {c.earlier.length === 0 ? (
              <p className="text-muted">This is their first.</p>
            ) : (
              <ul>
                {c.earlier.map((e) => (
                  <li key={e.id}>
                    <Link href={`/coach/check-ins/${e.id}`} className="link">
                      {e.submittedAt?.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}
                    </Link>{" "}
                    · mood {e.mood ?? "—"} · {e.status}
                    {e.urgent ? " · urgent" : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="space-y-2">
            <h2 className="font-semibold">Coach notes</h2>
            {c.notes.map((n) => (
              <p key={n.id} className="whitespace-pre-wrap rounded-lg bg-paper p-2">
                {n.body} <span className="block text-xs text-muted">{stamp(n.createdAt)}</span>
              </p>
            ))}
            <NoteForm memberId={c.member.id} checkinId={c.id} />
          </div>
        </aside>
      </div>
    </div>
  );
}
