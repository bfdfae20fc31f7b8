import { expect, test } from "@playwright/test";
import { waitForEmail } from "./mail";
import { becomeMember, signInAsCoach } from "./members";

test("a member writes a check-in, a coach replies, the member is emailed and reads the reply", async ({ page, browser }) => {
  const email = await becomeMember(page, "writer");
  await page.goto("/dojo/check-ins/new");
  await page.getByText("6", { exact: true }).click();
  const words = `Handover went fine today ${Date.now()}`;
  await page.getByLabel("What happened since last time?").fill(words);
  await page.getByLabel("One win, however small").fill("I went for a walk");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Sent. Your coach will read it")).toBeVisible();
  const checkinUrl = page.url().replace(/\?.*$/, "");

  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 1);
  await coach.getByLabel("Member email").fill(email);
  await coach.getByRole("button", { name: "Filter" }).click();
  await coach.getByRole("link", { name: email }).click();
  await expect(coach.getByText(words)).toBeVisible();
  await coach.getByLabel("Your reply (Markdown)").fill("That walk matters. **Keep going.**");
  await coach.getByRole("button", { name: "Send reply" }).click();
  await expect(coach.getByText("This check-in has been answered.")).toBeVisible();
  await expect(coach.getByText("That walk matters.")).toBeVisible();
  await coachContext.close();

  const mail = await waitForEmail(email, "You have a new reply in the Dojo");
  expect(mail.text).not.toContain("Handover");
  expect(mail.text).not.toContain("Keep going");
  const link = mail.text.match(/https?:\/\/\S+\/dojo\/check-ins\/[0-9a-f-]{36}/)?.[0];
  expect(link).toBe(checkinUrl);
  await page.goto(link ?? "");
  await expect(page.getByRole("region", { name: /Reply from/ })).toContainText("That walk matters. Keep going.");
  await expect(page.getByText(/Read by coach1 at/).first()).toBeVisible();
});

test("an urgent check-in shows help at once and jumps the coach's queue", async ({ page, browser }) => {
  const email = await becomeMember(page, "urgent");
  await page.goto("/dojo/check-ins/new");
  await page.getByText("2", { exact: true }).click();
  await page.getByLabel("What is hard right now?").fill("Some nights I want to die");
  await expect(page.getByRole("heading", { name: "Get help now" })).toBeVisible(); // while typing, before sending
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("heading", { name: "Get help now" })).toBeVisible();

  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 2);
  const first = coach.getByRole("list", { name: /Queue/ }).getByRole("listitem").first();
  await expect(first).toContainText(email);
  await expect(first).toContainText("Urgent");
  await coachContext.close();
});

test("another member opening someone's check-in gets a 404, and a draft survives a reload", async ({ page, browser }) => {
  await becomeMember(page, "owner-of-draft");
  await page.goto("/dojo/check-ins/new");
  await page.getByLabel("What happened since last time?").fill("A thought I must not lose");
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("What happened since last time?")).toHaveValue("A thought I must not lose");
  await page.getByText("5", { exact: true }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/dojo\/check-ins\/[0-9a-f-]{36}\?sent=1/);
  const url = page.url().replace(/\?.*$/, "");

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await becomeMember(stranger, "stranger");
  const res = await stranger.goto(url);
  expect(res?.status()).toBe(404);
  await expect(stranger.getByText("A thought I must not lose")).toHaveCount(0);
  await strangerContext.close();
});
