import type { Page } from "@playwright/test";
import { expect } from "./csp-guard";

export { expect, test } from "./csp-guard";

/** An answer given by the visible label(s) of its options, or a number for a number question. */
export type GivenAnswer = string | string[] | number;

// A calm, ordinary situation; each journey overrides what matters to it.
export const ordinaryAnswers: Record<string, GivenAnswer> = {
  "When did the breakup happen?": "1–4 weeks ago",
  "Before we go on: is any of this true for you right now?": ["Neither of these"],
  "Who ended it?": "They did",
  "Does anything still tie you to your ex?": ["None of these"],
  "Are you in no contact with your ex right now?": "No, we’re still in touch",
  "How many days have you been in no contact?": 10,
  "Has your ex reached out since you went no contact?": "No",
  "Has your ex reached out since the breakup?": "No",
  "Did you reply?": "Yes, I replied",
  "Since the breakup, have you pleaded, begged or sent long messages?": "No",
  "What do you want most right now?": "I’m not sure yet",
  "Is your ex seeing someone new?": "I don’t know",
};

/** The quiz as a person uses it: read the question, choose by label, press Next, until the plan shows. */
export class QuizPage {
  readonly asked: string[] = [];
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  async start() {
    await this.page.goto("/quiz");
    await expect(this.heading()).toBeVisible();
  }

  async answerCurrent(answers: Record<string, GivenAnswer>) {
    const prompt = (await this.heading().textContent())?.trim() ?? "";
    const given = answers[prompt] ?? ordinaryAnswers[prompt];
    if (given === undefined) throw new Error(`No answer prepared for "${prompt}"`);
    this.asked.push(prompt);
    const group = this.page.getByRole("group", { name: prompt });
    if (typeof given === "number") {
      await group.getByRole("spinbutton").fill(String(given));
    } else {
      for (const label of Array.isArray(given) ? given : [given]) {
        await group.getByLabel(label, { exact: true }).check();
      }
    }
    await this.page.getByRole("button", { name: "Next" }).click();
    await expect(this.heading()).not.toHaveText(prompt);
  }

  /** Answers until the review step, then asks for the plan. Returns the result page's title. */
  async finish(answers: Record<string, GivenAnswer> = {}) {
    for (let i = 0; i < 20; i++) {
      const text = (await this.heading().textContent())?.trim();
      if (text === "Thank you. Your plan is ready.") break;
      await this.answerCurrent(answers);
    }
    await this.page.getByRole("button", { name: "Show my plan" }).click();
    await this.page.waitForURL(/\/quiz\/result\/[A-Za-z0-9_-]{24}$/);
    return (await this.heading().textContent())?.trim();
  }
}
