import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { becomeMember } from "./members";
import { expect, test } from "./fixtures";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Answers the flow's questions by their visible labels, step by step, as a person would. */
async function answer(page: Page, kind: string | RegExp, rest: { afraid?: string; ties?: string[]; want?: string } = {}) {
  await page.getByRole("radio", { name: kind }).check();
  await page.getByRole("button", { name: "Next" }).click();
  if (rest.afraid) await page.getByRole("radio", { name: rest.afraid }).check();
  for (const tie of rest.ties ?? []) await page.getByRole("checkbox", { name: tie, exact: true }).check();
  if (rest.want) await page.getByRole("radio", { name: rest.want }).check();
  if (rest.afraid || rest.ties || rest.want) await page.getByRole("button", { name: "Show me what to say" }).click();
}

test("a member gets drafts, reads a pasted message without storing it, and logs the contact in one tap", async ({ page }) => {
  await becomeMember(page, "exreply");
  await page.goto("/dojo");
  await page.getByRole("link", { name: /Your ex just messaged you/ }).click();
  await expect(page).toHaveURL(/\/dojo\/ex-reached-out$/);
  await expectNoAxeViolations(page);

  await answer(page, /^Practical/, { afraid: "No, I feel safe", ties: ["Children"], want: "To keep things civil, for the children, the home or work" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Here’s how you could answer");
  const drafts = page.getByRole("region", { name: "Replies you could send" }).getByRole("listitem");
  expect(await drafts.count()).toBeGreaterThanOrEqual(2);
  await expect(drafts.first()).toContainText("Because it was about practical things and you share children.");
  await expect(page.getByRole("heading", { name: "What not to say, and why" })).toBeVisible();
  // The answers are in the address; nothing typed ever is.
  expect(page.url()).toContain("kind=logistics");
  await expectNoAxeViolations(page);

  const pasted = `Can you take Mia on Friday at 5? ${Date.now()}`;
  await page.getByLabel("Paste the message you got").fill(pasted);
  await page.getByRole("button", { name: "Read it through" }).click();
  await expect(page.getByText("It asks you something.")).toBeVisible();
  await expect(page.getByText("Nothing was saved.")).toBeVisible();
  expect(page.url()).not.toContain("Mia");
  await expect(page.getByText("None yet. Nothing you paste is kept")).toBeVisible();

  await page.getByRole("button", { name: "Log that they reached out today" }).click();
  await expect(page.getByText("Logged: they reached out today.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Log that they reached out today" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Your contact log" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Your contact log" })).toContainText("They reached out");

  // Saving is a choice; once saved, it is the member's to read and delete.
  await page.getByLabel("Paste the message you got").fill(pasted);
  await page.getByLabel(/Save this message/).check();
  await page.getByRole("button", { name: "Read it through" }).click();
  await expect(page.getByText("Saved. Only you can read it")).toBeVisible();
  const saved = page.getByRole("region", { name: "Messages you saved" });
  await expect(saved).toContainText(pasted);
  await saved.getByRole("button", { name: /Delete this message/ }).click();
  await expect(saved).not.toContainText(pasted);
});

test("a threatening message shows safety resources and no draft, for members and from a pasted message", async ({ page }) => {
  await becomeMember(page, "exthreat");
  await page.goto("/dojo/ex-reached-out");
  await answer(page, "Threatening, or it frightened me");
  await expect(page.getByRole("heading", { name: "Get help now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Replies you could send" })).toHaveCount(0);
  await expect(page.locator("[data-draft]")).toHaveCount(0);

  // A message picked as friendly, whose words threaten: the drafts give way to safety.
  await page.goto("/dojo/ex-reached-out?kind=check_in&afraid=no&ties=none&want=move_on");
  await expect(page.locator("[data-draft]").first()).toBeVisible();
  await page.getByLabel("Paste the message you got").fill("You'll regret this. I know where you live.");
  await page.getByRole("button", { name: "Read it through" }).click();
  await expect(page.getByRole("heading", { name: "Get help now" })).toBeVisible();
  await expect(page.locator("[data-draft]")).toHaveCount(0);
});

test("the public version passes an accessibility check at each step", async ({ page }) => {
  await page.goto("/ex-reached-out");
  await expectNoAxeViolations(page);
  await page.goto("/ex-reached-out?kind=hostile&afraid=no&step=details");
  await expect(page.getByText("Please choose one answer.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/ex-reached-out?kind=late_night&afraid=no&ties=work&want=not_sure");
  await expectNoAxeViolations(page);
  await page.goto("/ex-reached-out?kind=threat");
  await expectNoAxeViolations(page);
});

// axe runs scripts in the page, so the checks above have JavaScript; the journey here has none.
test.describe("the public version without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("gives drafts from a GET form, invites to the free quiz, and shows help with no sales on a safety result", async ({ page }) => {
    await page.goto("/ex-reached-out");
    await answer(page, "A friendly check-in, like “How are you doing?”", { afraid: "No, I feel safe", ties: ["None of these"], want: "To heal and move on" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Here’s how you could answer");
    expect(await page.locator("[data-draft]").count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator("[data-draft]").first()).toContainText("Because it was a friendly check-in");
    await expect(page.getByRole("link", { name: "Take the free quiz" })).toHaveAttribute("href", "/quiz");
    await expect(page.getByRole("textbox")).toHaveCount(0); // no paste box in public

    // A missing answer is named, and what was chosen stays chosen.
    await page.goto("/ex-reached-out?kind=hostile");
    await page.getByRole("radio", { name: "No, I feel safe" }).check();
    await page.getByRole("button", { name: "Show me what to say" }).click();
    await expect(page.getByText("Please tick at least one answer.")).toBeVisible();
    await expect(page.getByRole("radio", { name: "No, I feel safe" })).toBeChecked();

    // Afraid: help first, no draft, nothing promotional.
    await page.goto("/ex-reached-out?kind=hostile");
    await page.getByRole("radio", { name: "Yes, I feel afraid or unsafe" }).check();
    await page.getByRole("button", { name: "Show me what to say" }).click();
    await expect(page.getByRole("heading", { name: "Get help now" })).toBeVisible();
    await expect(page.locator("[data-draft]")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: /quiz|pricing|Dojo|join/i })).toHaveCount(0);
  });
});
