import { describe, expect, it } from "vitest";
import { checkinReplyEmail, coachDigestEmail } from "./checkins";

describe("check-in emails", () => {
  it("the reply notice links to the check-in and says the reply is only on the site", () => {
    const mail = checkinReplyEmail({ url: "https://dojo.test/dojo/check-ins/abc" });
    expect(mail.subject).toBe("You have a new reply in the Dojo");
    expect(mail.text).toContain("https://dojo.test/dojo/check-ins/abc");
    expect(mail.html).toContain('href="https://dojo.test/dojo/check-ins/abc"');
    expect(mail.text).toMatch(/never put it in an email/);
  });

  it("the coaches' note gives the counts, and asks for the urgent ones first only when there are some", () => {
    const busy = coachDigestEmail({ waiting: 3, urgent: 2, queueUrl: "https://dojo.test/coach/check-ins" });
    expect(busy.text).toMatch(/^3 waiting for a reply\n\n2 marked urgent: please look at those first\./);
    expect(busy.html).toContain('href="https://dojo.test/coach/check-ins"');
    expect(coachDigestEmail({ waiting: 1, urgent: 0, queueUrl: "https://dojo.test/q" }).text).toMatch(/None are marked urgent/);
  });
});
