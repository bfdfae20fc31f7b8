import type { Metadata } from "next";
import Link from "next/link";
import { requireCoach } from "@/lib/auth/current-user";
import { QUEUE_PAGE_SIZE, reviewQueue, type QueueFilter } from "@/lib/checkins/coach";

export const metadata: Metadata = { title: "Check-ins", robots: { index: false } };

function waited(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.floor(ms / 60_000))} min`;
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** The address of another page of the same view (the filter's status and member stay as chosen). */
function pageHref(filter: QueueFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.status !== "waiting") params.set("status", filter.status);
  if (filter.member) params.set("member", filter.member);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/coach/check-ins?${query}` : "/coach/check-ins";
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ status?: string; member?: string; page?: string }> }) {
  const coach = await requireCoach("/coach/check-ins");
  const sp = await searchParams;
  const { filter, items, hasMore, firstNumber } = await reviewQueue(coach, { status: sp.status, member: sp.member || undefined, page: sp.page });
  const status = filter.status;
  const lastNumber = firstNumber + items.length - 1;
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Check-ins</h1>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="status" className="text-sm font-medium">
            Show
          </label>
          <select id="status" name="status" defaultValue={status} className="rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink">
            <option value="waiting">Waiting</option>
            <option value="replied">Replied</option>
            <option value="all">All</option>
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="member" className="text-sm font-medium">
            Member email
          </label>
          <input id="member" name="member" type="email" defaultValue={sp.member ?? ""} className="rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink" />
        </div>
        <button type="submit" className="btn-secondary min-h-9 py-1">
          Filter
        </button>
      </form>
      {items.length === 0 ? (
        filter.page > 1 ? (
          <p className="text-muted">
            This page is empty now: the queue has moved on. <Link href={pageHref(filter, 1)} className="link">Back to the first page</Link>
          </p>
        ) : (
          <p className="text-muted">{status === "waiting" ? "Nothing waiting. Lovely." : "No check-ins match."}</p>
        )
      ) : (
        <ol start={firstNumber} className="space-y-2" aria-label={status === "waiting" ? "Queue, most urgent and longest waiting first" : "Check-ins, newest first"}>
          {items.map((c) => (
            <li key={c.id} className={`rounded-2xl border bg-card p-4 ${c.urgent ? "border-2 border-alert" : "border-line"}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/coach/check-ins/${c.id}`} className="link font-semibold">
                  {c.memberEmail}
                </Link>
                {c.urgent ? <span className="rounded-full bg-alert-soft px-2 py-0.5 text-sm font-semibold text-alert">Urgent</span> : null}
              </div>
              <p className="text-sm text-muted">
                {c.status === "waiting" ? `Waiting ${waited(c.waitedMs)}` : `Answered after ${waited(c.waitedMs)}`}
                {c.overdue ? <span className="font-semibold text-alert"> — over the {c.targetHours} h target</span> : ` (target ${c.targetHours} h)`}
                {c.mood ? ` · mood ${c.mood}/10` : ""}
                {c.status === "waiting" && c.claimedBy ? (c.claimedBy === coach.id ? " · you’re answering" : " · a coach is answering") : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
      {items.length > 0 && (hasMore || filter.page > 1) ? (
        <nav aria-label="Queue pages" className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted">
            Showing {firstNumber}–{lastNumber}
            {hasMore ? ", more after these" : ""}
          </p>
          <div className="flex gap-3">
            {filter.page > 1 ? (
              <Link href={pageHref(filter, filter.page - 1)} className="btn-secondary">
                Previous {QUEUE_PAGE_SIZE}
              </Link>
            ) : null}
            {hasMore ? (
              <Link href={pageHref(filter, filter.page + 1)} className="btn-secondary">
                Next {QUEUE_PAGE_SIZE}
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </div>
  );
}
