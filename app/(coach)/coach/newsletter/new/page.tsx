import type { Metadata } from "next";
import Link from "next/link";
import { requireCoach } from "@/lib/auth/current-user";
import { audienceSizes } from "@/lib/newsletter/issues";
import { IssueEditor } from "../issue-editor";

export const metadata: Metadata = { title: "New issue", robots: { index: false } };

export default async function NewIssuePage() {
  const coach = await requireCoach("/coach/newsletter/new");
  const sizes = await audienceSizes(coach);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/coach/newsletter" className="link">
          ← Newsletter
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold">New issue</h1>
      <IssueEditor issue={null} sizes={sizes} timeZone={coach.timeZone} />
    </div>
  );
}
