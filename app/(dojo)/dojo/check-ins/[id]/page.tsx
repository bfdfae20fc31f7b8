import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckinReply, CheckinText, stampUtc } from "@/app/components/checkin-text";
import { CrisisResources } from "@/app/components/crisis-resources";
import { requireUser } from "@/lib/auth/current-user";
import { myCheckin } from "@/lib/checkins/member";
import { ActionForm } from "@/app/components/action-form";
import { deleteCheckinAction } from "../actions";
import { ClearLocalDraft } from "../new/clear-local-draft";

export const metadata: Metadata = { title: "Check-in", robots: { index: false } };


export default async function CheckinPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sent?: string }> }) {
  const { id } = await params;
  const { sent } = await searchParams;
  const user = await requireUser(`/dojo/check-ins/${id}`);
  const c = await myCheckin(user, id);
  if (!c) notFound();
  return (
    <article className="space-y-6">
      {sent ? <ClearLocalDraft /> : null}
      {c.urgent ? (
        <div className="space-y-3">
          <p className="font-medium">What you wrote sounds really hard. You don’t have to wait for a reply — please reach out to one of these now:</p>
          <CrisisResources />
        </div>
      ) : null}
      {sent ? (
        <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">
          {c.status === "private" ? "Saved to your private journal. No coach will see it." : "Sent. Your coach will read it and reply here; we’ll email you a short note when they do."}
        </p>
      ) : null}
      <header className="space-y-1">
        <h1 className="font-serif text-3xl font-semibold">Check-in of {c.submittedAt.toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" })}</h1>
        <p className="text-sm text-muted">
          {c.status === "private" ? "Private journal entry" : c.status === "waiting" ? "Waiting for a reply" : "Replied"}
          {c.mood ? ` · mood ${c.mood}/10` : ""}
          {c.noContactDay !== null ? ` · no-contact day ${c.noContactDay}` : ""}
        </p>
      </header>
      <CheckinText content={c.content} questionLabel="Your question" />
      {c.replies.map((r) => (
        <CheckinReply key={r.id} coach={r.coachName} createdAt={r.createdAt} body={r.body} />
      ))}
      {c.status !== "private" ? (
        <section aria-labelledby="reads" className="space-y-1">
          <h2 id="reads" className="text-sm font-semibold">
            Who has read this
          </h2>
          {c.reads.length === 0 ? (
            <p className="text-sm text-muted">No one yet.</p>
          ) : (
            <ul className="text-sm text-muted">
              {c.reads.map((r, i) => (
                <li key={i}>
                  Read by {r.coachName} at {stampUtc(r.readAt)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <Link href="/dojo/check-ins" className="link">
          ← All check-ins
        </Link>
        <details>
          <summary className="cursor-pointer text-sm text-muted">Delete this check-in</summary>
          <ActionForm action={deleteCheckinAction} className="mt-2 space-y-2">
            <input type="hidden" name="id" value={c.id} />
            <p className="text-sm">This removes it, and any reply, for good.</p>
            <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
              Yes, delete it
            </button>
          </ActionForm>
        </details>
      </div>
    </article>
  );
}
