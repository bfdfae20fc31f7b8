import { describe, expect, it } from "vitest";
import { isCardProblem, validateCard } from "./cards";

const now = Date.parse("2026-06-15T00:00:00Z") / 1000;

describe("validateCard", () => {
  it("accepts Stripe's test cards with spaces, and knows which decline when charged", () => {
    const ok = validateCard({ number: "4242 4242 4242 4242", expiry: "06 / 26", cvc: "123" }, now);
    expect(isCardProblem(ok) ? null : ok.card.onCharge).toBeUndefined();
    const declining = validateCard({ number: "4000-0000-0000-0341", expiry: "12/2030", cvc: "1234" }, now);
    expect(isCardProblem(declining) ? null : declining.card.onCharge?.message).toBe("Your card was declined.");
  });

  it("reports the field at fault", () => {
    expect(validateCard({ number: "4242 4242 4242 4241", expiry: "12/30", cvc: "123" }, now)).toMatchObject({
      field: "number",
      decline: { message: "Your card number is incorrect." },
    });
    expect(validateCard({ number: "4242424242424242", expiry: "05/26", cvc: "123" }, now)).toMatchObject({ field: "expiry" });
    expect(validateCard({ number: "4242424242424242", expiry: "13/30", cvc: "123" }, now)).toMatchObject({ field: "expiry" });
    expect(validateCard({ number: "4242424242424242", expiry: "12/30", cvc: "12" }, now)).toMatchObject({ field: "cvc" });
  });
});
