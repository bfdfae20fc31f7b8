import "server-only";
import { renderEmail, type RenderedEmail } from "./layout";

// Check-in emails say only that something is waiting: never a word of what a
// member wrote or was told, not even who answered. Their params hold no text
// at all, so no caller can pass check-in text in.

/** To the member: a coach has answered. `url` opens the check-in after sign-in. */
export function checkinReplyEmail({ url }: { url: string }): RenderedEmail {
  return {
    subject: "You have a new reply in the Dojo",
    ...renderEmail({
      heading: "You have a new reply",
      paragraphs: ["There’s a reply waiting for you. Sign in to read it — for your privacy, we never put it in an email."],
      button: { label: "Read the reply", url },
      footer: "You’re getting this because you sent a check-in.",
    }),
  };
}

/** The daily note to coaches: how many are waiting, how many urgent. Counts only — no member, no text. */
export function coachDigestEmail({ waiting, urgent, queueUrl }: { waiting: number; urgent: number; queueUrl: string }): RenderedEmail {
  return {
    subject: "Today’s summary",
    ...renderEmail({
      heading: `${waiting} waiting for a reply`,
      paragraphs: [urgent > 0 ? `${urgent} marked urgent: please look at those first.` : "None are marked urgent."],
      button: { label: "Open the queue", url: queueUrl },
    }),
  };
}
