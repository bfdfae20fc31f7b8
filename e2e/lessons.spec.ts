import AxeBuilder from "@axe-core/playwright";
import { becomeMember, signInAsCoach } from "./members";
import { expect, test } from "./fixtures";

test("a member reads the first lesson, marks it complete, is refused a locked one, and finds a lesson by search", async ({ page }) => {
  await becomeMember(page, "reader");
  await page.getByRole("link", { name: "The first 48 hours" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The first 48 hours");
  await expect(page.getByRole("heading", { name: "Your exercise" })).toBeVisible();
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("You’ve completed this lesson.")).toBeVisible();

  await page.goto("/dojo");
  await expect(page.getByText(/^1 of \d+ lessons done/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "The first days progress" })).toHaveAttribute("aria-valuenow", "1");

  // Day 41's lesson, by its address: the title and date, never the content.
  await page.goto("/dojo/lessons/whichever-way-it-goes");
  await expect(page.getByText(/This lesson opens on/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your exercise" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark complete" })).toHaveCount(0);

  await page.goto("/dojo");
  await page.getByLabel("Search the lessons").fill("long messages");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("list", { name: "Results" }).getByRole("link").first()).toBeVisible();
  const titles = await page.getByRole("list", { name: "Results" }).getByRole("link").allTextContents();
  expect(titles).toContain("The urge to explain");
  expect(titles).not.toContain("Whichever way it goes");
});

test("a coach edits a published lesson and the member sees the change", async ({ page, browser }) => {
  await becomeMember(page, "follower");
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 3, "/coach/lessons");
  await coach.getByRole("link", { name: "The urge to explain" }).click();
  const body = coach.getByLabel("Lesson (Markdown)");
  const marker = `A fresh note from your coach, ${Date.now()}.`;
  await body.fill(`${await body.inputValue()}\n\n${marker}`);
  await expect(coach.getByRole("region", { name: "Preview" })).toContainText(marker);
  // A bad address is refused next to its field, and nothing typed is lost.
  const slug = coach.getByLabel(/Address/);
  await slug.fill("Not A Slug!");
  await coach.getByRole("button", { name: "Save" }).click();
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(slug).toHaveAccessibleDescription(/lower-case letters, numbers and single dashes/);
  await expect(body).toHaveValue(new RegExp(marker.replace(/[.]/g, "\\.")));
  await slug.fill("the-urge-to-explain");
  await coach.getByRole("button", { name: "Save" }).click();
  // The editor starts afresh from the saved lesson (keyed by its save time), error gone.
  await expect(slug).not.toHaveAttribute("aria-invalid");
  // The text it replaced is kept as a version the coach can restore.
  await expect(coach.getByRole("button", { name: "Restore" }).first()).toBeVisible();
  await coachContext.close();

  await page.goto("/dojo/lessons/the-urge-to-explain");
  await expect(page.getByText(marker)).toBeVisible();
});

test("the Dojo home and a lesson page have no accessibility violations", async ({ page }) => {
  await becomeMember(page, "axe");
  const scan = async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  };
  await page.goto("/dojo");
  await scan();
  await page.goto("/dojo/lessons/the-first-48-hours");
  await scan();
});
