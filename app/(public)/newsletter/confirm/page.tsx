import { ActionForm } from "@/app/components/action-form";
import type { Metadata } from "next";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import { checkConfirmLink } from "@/lib/newsletter/subscribers";
import { confirmAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false }, referrer: "no-referrer" };

// Opening the link only shows this page: mail systems "click" links to scan
// them, and that must not subscribe anyone. The button's POST confirms.
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const link = await checkConfirmLink(token);
  if (!link.usable) {
    return (
      <div className="mx-auto max-w-md space-y-6">
        <div className="space-y-3">
          <h1 className="font-serif text-3xl font-semibold">This link has expired</h1>
          <p className="leading-relaxed">
            Confirmation links work for 48 hours, and only until they’re used. If you already confirmed, you’re all set
            — there’s nothing more to do.
          </p>
          <p className="leading-relaxed text-muted">Otherwise, ask for a fresh link below. It takes a moment.</p>
        </div>
        <NewsletterSignup source="newsletter" title="Send me a new link" intro="Enter your address and we’ll send a new confirmation link." />
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">One click to confirm</h1>
      <p className="leading-relaxed">
        You’re confirming <strong className="break-all">{link.email}</strong> for the ex-communication letter.
      </p>
      <ActionForm action={confirmAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="btn-primary w-full sm:w-auto">
          Confirm
        </button>
      </ActionForm>
      <p className="text-sm text-muted">Didn’t ask for this? Just close the page. Nothing happens without the button.</p>
    </div>
  );
}
