import { waitForEmail } from "./mail";
import { becomeMember, signInAsCoach } from "./members";
import { expect, test } from "./fixtures";

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

test("a refused send says what is missing next to the field and keeps the words; a second coach sees the first one answering", async ({ page, browser }) => {
  test.slow(); // a member and two coaches each sign in by email link: three journeys in one test
  const email = await becomeMember(page, "no-mood");
  await page.goto("/dojo/check-ins/new");
  const words = `Forgot the mood ${Date.now()}`;
  await page.getByLabel("What happened since last time?").fill(words);
  await page.getByRole("button", { name: "Send" }).click();
  const moodGroup = page.getByRole("group", { name: /How do you feel today/ });
  await expect(moodGroup.getByRole("alert")).toHaveText("Choose how you feel, from 1 to 10.");
  await expect(moodGroup).toHaveAccessibleDescription("Choose how you feel, from 1 to 10.");
  await expect(page.getByLabel("What happened since last time?")).toHaveValue(words);
  await expect(page).toHaveURL(/\/dojo\/check-ins\/new$/);
  await page.getByText("4", { exact: true }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Sent. Your coach will read it")).toBeVisible();

  const first = await (await browser.newContext()).newPage();
  await signInAsCoach(first, 8);
  await first.getByLabel("Member email").fill(email);
  await first.getByRole("button", { name: "Filter" }).click();
  await first.getByRole("link", { name: email }).click();
  await first.waitForURL(/\/coach\/check-ins\/[0-9a-f-]{36}$/);
  const checkinUrl = first.url();

  // Only reading: a second coach can still answer.
  const second = await (await browser.newContext()).newPage();
  await signInAsCoach(second, 9);
  await second.goto(checkinUrl);
  await expect(second.getByLabel("Your reply (Markdown)")).toBeVisible();

  // The first coach starts writing: that claims it, and the second coach now sees it taken.
  await first.getByLabel("Your reply (Markdown)").fill("Thank you for telling me.");
  await expect.poll(async () => {
    await second.reload();
    return second.getByText("is answering this check-in right now").count();
  }, { timeout: 20_000 }).toBe(1);
  await expect(second.getByLabel("Your reply (Markdown)")).toHaveCount(0);
  await first.getByRole("button", { name: "Send reply" }).click();
  await expect(first.getByText("This check-in has been answered.")).toBeVisible();
});
