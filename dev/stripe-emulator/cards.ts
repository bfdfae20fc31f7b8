// Stripe's test cards, reduced to what this app exercises. A card either
// succeeds, is declined when charged (0341 attaches fine, so it can be saved as
// the default card and make the *next* renewal fail), or is declined outright.
import { nowSeconds } from "./time";

export interface Decline {
  code: "card_declined" | "incorrect_number" | "invalid_expiry_month" | "invalid_expiry_year" | "incomplete_cvc";
  declineCode?: string;
  message: string;
}

export interface TestCard {
  number: string;
  brand: "visa" | "mastercard";
  /** Declined when saved (checkout, portal card update). */
  onAttach?: Decline;
  /** Declined when charged (checkout, renewals). */
  onCharge?: Decline;
}

const declined: Decline = { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." };

const TEST_CARDS: readonly TestCard[] = [
  { number: "4242424242424242", brand: "visa" },
  { number: "5555555555554444", brand: "mastercard" },
  { number: "4000000000000341", brand: "visa", onCharge: declined },
  { number: "4000000000000002", brand: "visa", onAttach: declined, onCharge: declined },
  {
    number: "4000000000009995",
    brand: "visa",
    onAttach: { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
    onCharge: { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  },
];

export function findTestCard(number: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.number === number);
}

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
}

export interface ValidCard {
  card: TestCard;
  expMonth: number;
  expYear: number;
}

export type CardField = "number" | "expiry" | "cvc";

export interface CardProblem {
  field: CardField;
  decline: Decline;
}

/**
 * Checks what a hosted page received, as Stripe's card form would:
 * spaces and dashes in the number are fine, the expiry is `MM / YY` (or `MM/YYYY`)
 * and not in the past, the CVC has 3–4 digits. Returns the first problem found.
 */
export function validateCard(input: CardInput, now = nowSeconds()): ValidCard | CardProblem {
  const digits = input.number.replace(/[\s-]/g, "");
  const card = /^\d+$/.test(digits) ? findTestCard(digits) : undefined;
  if (!card) return { field: "number", decline: { code: "incorrect_number", message: "Your card number is incorrect." } };

  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input.expiry);
  const month = expiry ? Number(expiry[1]) : NaN;
  if (!expiry || !(month >= 1 && month <= 12))
    return { field: "expiry", decline: { code: "invalid_expiry_month", message: "Your card's expiration date is incomplete." } };
  const yearText = expiry[2] ?? "";
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const today = new Date(now * 1000);
  const thisMonth = today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
  if (year * 12 + month < thisMonth)
    return { field: "expiry", decline: { code: "invalid_expiry_year", message: "Your card's expiration date is in the past." } };

  if (!/^\d{3,4}$/.test(input.cvc.trim()))
    return { field: "cvc", decline: { code: "incomplete_cvc", message: "Your card's security code is incomplete." } };

  return { card, expMonth: month, expYear: year };
}

export function isCardProblem(result: ValidCard | CardProblem): result is CardProblem {
  return "field" in result;
}
