import { describe, expect, it } from "vitest";
import { paymentFailedEmail, renderEmail, signInLinkEmail } from "./templates";

const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;

/** Everything that looks like a tag must be one the layout itself wrote. */
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => m[1]?.toLowerCase());
const LAYOUT_TAGS = new Set(["!doctype", "html", "head", "meta", "title", "body", "div", "table", "tr", "td", "h1", "p", "a", "br"]);

describe("email layout", () => {
  it("escapes every piece of text it is given", () => {
    const { html, text } = renderEmail({
      preheader: hostile,
      heading: hostile,
      paragraphs: [hostile, "Tom & Jerry's <b>bold</b>"],
      button: { label: hostile, url: `https://dojo.test/x?q="><script>alert(3)</script>` },
      footer: hostile,
    });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;bold&lt;/b&gt;");
    for (const tag of tags(html)) expect(LAYOUT_TAGS).toContain(tag);
    // The text part is plain text: shown as written, nothing to escape.
    expect(text).toContain("Tom & Jerry's <b>bold</b>");
  });

  it("refuses links that are not web links", () => {
    expect(() => renderEmail({ heading: "h", paragraphs: [], button: { label: "go", url: "javascript:alert(1)" } })).toThrow();
    expect(() => renderEmail({ heading: "h", paragraphs: [], button: { label: "go", url: "data:text/html,hi" } })).toThrow();
  });

  it("writes a plain-text part with the link spelled out, and a self-contained HTML part", () => {
    const { text, html } = renderEmail({ heading: "Hello", paragraphs: ["One.", "Two."], button: { label: "Open", url: "https://dojo.test/a" }, footer: "Why you got this." });
    expect(text).toBe("Hello\n\nOne.\n\nTwo.\n\nOpen:\nhttps://dojo.test/a\n\n--\nWhy you got this.\n");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a href="https://dojo.test/a"');
    expect(html).not.toMatch(/<img|<link|@import|url\(|<script/i);
  });
});

describe("templates", () => {
  const signIn = signInLinkEmail({ url: "https://dojo.test/signin/verify?token=t0k&email=a%40b.test", minutes: 10 });
  const payment = paymentFailedEmail({ billingUrl: "https://dojo.test/dojo/billing" });

  it("the sign-in link: neutral subject, the link, once, for N minutes, ignore if not asked", () => {
    expect(signIn.subject).toBe("Your sign-in link");
    expect(signIn.text).toContain("https://dojo.test/signin/verify?token=t0k&email=a%40b.test");
    expect(signIn.html).toContain('href="https://dojo.test/signin/verify?token=t0k&amp;email=a%40b.test"');
    expect(signIn.text).toMatch(/works once/);
    expect(signIn.text).toMatch(/10 minutes/);
    expect(signIn.text).toMatch(/ignore this email/i);
    expect(signInLinkEmail({ url: "https://dojo.test/x", minutes: 1 }).text).toMatch(/1 minute\b/);
    expect(() => signInLinkEmail({ url: "https://dojo.test/x", minutes: 0 })).toThrow();
  });

  it("the payment note: neutral, no amounts, a link to update the card", () => {
    expect(payment.subject).toBe("A note about your account");
    expect(payment.text).toContain("https://dojo.test/dojo/billing");
    expect(payment.html).toContain('href="https://dojo.test/dojo/billing"');
    expect(payment.text).toMatch(/membership/);
    expect(payment.text).not.toMatch(/[$€£]|\d/);
  });

  it("say nothing that would give away what the emails are about", () => {
    for (const mail of [signIn, payment]) {
      expect(mail.text.length).toBeGreaterThan(50);
      expect(mail.html).toContain("</html>");
      for (const part of [mail.subject, mail.text.replace(/https:\S+/g, ""), mail.html.replace(/https:[^"\s<]+/g, "")]) {
        expect(part).not.toMatch(/break ?up|\bex\b|no[- ]contact|check-in|heal|relationship|dojo|coach/i);
      }
    }
  });
});
