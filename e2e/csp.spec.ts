import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./mail";
import { becomeMember, payWithCard, signIn, signInAsCoach } from "./members";
import { e2ePorts } from "./ports";

// What a member or a coach might type to take over someone else's page.
// (No quotes: the Markdown renderer's typography would curl them, and the text is looked for on the page.)
const payloads = ["<script>window.__pwned=1</script>", "<img src=x onerror=window.__pwned=1>", "[x](javascript:window.__pwned=1)", "<svg onload=window.__pwned=1><circle r=9 /></svg>"];
const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: number }).__pwned);

function directives(policy: string | undefined) {
  return new Map((policy ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

test("private pages get a fresh nonce that Next puts on its scripts; public prerendered pages stay static with their own policy", async ({ page }) => {
  await becomeMember(page, "csp-headers");
  const first = await page.goto("/dojo");
  const policy = directives(first?.headers()["content-security-policy"]);
  const nonce = /^'nonce-(.+)'$/.exec(policy.get("script-src")?.[0] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(policy.get("script-src")).toContain("'strict-dynamic'");
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'", `http://127.0.0.1:${e2ePorts.stripe}`]);
  expect(first?.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  // Every script the server wrote carries it (those Next adds later are trusted through 'strict-dynamic').
  const scriptTags = (await first!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await page.goto("/dojo");
  expect(again?.headers()["content-security-policy"]).not.toContain(nonce);

  const home = await page.goto("/");
  expect(home?.headers()["x-nextjs-prerender"]).toMatch(/^1\b/);
  const publicPolicy = directives(home?.headers()["content-security-policy"]);
  expect(publicPolicy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(publicPolicy.get("object-src")).toEqual(["'none'"]);
  expect(publicPolicy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(home?.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  // Its inline scripts still run under that policy: React hydrated the page (and the guard saw no violation).
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version)).toBe("string");
});

test("a script in a lesson never runs, even if the Markdown renderer were to let it through", async ({ page, browser, cspGuard }) => {
  await becomeMember(page, "csp-lesson");
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 5, "/coach/lessons");
  await coach.getByRole("link", { name: "The first 48 hours" }).click();
  const body = coach.getByLabel("Lesson (Markdown)");
  await body.fill(`${await body.inputValue()}\n\n${payloads.join("\n\n")}`);
  await expect(coach.getByRole("region", { name: "Preview" })).toContainText(payloads[0]!);
  expect(await pwned(coach)).toBeUndefined();
  await coach.getByRole("button", { name: "Save" }).click();
  await expect(coach.getByRole("button", { name: "Restore" }).first()).toBeVisible();
  await coachContext.close();

  await page.goto("/dojo/lessons/the-first-48-hours");
  for (const p of payloads) await expect(page.getByText(p)).toBeVisible();
  expect(await pwned(page)).toBeUndefined();

  // The second wall: markup that got past the renderer into the page is refused by the policy, and reported.
  // (Script that a test runs through DevTools is exempt from CSP, so the markup is inserted and left to the browser.)
  cspGuard.expect(/script-src/);
  const prose = page.locator(".lesson-prose").first();
  await prose.evaluate((el) => el.insertAdjacentHTML("beforeend", '<img src="/x" onerror="window.__pwned=1">'));
  await prose.evaluate((el) => el.insertAdjacentHTML("beforeend", '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'));
  await prose.evaluate((el) => el.insertAdjacentHTML("beforeend", '<a id="injected-link" href="javascript:window.__pwned=1">x</a>'));
  await page.locator("#injected-link").click();
  const reported = () => cspGuard.violations.filter((v) => v.includes("[csp-violation]"));
  await expect.poll(() => reported().length).toBeGreaterThanOrEqual(3);
  expect(await pwned(page)).toBeUndefined();
});

test("a script in a check-in runs neither for the member nor for the coach", async ({ page, browser }) => {
  const email = await becomeMember(page, "csp-checkin");
  await page.goto("/dojo/check-ins/new");
  await page.getByText("5", { exact: true }).click();
  await page.getByLabel("What happened since last time?").fill(payloads.join("\n"));
  await page.getByLabel("One win, however small").fill(payloads[1]!);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Sent. Your coach will read it")).toBeVisible();
  await expect(page.getByText(payloads[2]!).first()).toBeVisible();
  expect(await pwned(page)).toBeUndefined();

  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 6);
  await coach.getByLabel("Member email").fill(email);
  await coach.getByRole("button", { name: "Filter" }).click();
  await coach.getByRole("link", { name: email }).click();
  await expect(coach.getByText(payloads[2]!).first()).toBeVisible();
  expect(await pwned(coach)).toBeUndefined();
  await coachContext.close();
});

test("a script in a newsletter issue runs neither in the coach console nor in the archive", async ({ page, browser }) => {
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await signInAsCoach(coach, 7, "/coach/newsletter");
  await coach.getByRole("link", { name: "Write an issue" }).click();
  const subject = `A letter with a trap ${Date.now()}`;
  await coach.getByLabel("Subject").fill(subject);
  await coach.getByLabel("Letter (Markdown)").fill(payloads.join("\n\n"));
  await expect(coach.getByRole("region", { name: "Preview" })).toContainText(payloads[0]!);
  coach.once("dialog", (dialog) => void dialog.accept());
  await coach.getByRole("button", { name: "Send now" }).click();
  await expect(coach.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  expect(await pwned(coach)).toBeUndefined();
  await coachContext.close();

  // The archive is served from the page cache, so it has the public policy (no nonce): the
  // Markdown renderer is what keeps the script out, and this is where that shows.
  await page.goto("/newsletter/archive");
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  for (const p of payloads) await expect(page.getByText(p)).toBeVisible();
  expect(await pwned(page)).toBeUndefined();
});

test("without JavaScript, signing in to join still reaches Stripe's checkout (form-action allows it)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/join?plan=monthly");
  // The emailed link's page POSTs to Auth.js, which redirects to /join, which redirects to checkout:
  // Chromium checks each hop of that chain against the sign-in page's form-action.
  await signIn(page, uniqueEmail("csp-nojs"));
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${e2ePorts.stripe}/`));
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/dojo\?welcome=1$/);
  await context.close();
});
