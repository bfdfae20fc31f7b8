import "server-only";
import { renderEmail, type RenderedEmail } from "./layout";

const minutesText = (n: number) => (n === 1 ? "1 minute" : `${n} minutes`);

/** The magic link. The page it opens asks for one more click, so a mail scanner opening the link signs nobody in. */
export function signInLinkEmail({ url, minutes }: { url: string; minutes: number }): RenderedEmail {
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error("minutes must be a positive whole number");
  const m = minutesText(minutes);
  return {
    subject: "Your sign-in link",
    ...renderEmail({
      preheader: `It works once, for the next ${m}.`,
      heading: "Here’s your link",
      paragraphs: [
        "You asked to sign in. Use the button below and you’re in.",
        `The link works once, and only for the next ${m}. If it runs out, just ask for a new one.`,
        "Didn’t ask for this? Then ignore this email. Nothing happens without the link.",
      ],
      button: { label: "Sign in", url },
      footer: "You’re getting this because someone asked for a sign-in link for this address.",
    }),
  };
}

/** A card was declined. No amount, no plan name, nothing that says what the membership is for. */
export function paymentFailedEmail({ billingUrl }: { billingUrl: string }): RenderedEmail {
  return {
    subject: "A note about your account",
    ...renderEmail({
      preheader: "A quick card update, when you have a minute.",
      heading: "Your card needs a quick look",
      paragraphs: [
        "The last payment for your membership didn’t go through. It happens: cards expire, banks get cautious.",
        "Nothing changes right away. Updating your card takes about a minute, and then you can forget about it.",
        "If you’d rather stop, that’s fine too. You can cancel on the same page.",
      ],
      button: { label: "Update my card", url: billingUrl },
      footer: "You’re getting this because your membership uses this email address.",
    }),
  };
}

/**
 * After paying without being signed in: a sign-in link that opens the library. It names
 * no product: a title like "the no-contact workbook" would say what the purchase is for.
 */
export function purchaseReadyEmail({ url, minutes, signInUrl }: { url: string; minutes: number; signInUrl: string }): RenderedEmail {
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error("minutes must be a positive whole number");
  const m = minutesText(minutes);
  return {
    subject: "Your order is ready",
    ...renderEmail({
      preheader: "Thanks for your order. Here’s how to get it.",
      heading: "Thanks. It’s ready for you",
      paragraphs: [
        "Your payment went through. What you bought is waiting in your library, with your receipt.",
        `The button signs you in and takes you straight there. It works once, for the next ${m}.`,
        `If it has run out, no problem: sign in with this email address at ${signInUrl} and open your library.`,
      ],
      button: { label: "Open my library", url },
      footer: "You’re getting this because this address was used to pay for an order.",
    }),
  };
}
