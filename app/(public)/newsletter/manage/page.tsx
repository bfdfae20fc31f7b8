import { ActionForm } from "@/app/components/action-form";
import type { Metadata } from "next";
import Link from "next/link";
import { subscriptionForToken } from "@/lib/newsletter/subscribers";
import { resubscribeAction, unsubscribeAction } from "../actions";

export const metadata: Metadata = { title: "Your email settings", robots: { index: false }, referrer: "no-referrer" };

type Params = { token?: string; done?: string; intent?: string };

const notices: Record<string, string> = {
  confirmed: "You’re in. The next letter will come to this address.",
  unsubscribed: "Done. You won’t get any more letters.",
  resubscribed: "Welcome back. You’re on the list again.",
};

// The signed token in the link is the only key: no account, no sign-in.
export default async function ManagePage({ searchParams }: { searchParams: Promise<Params> }) {
  const { token = "", done = "", intent } = await searchParams;
  const sub = await subscriptionForToken(token);
  if (!sub) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="font-serif text-3xl font-semibold">This link doesn’t work</h1>
        <p className="leading-relaxed">
          We couldn’t open the settings for this link. It may have been cut short when it was copied. Try the link at the
          bottom of any letter again, or use the unsubscribe option in your email app.
        </p>
        <Link href="/newsletter" className="btn-secondary">
          About the letter
        </Link>
      </div>
    );
  }
  const subscribed = sub.status === "confirmed";
  const notice = notices[done];
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Your email settings</h1>
      {notice ? (
        <p role="status" className="rounded-xl bg-brand-soft px-4 py-3 font-medium">
          {notice}
        </p>
      ) : null}
      <section aria-labelledby="state" className="space-y-3 rounded-2xl border border-line bg-card p-5">
        <h2 id="state" className="text-lg font-semibold">
          {subscribed ? "You’re subscribed" : "You’re not subscribed"}
        </h2>
        <p className="break-all">{sub.email}</p>
        {subscribed ? (
          <>
            <p className="leading-relaxed text-muted">
              {intent === "unsubscribe" ? "Press the button to stop the letters. One click, no questions." : "You get the ex-communication letter at this address."}
            </p>
            <ActionForm action={unsubscribeAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={intent === "unsubscribe" ? "btn-primary" : "btn-secondary"}>
                Unsubscribe
              </button>
            </ActionForm>
          </>
        ) : (
          <>
            <p className="leading-relaxed text-muted">We won’t send letters to this address. Changed your mind? One click brings them back.</p>
            <ActionForm action={resubscribeAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className="btn-secondary">
                Subscribe again
              </button>
            </ActionForm>
          </>
        )}
      </section>
      <p className="text-sm text-muted">
        Missed one?{" "}
        <Link href="/newsletter/archive" className="link">
          Past letters are here
        </Link>
        .
      </p>
    </div>
  );
}
