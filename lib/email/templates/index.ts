import "server-only";
import { paymentFailedEmail, purchaseReadyEmail, signInLinkEmail } from "./account";
import { checkinReplyEmail, coachDigestEmail } from "./checkins";
import type { RenderedEmail } from "./layout";
import { alreadySubscribedEmail, confirmSubscriptionEmail, issueEmail } from "./newsletter";

// Every email the app sends is written by one of these. Members may share a
// device or an inbox with their ex, so what an inbox shows before an email is
// opened (subject, sender, preview line) says nothing about what the app is
// for, and no email carries a word of a check-in. discretion.test.ts checks
// both over this whole registry, and fails for a template in this folder that
// is missing from it or has no case there.

export const emailTemplates = {
  signInLink: signInLinkEmail,
  paymentFailed: paymentFailedEmail,
  purchaseReady: purchaseReadyEmail,
  checkinReply: checkinReplyEmail,
  coachDigest: coachDigestEmail,
  newsletterConfirm: confirmSubscriptionEmail,
  newsletterAlreadySubscribed: alreadySubscribedEmail,
  newsletterIssue: issueEmail,
} satisfies Record<string, (params: never) => RenderedEmail>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateParams<N extends EmailTemplateName> = Parameters<(typeof emailTemplates)[N]>[0];

export { paymentFailedEmail, purchaseReadyEmail, signInLinkEmail } from "./account";
export { checkinReplyEmail, coachDigestEmail } from "./checkins";
export type { RenderedEmail } from "./layout";
export { alreadySubscribedEmail, confirmSubscriptionEmail, issueEmail, type IssueEmailInput } from "./newsletter";
