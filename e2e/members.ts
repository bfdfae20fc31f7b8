import { expect, type Page } from "@playwright/test";
import { signInLinkFor, uniqueEmail } from "./mail";

/** Signs in from the sign-in page by the link emailed through the SMTP sink. */
export async function signIn(page: Page, email: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await signInLinkFor(email));
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fills the Stripe emulator's hosted checkout. */
export async function payWithCard(page: Page, card: string) {
  await expect(page.getByRole("button", { name: "Subscribe" })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Sam Example");
  await page.getByRole("button", { name: "Subscribe" }).click();
}

/** A new member with a paid (trial) subscription, signed in and inside the Dojo. */
export async function becomeMember(page: Page, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await page.goto("/join?plan=monthly");
  await signIn(page, email);
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/dojo\?welcome=1$/);
  return email;
}

/**
 * Signs in as one of the coach accounts (admins in the e2e stack, see playwright.config.ts).
 * Each test uses its own number so parallel tests never share a sign-in link.
 */
export async function signInAsCoach(page: Page, coachNumber: number, next = "/coach/check-ins") {
  await page.goto(`/signin?${new URLSearchParams({ callbackUrl: next })}`);
  await signIn(page, `coach${coachNumber}@example.com`);
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, "\\$&")));
}
