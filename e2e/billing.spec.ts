import type { Page } from "@playwright/test";
import { expect, QuizPage, test } from "./fixtures";
import { uniqueEmail } from "./mail";
import { payWithCard, signIn } from "./members";
import { advanceSubscription, subscriptionIdFor } from "./stripe";

async function expectOutsideTheDojo(page: Page) {
  await page.goto("/dojo");
  await expect(page).toHaveURL(/\/pricing\?from=dojo/);
}

test("from a quiz result to inside the Dojo: join, sign in by email link, pay, keep the result", async ({ page }) => {
  const email = uniqueEmail("journey");
  const quiz = new QuizPage(page);
  await quiz.start();
  await quiz.finish({ "Does anything still tie you to your ex?": ["We have children together"] });
  await page.getByRole("link", { name: "See what’s in the Dojo" }).click();
  await page.getByRole("link", { name: "Join with the monthly plan" }).click();

  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "One thing before you pay" })).toBeVisible();
  await page.getByLabel("Yes, keep it").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();

  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/dojo\?welcome=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome in. We’re glad you’re here.");

  await page.goto("/account");
  await expect(page.getByText("Limited contact: brief, civil, practical")).toBeVisible();
  await page.goto("/account/billing");
  await expect(page.getByText("Free trial")).toBeVisible();
});

test("a declined card stays outside with Stripe's message", async ({ page }) => {
  const email = uniqueEmail("declined");
  await page.goto("/pricing");
  await page.getByRole("link", { name: "Join with the yearly plan" }).click();
  await signIn(page, email);
  await payWithCard(page, "4000 0000 0000 0341");
  await expect(page.getByText("Your card was declined.").first()).toBeVisible();
  await expectOutsideTheDojo(page);
});

test("cancelling in the portal keeps access until the period ends, then not", async ({ page }) => {
  const email = uniqueEmail("cancel");
  await page.goto("/join?plan=monthly");
  await signIn(page, email);
  await payWithCard(page, "4242424242424242");
  await expect(page).toHaveURL(/\/dojo/);

  await page.goto("/account/billing");
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await page.getByRole("link", { name: /Return to/ }).click();
  await expect(page.getByText("Cancelled — ends at period end")).toBeVisible();
  await page.goto("/dojo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back.");

  await advanceSubscription(await subscriptionIdFor(email));
  await expect.poll(async () => (await page.goto("/dojo"), page.url()), { timeout: 15_000 }).toContain("/pricing?from=dojo");
});

test("the Dojo sends anonymous visitors to sign in, and a forged middleware header gains nothing", async ({ page, request }) => {
  await page.goto("/dojo");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdojo/);
  const forged = await request.get("/dojo", { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }, maxRedirects: 0 });
  expect(forged.status()).toBe(307);
  expect(forged.headers()["location"]).toContain("/signin");
  const coach = await request.get("/coach/members", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(coach.status());
});

test("a member who is not a coach gets a 404 on coach pages; the owner sees members", async ({ page }) => {
  const email = uniqueEmail("member");
  await page.goto("/signin?callbackUrl=/coach/members");
  await signIn(page, email);
  const res = await page.goto("/coach/members");
  expect(res?.status()).toBe(404);

  await page.context().clearCookies();
  await page.goto("/signin?callbackUrl=/coach/members");
  await signIn(page, "coach4@example.com");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.getByLabel("Search by email").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await page.getByLabel(`Free access for ${email} until`).fill("2099-01-01");
  await page.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByText("Complimentary until Jan 1, 2099")).toBeVisible();
});
