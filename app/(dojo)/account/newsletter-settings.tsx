import { ActionForm } from "@/app/components/action-form";
import { requireUser } from "@/lib/auth/current-user";
import { memberNewsletterStatus } from "@/lib/newsletter/subscribers";
import { setNewsletterAction } from "./actions";

/** The ex-communication letter on /account: where the member's address stands, and one button to change it. */
export async function NewsletterSettings() {
  const user = await requireUser("/account");
  const { email, status } = await memberNewsletterStatus(user);
  const subscribed = status === "confirmed";
  return (
    <section aria-labelledby="newsletter-settings" className="space-y-3 rounded-2xl border border-line bg-card p-5">
      <h2 id="newsletter-settings" className="text-lg font-semibold">
        The ex-communication letter
      </h2>
      <p className="leading-relaxed">
        {subscribed ? (
          <>
            You get it at <span className="break-all font-medium">{email}</span>.
          </>
        ) : (
          <>
            A short letter from the coach now and then, sent to <span className="break-all font-medium">{email}</span>. You’re not getting it right
            now.
          </>
        )}
      </p>
      <ActionForm action={setNewsletterAction}>
        <input type="hidden" name="subscribe" value={subscribed ? "no" : "yes"} />
        <button type="submit" className="btn-secondary">
          {subscribed ? "Stop the letters" : "Send me the letters"}
        </button>
      </ActionForm>
    </section>
  );
}
