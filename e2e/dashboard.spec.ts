import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, QuizPage, test } from "./fixtures";
import { uniqueEmail } from "./mail";
import { payWithCard, signIn, signInAsCoach } from "./members";
import { advanceSubscription, subscriptionIdFor } from "./stripe";

const STEPS = ["Quiz started", "Quiz finished", "Result viewed", "“See the Dojo” clicked", "Signed up", "Checkout started", "Trial started", "First payment"];
const PRESCRIPTION = "Limited contact: brief, civil, practical";
// Columns of "Conversion by prescription", after the prescription's name.
const RX_COLUMNS = ["Finished with it", "Clicked “see the Dojo”", "Kept it at sign-up", "Checkouts", "Trials", "Paid"];

const number = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, "") || "0");

/** Every count the journey should move, read from the dashboard's tables (what a screen reader reads too). */
async function readCounts(page: Page): Promise<Record<string, number>> {
  await page.goto("/coach?days=7");
  const counts: Record<string, number> = {};
  const funnel = page.getByRole("region", { name: "The funnel" });
  for (const step of STEPS) counts[step] = number(await funnel.getByRole("row", { name: new RegExp(`^${step}`) }).getByRole("cell").first().textContent());
  const rx = page.getByRole("region", { name: "Conversion by prescription" });
  const row = rx.getByRole("row", { name: new RegExp(`^${PRESCRIPTION}`) });
  const cells = (await row.count()) ? await row.getByRole("cell").allTextContents() : [];
  RX_COLUMNS.forEach((c, i) => (counts[`${PRESCRIPTION} · ${c}`] = number(cells[i] ?? "0")));
  return counts;
}

test("a visitor's way from the quiz to paying moves every count of the owner's dashboard", async ({ page, browser }) => {
  test.slow();
  // The owner watches from a browser of their own.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInAsCoach(owner, 14, "/coach");
  await expect(owner.getByRole("heading", { level: 1, name: "How it’s going" })).toBeVisible();
  await expect(owner.getByText("no open or click tracking").first()).toBeVisible();
  const before = await readCounts(owner);

  // The visitor: the quiz, the result, the Dojo, sign-up keeping the result, a trial paid with 4242, the first invoice.
  const email = uniqueEmail("dashboard");
  const quiz = new QuizPage(page);
  await quiz.start();
  await quiz.finish({ "Does anything still tie you to your ex?": ["We have children together"] });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRESCRIPTION);
  await page.getByRole("link", { name: "See what’s in the Dojo" }).click();
  await page.getByRole("link", { name: "Join with the monthly plan" }).click();
  await signIn(page, email);
  await page.getByLabel("Yes, keep it").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/dojo\?welcome=1$/);
  await advanceSubscription(await subscriptionIdFor(email)); // the trial ends and the first invoice is paid

  // Tests run in parallel on one database, so others may add to the same counts meanwhile:
  // each must have moved by at least this visitor's one.
  await expect
    .poll(
      async () => {
        const after = await readCounts(owner);
        return Object.keys(before).filter((k) => (after[k] ?? 0) < (before[k] ?? 0) + 1);
      },
      { timeout: 20_000, message: "counts that did not move" },
    )
    .toEqual([]);

  // The same figures as CSV, and the money the admin sees.
  const csv = await owner.request.get("/coach/export?table=funnel&days=7");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Quiz started,");
  await expect(owner.getByRole("heading", { level: 2, name: "Money" })).toBeVisible();

  // Readable and labelled for everyone, in both colour schemes.
  for (const colorScheme of ["light", "dark"] as const) {
    await owner.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: owner }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`), colorScheme).toEqual([]);
  }
  await ownerContext.close();
});
