import { describe, expect, it } from "vitest";
import { paymentFailedEmail, signInLinkEmail } from "./account";

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
