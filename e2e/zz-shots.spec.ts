import { test } from "@playwright/test";
import { becomeMember, signInAsCoach } from "./members";

const widths = [1280, 375];
async function shoot(page: import("@playwright/test").Page, name: string) {
  for (const w of widths) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: true });
  }
}

test("shots", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto("/signin");
  await page.getByLabel("Your email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("alert").first().waitFor();
  await shoot(page, "signin-error");

  await page.goto("/newsletter");
  await page.getByLabel("Your email address").first().fill("nope@");
  await page.getByRole("button", { name: "Subscribe" }).first().click();
  await page.getByRole("alert").first().waitFor();
  await shoot(page, "newsletter-error");

  const email = await becomeMember(page, "shots");
  await page.goto("/dojo/check-ins/new");
  await page.getByLabel("What happened since last time?").fill("Typed words that must stay");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("alert").first().waitFor();
  await shoot(page, "checkin-error");
  await page.getByText("5", { exact: true }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await page.waitForURL(/sent=1/);

  await page.goto("/dojo/check-ins");
  await shoot(page, "checkins-list");
  await page.goto("/account");
  await page.getByText("Delete my account").click();
  await page.getByLabel(/to confirm/).fill("wrong@example.com");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await page.getByRole("alert").first().waitFor();
  await shoot(page, "account-delete-error");

  const coach = await (await browser.newContext()).newPage();
  await signInAsCoach(coach, 6);
  await coach.getByLabel("Member email").fill(email);
  await coach.getByRole("button", { name: "Filter" }).click();
  await coach.getByRole("link", { name: email }).click();
  await coach.waitForURL(/check-ins\/[0-9a-f-]{36}$/);
  await coach.getByRole("button", { name: "Send reply" }).click();
  await coach.getByRole("alert").first().waitFor();
  await shoot(coach, "coach-reply-error");
  await coach.goto("/coach/lessons");
  await shoot(coach, "coach-lessons");
  await coach.getByRole("button", { name: "Add module" }).click();
  await coach.waitForTimeout(500);
  await shoot(coach, "coach-lessons-module-error");
  await coach.goto("/coach/newsletter/new");
  await coach.getByRole("button", { name: "Save draft" }).click();
  await coach.getByRole("alert").first().waitFor();
  await shoot(coach, "coach-issue-error");
});
