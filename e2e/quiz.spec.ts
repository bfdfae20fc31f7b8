import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, QuizPage, test } from "./fixtures";

const childrenJourney = {
  "Does anything still tie you to your ex?": ["We have children together"],
  "Are you in no contact with your ex right now?": "No, we’re still in touch",
};

const exReachedOutJourney = {
  "Are you in no contact with your ex right now?": "Yes",
  "How many days have you been in no contact?": 20,
  "Has your ex reached out since you went no contact?": "Yes",
  "Did you reply?": "No, I ignored it",
};

const safetyJourney = {
  "Before we go on: is any of this true for you right now?": ["I feel unsafe around my ex, or afraid of them"],
};

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The permalink, opened by someone else (no cookies, no history), shows the same plan. */
async function expectPermalinkShowsSamePlan(browser: Browser, page: Page, title: string) {
  const link = await page.getByLabel("Your private link").inputValue();
  expect(link).toBe(page.url());
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole("heading", { level: 1 })).toHaveText(title);
  await other.close();
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test.describe(`the free plan ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test("shared children lead to limited, practical contact", async ({ page, browser }) => {
      const quiz = new QuizPage(page);
      await quiz.start();
      const title = await quiz.finish(childrenJourney);
      expect(title).toBe("Limited contact: brief, civil, practical");
      const why = page.getByRole("region", { name: "Why this fits you" });
      await expect(why).toContainText(/children/i);
      await expect(page.getByRole("link", { name: "See what’s in the Dojo" })).toHaveAttribute("href", /^\/pricing\?result=[A-Za-z0-9_-]{24}$/);
      await expectPermalinkShowsSamePlan(browser, page, title ?? "");
    });

    test("an ex who reached out during no contact gets a brief, kind reply", async ({ page, browser }) => {
      const quiz = new QuizPage(page);
      await quiz.start();
      const title = await quiz.finish(exReachedOutJourney);
      expect(title).toBe("Reply briefly and kindly, then step back");
      expect(quiz.asked).toContain("How many days have you been in no contact?");
      await expectPermalinkShowsSamePlan(browser, page, title ?? "");
    });

    test("feeling unsafe brings crisis resources first and no sales prompt", async ({ page, browser }) => {
      const quiz = new QuizPage(page);
      await quiz.start();
      const title = await quiz.finish(safetyJourney);
      expect(title).toBe("First, let’s make sure you’re safe");
      await expect(page.getByRole("heading", { name: "Get help now" })).toBeVisible();
      await expect(page.getByRole("link", { name: /988/ }).first()).toBeVisible();
      await expect(page.locator('a[href*="pricing"]')).toHaveCount(0);
      await expect(page.getByText(/membership|join the dojo/i)).toHaveCount(0);
      await expectPermalinkShowsSamePlan(browser, page, title ?? "");
    });
  });
}

test.describe("moving around the quiz", () => {
  test("back, refresh and the browser's back button keep every answer", async ({ page }) => {
    const quiz = new QuizPage(page);
    await quiz.start();
    await quiz.answerCurrent({ "When did the breakup happen?": "1–6 months ago" });
    await quiz.answerCurrent({});
    await expect(quiz.heading()).toHaveText("Who ended it?");

    await page.getByRole("link", { name: "Back" }).click();
    await expect(quiz.heading()).toHaveText("Before we go on: is any of this true for you right now?");
    await expect(page.getByLabel("Neither of these", { exact: true })).toBeChecked();

    await page.reload();
    await expect(page.getByLabel("Neither of these", { exact: true })).toBeChecked();

    // After a reload, Next's router may answer a back press to an entry made before it by loading that
    // page again (a CI trace showed it starting ~80 ms after the question had already changed). A person
    // reads the question before pressing back again; the test lets the page settle the same way, or its
    // next back press cancels that load and fails with ERR_ABORTED.
    const back = async () => {
      await page.goBack();
      await page.waitForLoadState("networkidle");
    };
    await back();
    await expect(quiz.heading()).toHaveText("Who ended it?");
    await back();
    await expect(quiz.heading()).toHaveText("Before we go on: is any of this true for you right now?");
    await back();
    await expect(quiz.heading()).toHaveText("When did the breakup happen?");
    await expect(page.getByLabel("1–6 months ago", { exact: true })).toBeChecked();
  });

  test("the days question only appears for people in no contact", async ({ page }) => {
    const quiz = new QuizPage(page);
    await quiz.start();
    await quiz.finish({ "Are you in no contact with your ex right now?": "No, we’re still in touch" });
    expect(quiz.asked).not.toContain("How many days have you been in no contact?");
  });

  test("pressing Next without an answer explains what is missing and moves nowhere", async ({ page }) => {
    const quiz = new QuizPage(page);
    await quiz.start();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("Please choose one answer.");
    await expect(quiz.heading()).toHaveText("When did the breakup happen?");
  });

  test("an unknown result link is a friendly 404", async ({ page }) => {
    const res = await page.goto("/quiz/result/AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
  });
});

test.describe("accessibility", () => {
  test("the home page, the quiz steps, the review and the result have no axe violations", async ({ page }) => {
    await page.goto("/");
    await expectNoAxeViolations(page);
    const quiz = new QuizPage(page);
    await quiz.start();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("p[role=alert]")).toBeVisible();
    await expectNoAxeViolations(page);
    await quiz.answerCurrent({});
    await quiz.answerCurrent({});
    await quiz.answerCurrent({});
    await quiz.answerCurrent({ "Does anything still tie you to your ex?": ["We work together", "We have the same friends"] });
    await expectNoAxeViolations(page);
    await quiz.finish({ ...childrenJourney });
    await expectNoAxeViolations(page);
    await page.goto("/help");
    await expectNoAxeViolations(page);
  });

  test("the quiz works from the keyboard alone", async ({ page }) => {
    await page.goto("/quiz");
    await page.getByLabel("In the last few days", { exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("1–4 weeks ago", { exact: true })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Next" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Before we go on: is any of this true for you right now?");
  });
});
