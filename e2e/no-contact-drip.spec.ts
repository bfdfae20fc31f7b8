import type { Page } from "@playwright/test";
import { becomeMember, signInAsCoach } from "./members";
import { expect, test } from "./fixtures";

// The coach builds a module of their own for this journey: other specs run on the same
// database and rely on the starter curriculum's drip, so no seeded module changes here.
// Its lessons open on days 7 and 30 and use words no other spec searches for.

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const formatDay = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });

async function addLesson(coach: Page, moduleTitle: string, title: string, day: number, body: string) {
  const section = coach.getByRole("region", { name: moduleTitle });
  await section.getByLabel(`New lesson in ${moduleTitle}`).fill(title);
  await section.getByRole("button", { name: "Add lesson" }).click();
  await expect(coach).toHaveURL(/\/coach\/lessons\/\d+$/);
  await coach.getByLabel("Opens on day (of the member’s no contact)").fill(String(day));
  await coach.getByLabel("Status").selectOption({ label: "Published" });
  await coach.getByLabel("Lesson (Markdown)").fill(body);
  // The editor starts afresh once saved (keyed by its save time), so wait for the save itself.
  const saved = coach.waitForResponse((r) => r.request().method() === "POST" && /\/coach\/lessons\/\d+$/.test(r.url()));
  await coach.getByRole("button", { name: "Save" }).click();
  expect((await saved).ok()).toBe(true);
  await coach.goto("/coach/lessons");
  await expect(coach.getByRole("region", { name: moduleTitle }).getByRole("listitem").filter({ hasText: title })).toContainText("Published");
}

test("a coach makes a module count from no contact; a member's lessons follow their no-contact start, and a restart keeps what was open", async ({ page, browser }) => {
  test.slow(); // a coach builds a module with two lessons, then a member joins and pays: two journeys in one test
  const stamp = Date.now();
  const moduleTitle = `Space, day by day ${stamp}`;
  const early = `Quiet evenings ${stamp}`;
  const later = `A month of space ${stamp}`;

  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 13, "/coach/lessons");
  await coach.getByLabel("New module title").fill(moduleTitle);
  await coach.getByRole("button", { name: "Add module" }).click();
  const section = coach.getByRole("region", { name: moduleTitle });
  await section.getByLabel(`Lessons in ${moduleTitle} count days from each member’s`).selectOption({ label: "no-contact start" });
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Saved.")).toBeVisible();
  await addLesson(coach, moduleTitle, early, 7, "Wombat evenings are allowed to be dull.");
  await addLesson(coach, moduleTitle, later, 30, "Thirty days of wombat-grade patience.");
  // The list says what each lesson counts from.
  await expect(section.getByText("Days count from each member’s no-contact start")).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: early })).toContainText("day 7 of no contact");
  await coachContext.close();

  await becomeMember(page, "nocontact");
  const mine = page.getByRole("article").filter({ has: page.getByRole("heading", { name: moduleTitle }) });
  const start = page.getByLabel("My no contact started on");
  const today = (await start.getAttribute("max")) ?? "";
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // No date yet: the module counts from the day they joined, and says how to change that.
  await expect(mine.getByText("These lessons count from your no-contact start.")).toBeVisible();
  await expect(mine.getByRole("listitem").filter({ hasText: early })).toContainText(`Opens ${formatDay(addDays(today, 7))}`);

  const tenDaysAgo = addDays(today, -10);
  await start.fill(tenDaysAgo);
  await page.getByRole("button", { name: "Start counting" }).click();
  await expect(page.getByText("days of space for you")).toHaveText("10 days of space for you");
  await expect(mine.getByRole("link", { name: early })).toBeVisible();
  await expect(mine.getByRole("listitem").filter({ hasText: later })).toContainText(`Opens ${formatDay(addDays(tenDaysAgo, 30))}`);
  await expect(mine.getByText(`These lessons count from your no-contact start, ${formatDay(tenDaysAgo)}.`)).toBeVisible();

  await mine.getByRole("link", { name: early }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(early);
  await expect(page.getByText("Wombat evenings are allowed to be dull.")).toBeVisible();
  await page.goto("/dojo");

  // Restarting from today: the form asks what the lessons do, and refuses to guess.
  await page.getByLabel("Change or restart from").fill(today);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Choose whether your lessons restart too").first()).toBeVisible();
  await expect(page.getByText("days of space for you")).toHaveText("10 days of space for you"); // nothing changed
  await page.getByLabel("Change or restart from").fill(today);
  await page.getByRole("radio", { name: /Restart my lesson schedule too/ }).check();
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("days of space for you")).toHaveText("0 days of space for you");
  // The lesson already open stays open; the later one now waits for the new count.
  await expect(mine.getByRole("link", { name: early })).toBeVisible();
  await expect(mine.getByRole("listitem").filter({ hasText: later })).toContainText(`Opens ${formatDay(addDays(today, 30))}`);

  // The locked lesson's address gives its date, never its words, and search never shows them.
  await page.goto(`/dojo/lessons/a-month-of-space-${stamp}`);
  await expect(page.getByText(`This lesson opens on ${formatDay(addDays(today, 30))}`)).toBeVisible();
  await expect(page.getByText("wombat-grade patience")).toHaveCount(0);
  await page.goto("/dojo/search?q=wombat");
  const results = page.getByRole("list", { name: "Results" }).getByRole("link");
  await expect(results.first()).toBeVisible();
  const titles = await results.allTextContents();
  expect(titles).toContain(early);
  expect(titles).not.toContain(later);
});
