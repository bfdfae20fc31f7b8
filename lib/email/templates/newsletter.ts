import "server-only";
import { randomBytes } from "node:crypto";
import { BRAND, escapeHtml, INK, MUTED, renderEmail, type RenderedEmail } from "./layout";

// Newsletter emails. The ones we write are as discreet as every other email:
// neutral subject, nothing about breakups or who sent them. An issue's subject
// and body are the coach's own, and the reader asked for them.

/** Double opt-in: `hours` is how long the confirmation link works. */
export function confirmSubscriptionEmail({ confirmUrl, hours }: { confirmUrl: string; hours: number }): RenderedEmail {
  return {
    subject: "Please confirm your email address",
    ...renderEmail({
      preheader: "One click and you’re on the list.",
      heading: "One click to confirm",
      paragraphs: [
        "You asked to get our occasional letters at this address. Press the button and you’re on the list.",
        `The link works for ${hours} hours. Every letter has a link to stop them, and it works in one click.`,
        "Didn’t ask for this? Then ignore this email. Without the click, you won’t hear from us.",
      ],
      button: { label: "Confirm my address", url: confirmUrl },
      footer: "You’re getting this because someone entered this address in a sign-up form.",
    }),
  };
}

/** Asking again for an address that is already on the list: tell the owner, not the person who asked. */
export function alreadySubscribedEmail({ manageUrl }: { manageUrl: string }): RenderedEmail {
  return {
    subject: "About your email preferences",
    ...renderEmail({
      preheader: "Nothing changed. This is just so you know.",
      heading: "You’re already on the list",
      paragraphs: [
        "Someone asked to sign this address up for our letters. It’s already signed up, so nothing changed.",
        "If you’d like to stop getting them, or just check your settings, use the button below.",
      ],
      button: { label: "See my settings", url: manageUrl },
      footer: "You’re getting this because someone entered this address in a sign-up form.",
    }),
  };
}

/**
 * Inline styles for the tags the Markdown renderer writes, since many mail
 * apps drop <style> blocks. The input is the renderer's output (raw HTML in
 * the source is escaped there), so its tags are known and attribute-free apart from links.
 */
function styleForEmail(html: string): string {
  return html
    .replace(/<p>/g, '<p style="margin:0 0 16px;">')
    .replace(/<h([1-6])>/g, `<h$1 style="margin:24px 0 12px;font-family:Georgia, 'Times New Roman', serif;font-size:19px;line-height:1.3;font-weight:600;color:${INK};">`)
    .replace(/<(ul|ol)>/g, '<$1 style="margin:0 0 16px;padding-left:24px;">')
    .replace(/<li>/g, '<li style="margin:0 0 6px;">')
    .replace(/<blockquote>/g, `<blockquote style="margin:0 0 16px;padding:0 0 0 14px;border-left:3px solid #e4ddd2;color:${MUTED};">`)
    .replace(/<a href=/g, `<a style="color:${BRAND};" href=`);
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The first words of the issue, for the inbox preview line. */
function previewOf(html: string): string {
  const text = decode(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
  return text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text;
}

export interface IssueEmailInput {
  subject: string;
  /** The body as the Markdown renderer wrote it (safe HTML). */
  bodyHtml: string;
  /** The Markdown source, which reads well as the plain-text part. */
  bodyMd: string;
  manageUrl: string;
  unsubscribeUrl: string;
  /** The site's address: links such as /quiz in the body only work in an email once made absolute. */
  siteUrl: string;
  /** A copy the coach sends to themselves before the real thing. */
  test?: boolean;
}

/**
 * One issue for one reader. renderEmail escapes every paragraph, which is right
 * for the copy above but not for a body that is already HTML, so the body and
 * the footer links go in where marker paragraphs were.
 */
export function issueEmail(input: IssueEmailInput): RenderedEmail {
  const site = input.siteUrl.replace(/\/+$/, "");
  const bodyHtml = input.bodyHtml.replace(/href="\/(?!\/)/g, () => `href="${site}/`);
  const bodyMd = input.bodyMd.replace(/\]\(\/(?!\/)/g, () => `](${site}/`);
  const body = `m${randomBytes(8).toString("hex")}`;
  const foot = `f${randomBytes(8).toString("hex")}`;
  const layout = renderEmail({
    preheader: previewOf(bodyHtml),
    heading: input.subject,
    paragraphs: input.test ? ["This is a test copy, sent only to you. Readers get it without this line.", body] : [body],
    footer: foot,
  });

  const footerText = [
    "You get these letters because you asked for them at this address.",
    `Change your settings: ${input.manageUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
  ].join("\n");
  const footerHtml =
    "You get these letters because you asked for them at this address.<br>" +
    `<a href="${escapeHtml(input.manageUrl)}" style="color:${MUTED};">Change your settings</a> · ` +
    `<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:${MUTED};">Unsubscribe</a>`;

  const bodyParagraph = new RegExp(`<p\\b[^>]*>${body}</p>`);
  if (!bodyParagraph.test(layout.html) || !layout.html.includes(foot)) throw new Error("email layout changed: no place for the issue body");
  return {
    subject: input.test ? `[Test] ${input.subject}` : input.subject,
    text: layout.text.replace(body, () => bodyMd.trim()).replace(foot, () => footerText),
    html: layout.html.replace(bodyParagraph, () => styleForEmail(bodyHtml)).replace(foot, () => footerHtml),
  };
}
