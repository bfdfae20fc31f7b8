import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signInAsCoach } from "./members";
import { expect, test } from "./fixtures";

const FIRST = "/articles/does-no-contact-really-work";

async function noViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a coach edits the first article and readers see the change on the article and in the list", async ({ page, browser }) => {
  await signInAsCoach(page, 11, "/coach/articles");
  await page.getByRole("link", { name: "Does no contact really work?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit “Does no contact really work?”");
  const marker = `A fresh note from your coach, ${Date.now()}.`;
  const body = page.getByLabel("Article (Markdown)");
  await body.fill(`${marker}\n\n${await body.inputValue()}`);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText(marker);
  // The decision tree shows in the preview where its marker line is.
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("heading", { name: "Should I go no contact?" })).toBeVisible();
  const summary = page.getByLabel("Summary");
  await summary.fill(`Updated ${marker}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // The text it replaced is kept as a version to restore, and the editor starts afresh from the saved article.
  await expect(page.getByRole("button", { name: "Restore" }).first()).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue(`Updated ${marker}`);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(FIRST);
  await expect(reader.getByText(marker, { exact: true })).toBeVisible();
  await reader.goto("/articles");
  await expect(reader.getByText(`Updated ${marker}`)).toBeVisible();
  await reader.context().close();
});

test("a coach drafts, publishes, renames and unpublishes an article; readers see only what is published", async ({ page, browser }) => {
  const title = `Sleep before strategy ${Date.now()}`;
  const slug = title.toLowerCase().replace(/ /g, "-");
  await signInAsCoach(page, 12, "/coach/articles");
  await page.getByLabel("New article title").fill(title);
  await page.getByRole("button", { name: "Start a draft" }).click();
  await expect(page).toHaveURL(/\/coach\/articles\/\d+$/);
  await expect(page.getByLabel("Address (/articles/…)")).toHaveValue(slug);

  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);

  // Publishing needs a summary: refused next to the field, nothing typed is lost.
  await page.getByLabel("Article (Markdown)").fill("Rest first. Decisions made exhausted are rarely kind ones.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByLabel("Summary")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Article (Markdown)")).toHaveValue(/Rest first/);
  await page.getByLabel("Summary").fill("Why sleep comes before any plan.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Anyone can read it at");

  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByText("1 min read")).toBeVisible();
  await reader.goto("/articles");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();

  // A new address: the old one answers with a permanent redirect to it.
  await page.getByLabel("Address (/articles/…)").fill(`${slug}-renamed`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").getByRole("link")).toHaveText(`/articles/${slug}-renamed`);
  const old = await reader.request.get(`/articles/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toMatch(new RegExp(`/articles/${slug}-renamed$`));
  await reader.goto(`/articles/${slug}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${slug}-renamed$`));

  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("status")).toHaveText(/A draft: only coaches can see it/);
  expect((await reader.goto(`/articles/${slug}-renamed`))?.status()).toBe(404);
  expect((await reader.request.get(`/articles/${slug}`, { maxRedirects: 0 })).status()).toBe(404);
  await reader.goto("/articles");
  await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
  await reader.context().close();
});

test("a reader finds the article, and the pages, feed, sitemap and share card are in order", async ({ page }) => {
  await page.goto("/articles");
  await noViolations(page);
  await page.getByRole("link", { name: "Does no contact really work?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Does no contact really work?");
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${FIRST}$`));
  await noViolations(page);

  // The article ends with the first question of "my ex reached out", which carries on at /ex-reached-out.
  const companion = page.getByRole("region", { name: "Did your ex just message you?" });
  await companion.getByRole("radio", { name: "A friendly check-in, like “How are you doing?”" }).check();
  await companion.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/ex-reached-out\?kind=check_in/);
  await expect(page.getByRole("radio", { name: "No, I feel safe" })).toBeVisible();
  await page.goBack();

  // The share card is addressed from APP_URL (here the same origin), not a host Next guesses.
  const imageUrl = (await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "";
  expect(new URL(imageUrl).origin).toBe(new URL(page.url()).origin);
  const image = await page.request.get(imageUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");

  const feed = await page.request.get("/articles/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("<title>Does no contact really work?</title>");
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${FIRST}</loc>`);
  expect(sitemap).not.toMatch(/\/(dojo|coach|account|quiz\/result)/);
  const robots = await (await page.request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/coach/);
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test("without JavaScript, a reader walks the decision tree by keyboard into the free plan", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(FIRST);
  const tree = page.getByRole("region", { name: "Should I go no contact?" });
  const answer = async (label: string, next: RegExp) => {
    const link = tree.getByRole("link", { name: label, exact: true });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(tree.getByRole("heading", { level: 3 })).toHaveText(next);
  };
  // Only the step in the address shows: the first question to begin with.
  await expect(tree.getByRole("heading", { level: 3 })).toHaveText(/afraid of your ex/);
  await answer("No, I’m safe", /share children, a home or a workplace/);
  await answer("No, nothing we can’t untangle", /message from your ex you haven’t answered/);
  await answer("No", /What do you hope no contact will do/);
  await answer("I’m not sure yet", /how do you feel for the rest of the day/);
  await answer("Worse: I replay it, check my phone, can’t settle", /take some space, for you/);
  await expect(page).toHaveURL(/#nc-go$/);

  // Back retraces the path.
  await page.goBack();
  await expect(tree.getByRole("heading", { level: 3 })).toHaveText(/how do you feel for the rest of the day/);
  await page.goForward();

  const plan = tree.getByRole("link", { name: "Get my free plan" });
  await plan.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/quiz$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});
