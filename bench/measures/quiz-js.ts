// The quiz's JavaScript: what Chromium actually downloads as scripts for /quiz,
// gzip-compressed as the server sends it, minus what an empty page of the same
// build downloads (framework, root layout) — the quiz's own cost. Then the quiz
// is taken from first question to plan in a browser with JavaScript off.
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, assertChromium } from "../lib/chromium";
import type { Check, SectionResult } from "../lib/report";

const KIB = 1024;

async function scriptsOf(browser: Browser, url: string): Promise<Map<string, number>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = new Set<string>();
  page.on("request", (req) => {
    if (req.resourceType() === "script") urls.add(req.url());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await context.close();
  const sizes = new Map<string, number>();
  for (const u of urls) {
    // Gzip at the default level, as `next start` compresses responses.
    const body = Buffer.from(await (await fetch(u)).arrayBuffer());
    sizes.set(new URL(u).pathname, gzipSync(body).length);
  }
  return sizes;
}

/** Answers every question, Next by Next, until the plan shows — with JavaScript disabled. */
async function takeQuizWithoutJs(browser: Browser, appUrl: string): Promise<{ ok: boolean; steps: number; finalUrl: string; error?: string }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  let steps = 0;
  try {
    await page.goto(`${appUrl}/quiz`);
    for (; steps < 40; steps++) {
      const show = page.getByRole("button", { name: "Show my plan" });
      if (await show.count()) {
        await show.click();
        await page.waitForURL(/\/quiz\/result\//, { timeout: 10_000 });
        const plan = await page.getByRole("heading", { name: "What to do next" }).count();
        return { ok: plan === 1, steps, finalUrl: page.url(), ...(plan ? {} : { error: "result page without its plan" }) };
      }
      const form = page.locator("form[action='/quiz']");
      const radios = form.locator("input[type=radio]");
      const boxes = form.locator("input[type=checkbox]");
      // A different choice per step for a long path; for checkboxes the "none of these" option, which keeps off the crisis path.
      if (await radios.count()) await radios.nth((steps + 1) % (await radios.count())).check();
      else if (await boxes.count()) {
        const none = form.locator("input[type=checkbox][data-exclusive=true]");
        await ((await none.count()) ? none.first() : boxes.first()).check();
      } else {
        const number = form.locator("input[type=number]");
        await number.fill((await number.getAttribute("min")) ?? "1");
      }
      await form.getByRole("button", { name: "Next" }).click();
      await page.waitForLoadState("load");
    }
    return { ok: false, steps, finalUrl: page.url(), error: "no plan after 40 steps" };
  } catch (err) {
    return { ok: false, steps, finalUrl: page.url(), error: err instanceof Error ? err.message.split("\n")[0] : String(err) };
  } finally {
    await context.close();
  }
}

export async function measureQuizJs(input: { appUrl: string; emptyPath: string }): Promise<SectionResult> {
  assertChromium();
  const started = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const quiz = await scriptsOf(browser, `${input.appUrl}/quiz`);
    const empty = await scriptsOf(browser, input.appUrl + input.emptyPath);
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const own = [...quiz].filter(([path]) => !empty.has(path)).sort((a, b) => b[1] - a[1]);
    const overBytes = total(quiz) - total(empty);
    const noJs = await takeQuizWithoutJs(browser, input.appUrl);
    const checks: Check[] = [
      {
        what: "/quiz scripts (gzip)",
        raw: Math.round((total(quiz) / KIB) * 10) / 10,
        unit: "KB",
        control: Math.round((total(empty) / KIB) * 10) / 10,
        controlName: "empty page",
        ratio: Math.round((overBytes / KIB) * 10) / 10,
        ratioKind: "difference",
        target: "≤ 15 KB over the empty page",
        holds: overBytes <= 15 * KIB,
        note: `${own.length} chunk(s) of its own: ${own.map(([p, b]) => `${p.split("/").pop()} ${(b / KIB).toFixed(1)} KB`).join(", ")}`,
      },
      {
        what: "quiz without JavaScript",
        raw: noJs.ok ? "plan shown" : "failed",
        target: "works",
        holds: noJs.ok,
        correctness: true,
        note: noJs.ok ? `${noJs.steps} questions, plain GET forms` : noJs.error,
      },
    ];
    return {
      name: "Quiz JavaScript",
      seconds: (performance.now() - started) / 1000,
      checks,
      details: { quizScripts: Object.fromEntries(quiz), emptyScripts: Object.fromEntries(empty), quizOwn: Object.fromEntries(own), overBytes, noJs },
    };
  } finally {
    await browser.close();
  }
}
