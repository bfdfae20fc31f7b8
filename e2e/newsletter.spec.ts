import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, QuizPage, test } from "./fixtures";
import { signInLinkFor, uniqueEmail, waitForEmail } from "./mail";
import { e2ePorts } from "./ports";

const sink = `http://127.0.0.1:${e2ePorts.smtpHttp}`;

async function signIn(page: Page, email: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await signInLinkFor(email));
  await page.getByRole("button", { name: "Sign in" }).click();
}

function linkIn(text: string, path: string): string {
  const link = text.match(new RegExp(`https?://\\S+${path.replace(/\//g, "\\/")}\\?\\S+`))?.[0];
  if (!link) throw new Error(`no ${path} link in: ${text}`);
  return link;
}

/** The raw headers of the newest message to `to` with this subject, as the SMTP sink received it. */
async function headersOf(to: string, subject: string): Promise<Record<string, string>> {
  const list = (await (await fetch(`${sink}/messages?${new URLSearchParams({ to })}`)).json()) as { subject: string; headers: Record<string, string> }[];
  return list.filter((m) => m.subject === subject).at(-1)?.headers ?? {};
}

test("subscribe from a quiz result, confirm by email, receive an issue, unsubscribe from its link", async ({ page, browser }) => {
  const reader = uniqueEmail("reader");

  // A reader finishes the quiz and, on their plan, asks for the letter.
  const quiz = new QuizPage(page);
  await quiz.start();
  await quiz.finish();
  const signup = page.getByRole("region", { name: "Get the ex-communication letter" });
  await signup.getByLabel("Your email address").fill(reader);
  await signup.getByRole("button", { name: "Subscribe" }).click();
  await expect(signup.getByText("Almost there. Check your inbox.")).toBeVisible();

  // Confirmation: opening the link only shows a button; pressing it confirms.
  const confirmation = await waitForEmail(reader, "Please confirm your email address");
  await page.goto(linkIn(confirmation.text, "/newsletter/confirm"));
  await expect(page.getByRole("heading", { level: 1, name: "One click to confirm" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status")).toHaveText("You’re in. The next letter will come to this address.");

  // The owner (an admin in the e2e stack) writes an issue and sends it now.
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await coach.goto("/signin?callbackUrl=/coach/newsletter");
  await signIn(coach, "owner@example.com");
  await expect(coach.getByRole("heading", { level: 1, name: "Newsletter" })).toBeVisible();
  await coach.getByRole("link", { name: "Write an issue" }).click();
  const subject = `When they text first ${Date.now()}`;
  await coach.getByLabel("Subject").fill(subject);
  await coach.getByLabel("Letter (Markdown)").fill("Reply **briefly and kindly**, then step back.\n\n- Don’t reopen the relationship.\n- Don’t hand them ammunition.");
  await expect(coach.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("briefly and kindly");
  coach.once("dialog", (dialog) => void dialog.accept());
  await coach.getByRole("button", { name: "Send now" }).click();
  await expect(coach.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(coach.getByRole("progressbar", { name: "Delivery progress" })).toBeVisible();
  // The coach's progress numbers come from the outbox: wait until nothing is left waiting.
  const issueId = /\/coach\/newsletter\/(\d+)/.exec(coach.url())?.[1];
  await expect
    .poll(async () => (await (await coach.request.get(`/api/newsletter/issues/${issueId}/progress`)).json()) as { sent: number; waiting: number }, { timeout: 30_000 })
    .toMatchObject({ sent: expect.any(Number), waiting: 0 });
  await coachContext.close();

  // The reader gets it, with a one-click unsubscribe header and a link to leave.
  const issue = await waitForEmail(reader, subject);
  expect(issue.text).toContain("Reply **briefly and kindly**, then step back.");
  expect(issue.html).toContain("<strong>briefly and kindly</strong>");
  const headers = await headersOf(reader, subject);
  expect(headers["list-unsubscribe"]).toMatch(/^<https?:\/\/\S+\/newsletter\/unsubscribe\?token=[^>]+>, <mailto:[^>]+>$/);
  expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  await page.goto(linkIn(issue.text, "/newsletter/unsubscribe"));
  await expect(page).toHaveURL(/\/newsletter\/manage\?/);
  await expect(page.getByRole("heading", { name: "You’re subscribed" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toHaveText("Done. You won’t get any more letters.");
  await expect(page.getByRole("heading", { name: "You’re not subscribed" })).toBeVisible();

  // The archive shows the issue, and invites the reader to the free quiz.
  await page.goto("/newsletter/archive");
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByRole("link", { name: "Get my free plan" })).toHaveAttribute("href", "/quiz");
});

test("the settings page refuses a tampered link and shows nothing", async ({ page }) => {
  const res = await page.goto("/newsletter/manage?token=00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "This link doesn’t work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
});

test("the public newsletter pages have no accessibility violations", async ({ page }) => {
  for (const path of ["/newsletter", "/newsletter/archive", "/newsletter/confirm?token=expired"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-up form still works, errors included", async ({ page }) => {
    await page.goto("/newsletter");
    const form = page.getByRole("region", { name: "Subscribe" });
    await form.getByLabel("Your email address").fill("not an address");
    await form.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("alert")).toContainText("email address like name@example.com");
    const email = uniqueEmail("nojs");
    await page.getByRole("region", { name: "Subscribe" }).getByLabel("Your email address").fill(email);
    await page.getByRole("region", { name: "Subscribe" }).getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByText("Almost there. Check your inbox.")).toBeVisible();
    await waitForEmail(email, "Please confirm your email address");
  });
});
