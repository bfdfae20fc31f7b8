import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { isCoach } from "@/lib/auth/roles";
import { keptQuizResults } from "@/lib/quiz/results";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { DeleteAccountForm } from "./delete-account-form";
import { NewsletterSettings } from "./newsletter-settings";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const kept = await keptQuizResults(user);
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-semibold">Your account</h1>
      <section aria-labelledby="you" className="space-y-2 rounded-2xl border border-line bg-card p-5">
        <h2 id="you" className="text-lg font-semibold">
          Signed in as
        </h2>
        <p className="break-all">{user.email}</p>
        <p>
          <Link href="/account/billing" className="link">
            Membership and billing
          </Link>
        </p>
        <p>
          <Link href="/account/library" className="link">
            Your library: workbooks and audio you bought
          </Link>
        </p>
        {isCoach(user.role) ? (
          <p>
            <Link href="/coach/members" className="link">
              Coach console: members
            </Link>
          </p>
        ) : null}
      </section>

      {kept.length > 0 ? (
        <section aria-labelledby="kept" className="space-y-3">
          <h2 id="kept" className="text-lg font-semibold">
            Your saved plan
          </h2>
          {kept.map((r) => (
            <details key={r.createdAt} className="rounded-2xl border border-line bg-card p-5">
              <summary className="cursor-pointer font-semibold">{r.prescription.title}</summary>
              <p className="mt-3 leading-relaxed">{r.prescription.summary}</p>
              <ol className="mt-3 list-decimal space-y-2 pl-6">
                {r.prescription.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      ) : null}

      <NewsletterSettings />

      <section aria-labelledby="devices" className="space-y-3">
        <h2 id="devices" className="text-lg font-semibold">
          Signing out
        </h2>
        <div className="flex flex-wrap gap-3">
          <SignOutButton action={signOutAction}>Sign out</SignOutButton>
          <SignOutButton action={signOutEverywhereAction}>Sign out of all devices</SignOutButton>
        </div>
        <p className="text-sm text-muted">Shared a phone or laptop with someone? “All devices” ends every session, everywhere, at once.</p>
      </section>

      <section aria-labelledby="your-data" className="space-y-3">
        <h2 id="your-data" className="text-lg font-semibold">
          Your data
        </h2>
        <p>
          <a href="/account/export" className="link" download>
            Download everything we hold about you (JSON)
          </a>
        </p>
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}
