import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { getAccess } from "@/lib/billing/subscriptions";
import { deviceDraftKeys, getDraft } from "@/lib/checkins/member";
import { CheckinForm } from "./checkin-form";

export const metadata: Metadata = { title: "New check-in", robots: { index: false } };

export default async function NewCheckinPage() {
  const user = await requireUser("/dojo/check-ins/new");
  const access = await getAccess(user.id);
  if (!access.allowed) {
    return (
      <div className="space-y-4">
        <h1 className="font-serif text-3xl font-semibold">New check-in</h1>
        <p className="leading-relaxed">Your membership has ended, so new check-ins can’t be sent. Everything you wrote before is still yours to read and download.</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/dojo/check-ins" className="btn-secondary">
            Your check-ins
          </Link>
          <Link href="/pricing" className="btn-primary">
            Rejoin
          </Link>
        </div>
      </div>
    );
  }
  const draft = await getDraft(user);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">How are you doing?</h1>
        <p className="leading-relaxed text-muted">Write as much or as little as you like. It’s saved as you type, and only you and your coach can read what you send.</p>
      </div>
      <CheckinForm
        initial={{ happened: draft?.happened ?? "", win: draft?.win ?? "", hard: draft?.hard ?? "", question: draft?.question ?? "", mood: draft?.mood ?? null }}
        savedAt={draft?.savedAt.toISOString() ?? null}
        deviceKeys={deviceDraftKeys(user)}
        submission={randomUUID()}
      />
    </div>
  );
}
