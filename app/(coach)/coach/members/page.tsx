import type { Metadata } from "next";
import { requireCoach } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/roles";
import { listMembers, type MemberRow } from "@/lib/members";
import { ActionForm } from "@/app/components/action-form";
import { revokeCompAction } from "./actions";
import { GrantCompForm } from "./grant-comp-form";

export const metadata: Metadata = { title: "Members", robots: { index: false } };

const day = (d: Date) => d.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

function accessLabel(m: MemberRow): string {
  const a = m.access;
  if (a.allowed && a.via === "comp") return `Complimentary until ${day(a.endsAt)}`;
  if (a.allowed && a.banner === "past_due") return "In (payment overdue)";
  if (a.allowed) return a.endsAt ? `In until ${day(a.endsAt)}` : "In";
  return a.reason === "none" ? "No membership" : a.reason === "payment_failed" ? "Out (payment failed)" : "Out (ended)";
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const coach = await requireCoach("/coach/members");
  const { q = "" } = await searchParams;
  const members = await listMembers(coach, q);
  const admin = isAdmin(coach.role);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Members</h1>
      <form method="get" className="flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          Search by email
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="Search by email" className="min-w-0 flex-1 rounded-xl border-2 border-line bg-card px-3 py-2 text-ink" />
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      {members.length === 0 ? (
        <p className="text-muted">No members match “{q}”.</p>
      ) : (
        <ul className="space-y-3">
          {members.map((m) => (
            <li key={m.id} className="space-y-2 rounded-2xl border border-line bg-card p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="break-all font-semibold">{m.email}</p>
                <p className="text-sm text-muted">Joined {day(m.joinedAt)}</p>
              </div>
              <p className="text-sm">
                <span className="font-medium">{accessLabel(m)}</span>
                {m.plan ? ` · ${m.plan} plan` : ""}
                {m.role !== "member" ? ` · ${m.role}` : ""}
              </p>
              {admin ? (
                m.activeComp ? (
                  <ActionForm action={revokeCompAction}>
                    <input type="hidden" name="compId" value={m.activeComp.id} />
                    <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
                      Revoke free access
                    </button>
                  </ActionForm>
                ) : (
                  <GrantCompForm userId={m.id} email={m.email} />
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
