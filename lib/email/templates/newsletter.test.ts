import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";
import { alreadySubscribedEmail, confirmSubscriptionEmail, issueEmail } from "./newsletter";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))`;

describe("newsletter emails", () => {
  const confirm = confirmSubscriptionEmail({ confirmUrl: "https://dojo.test/newsletter/confirm?token=abc", hours: 48 });
  const already = alreadySubscribedEmail({ manageUrl: "https://dojo.test/newsletter/manage?token=def" });

  it("the ones we write are discreet: neutral subjects, nothing about what the letters are about", () => {
    expect(confirm.subject).toBe("Please confirm your email address");
    expect(already.subject).toBe("About your email preferences");
    for (const mail of [confirm, already]) {
      for (const part of [mail.subject, mail.text.replace(/https:\S+/g, ""), mail.html.replace(/https:[^"\s<]+/g, "")]) {
        expect(part).not.toMatch(/break ?up|\bex\b|ex-communication|no[- ]contact|check-in|heal|relationship|dojo|coach/i);
      }
    }
    expect(confirm.text).toContain("https://dojo.test/newsletter/confirm?token=abc");
    expect(confirm.text).toMatch(/48 hours/);
    expect(confirm.text).toMatch(/ignore this email/i);
  });

  it("an issue carries the coach's subject, the rendered body, and both footer links", () => {
    const mail = issueEmail({
      subject: "When they text first",
      bodyHtml: renderMarkdown(`## Say less\n\nBe **kind**, then step back.\n\n${hostile}`),
      bodyMd: `## Say less\n\nBe **kind**, then step back.\n\n${hostile}`,
      manageUrl: "https://dojo.test/newsletter/manage?token=t&x=1",
      unsubscribeUrl: "https://dojo.test/newsletter/unsubscribe?token=t",
      siteUrl: "https://dojo.test/",
    });
    expect(mail.subject).toBe("When they text first");
    expect(mail.html).toContain("<strong>kind</strong>");
    expect(mail.html).toMatch(/<h2 style="[^"]+">Say less<\/h2>/);
    expect(mail.html).not.toMatch(/<script|<img|href="javascript:/);
    expect(mail.html).toContain('href="https://dojo.test/newsletter/manage?token=t&amp;x=1"');
    expect(mail.html).toContain('href="https://dojo.test/newsletter/unsubscribe?token=t"');
    expect(mail.text).toContain("Be **kind**, then step back.");
    expect(mail.text).toContain("Unsubscribe: https://dojo.test/newsletter/unsubscribe?token=t");
    expect(mail.text).not.toMatch(/\bm[0-9a-f]{16}\b|\bf[0-9a-f]{16}\b/); // no marker left behind
  });

  it("a body with $ signs and replacement patterns arrives as written", () => {
    const mail = issueEmail({ subject: "s", bodyHtml: "<p>$& $1 $$</p>", bodyMd: "$& $1 $$", manageUrl: "https://d.test/m", unsubscribeUrl: "https://d.test/u", siteUrl: "https://d.test" });
    expect(mail.html).toContain("$& $1 $$");
    expect(mail.text).toContain("$& $1 $$");
  });

  it("makes the body's site-relative links absolute, since an email has no site to be relative to", () => {
    const md = "Take [the quiz](/quiz), or read [this](https://example.org/a) or [that](//cdn.example.org/x).";
    const mail = issueEmail({ subject: "s", bodyHtml: renderMarkdown(md), bodyMd: md, manageUrl: "https://d.test/m", unsubscribeUrl: "https://d.test/u", siteUrl: "https://dojo.test" });
    expect(mail.html).toContain('href="https://dojo.test/quiz"');
    expect(mail.html).toContain('href="https://example.org/a"');
    expect(mail.text).toContain("[the quiz](https://dojo.test/quiz)");
  });

  it("a test copy says so, in the subject and the body", () => {
    const mail = issueEmail({ subject: "Hi", bodyHtml: "<p>x</p>", bodyMd: "x", manageUrl: "https://d.test/m", unsubscribeUrl: "https://d.test/u", siteUrl: "https://d.test", test: true });
    expect(mail.subject).toBe("[Test] Hi");
    expect(mail.text).toMatch(/test copy/);
  });
});
