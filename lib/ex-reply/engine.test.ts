import { describe, expect, it } from "vitest";
import type { Answers } from "@/lib/quiz/schema";
import { currentExDefinition as def, loadExDefinition } from "./definitions";
import { exReplyV1 } from "./definitions/v1";
import { advise, exAnswerPairs, isExComplete, readExAnswers } from "./engine";
import { readThrough } from "./read-through";

const options = (id: string) => def.questions.find((q) => q.id === id)?.options.map((o) => o.id) ?? [];
const optionLabel = (q: string, o: string) => def.questions.find((x) => x.id === q)?.options.find((x) => x.id === o);

/** Every subset of the ties, as a person could tick them: "none" alone, or any non-empty mix of the rest. */
function tieChoices(): string[][] {
  const real = options("ties").filter((o) => o !== "none");
  const subsets: string[][] = [["none"]];
  for (let mask = 1; mask < 1 << real.length; mask++) subsets.push(real.filter((_, i) => mask & (1 << i)));
  return subsets;
}

/** Every complete set of answers a person can give (questions that don't apply left out). */
function everyPath(): Answers[] {
  const paths: Answers[] = [];
  for (const kind of options("kind")) {
    if (kind === "threat") {
      paths.push({ kind });
      continue;
    }
    paths.push({ kind, afraid: "yes" });
    for (const ties of tieChoices()) for (const want of options("want")) paths.push({ kind, afraid: "no", ties, want });
  }
  return paths;
}

const paths = everyPath();

describe("ex-reply rules v1", () => {
  it("loads and checks the definition", () => {
    expect(() => loadExDefinition(exReplyV1)).not.toThrow();
    expect(paths.length).toBe(1 + 6 * (1 + 8 * 4));
    for (const answers of paths) expect(isExComplete(def, answers), JSON.stringify(answers)).toBe(true);
  });

  it.each(paths.map((a) => [JSON.stringify(a), a] as const))("%s: safety, or two or three drafts that each say which answers chose them", (_, answers) => {
    const advice = advise(def, answers);
    if (advice.kind === "safety") {
      expect(advice.steps.length).toBeGreaterThanOrEqual(3);
      expect(advice.because).toMatch(/^Because /);
      return;
    }
    expect(advice.drafts.length).toBeGreaterThanOrEqual(2);
    expect(advice.drafts.length).toBeLessThanOrEqual(3);
    expect(advice.avoid.length).toBeGreaterThan(0);
    expect(advice.silence.length).toBeGreaterThan(0);
    for (const draft of advice.drafts) {
      expect(draft.because, draft.id).toMatch(/^Because .+\.$/);
      // Every clause comes from an answer the person actually gave.
      const given = Object.entries(answers).flatMap(([q, a]) => (Array.isArray(a) ? a : [a]).map((o) => optionLabel(q, String(o))?.because ?? ""));
      const kindClause = optionLabel("kind", String(answers.kind))?.because ?? "";
      expect(draft.because).toContain(kindClause);
      for (const clause of def.questions.flatMap((q) => q.options.map((o) => o.because))) {
        if (draft.because.includes(clause)) expect(given.some((g) => g.includes(clause) || clause.includes(g))).toBe(true);
      }
    }
  });

  it("never offers a draft for a threatening message, or to someone afraid, whatever else they answer", () => {
    const frightening = paths.filter((a) => a.kind === "threat" || a.afraid === "yes");
    expect(frightening.length).toBe(7);
    for (const answers of frightening) {
      const advice = advise(def, answers);
      expect(advice.kind).toBe("safety");
      expect(advice).not.toHaveProperty("drafts");
    }
    // Answers to the questions a frightened person is no longer asked change nothing.
    expect(advise(def, { kind: "hostile", afraid: "yes", ties: ["children"], want: "back_together" }).kind).toBe("safety");
    expect(advise(def, { kind: "threat", afraid: "no", ties: ["none"], want: "civil" }).kind).toBe("safety");
  });

  it("keeps a hostile message to logistics, or to no reply, and says silence is fine", () => {
    const advice = advise(def, { kind: "hostile", afraid: "no", ties: ["children"], want: "civil" });
    if (advice.kind !== "drafts") throw new Error("expected drafts");
    expect(advice.drafts[0]?.id).toBe("hostile_logistics");
    expect(advice.drafts[0]?.because).toBe("Because the message was hostile and you share children.");
    expect(advice.silence.join(" ")).toMatch(/don’t have to reply to a hostile message/);
  });

  it("names the answers that chose a practical draft", () => {
    const advice = advise(def, { kind: "logistics", afraid: "no", ties: ["children", "work"], want: "civil" });
    if (advice.kind !== "drafts") throw new Error("expected drafts");
    expect(advice.drafts.map((d) => d.id)).toEqual(["logistics_children", "logistics_plain", "logistics_time"]);
    expect(advice.drafts[0]?.because).toBe("Because it was about practical things and you share children.");
  });

  it("reads answers from an address, skipping what doesn't apply and naming what is wrong", () => {
    const params = new URLSearchParams("kind=threat&afraid=no&ties=children&want=civil");
    expect(readExAnswers(def, params)).toEqual({ answers: { kind: "threat" }, unanswered: [], issues: {} });
    const partial = readExAnswers(def, new URLSearchParams("kind=plea&ties=none&ties=home&want=nonsense"));
    expect(partial.answers).toEqual({ kind: "plea" });
    expect(partial.unanswered).toEqual(["afraid", "ties", "want"]);
    expect(Object.keys(partial.issues)).toEqual(["ties", "want"]);
    const full = { kind: "plea", afraid: "no", ties: ["children", "home"], want: "not_sure" };
    expect(readExAnswers(def, new URLSearchParams(exAnswerPairs(def, full))).answers).toEqual(full);
  });
});

describe("reading a pasted message", () => {
  it("turns threats into safety, in the ex's words or the member's", () => {
    expect(readThrough("You'll regret this. I know where you live.").danger).toBe(true);
    expect(readThrough("he threatened me last night").danger).toBe(true);
    expect(readThrough("Can you pick up Mia at 5? Thanks").danger).toBe(false);
  });

  it("notices questions and feelings", () => {
    expect(readThrough("Can you pick up Mia at 5?").notes.join(" ")).toMatch(/asks you something/);
    expect(readThrough("I miss you so much").notes.join(" ")).toMatch(/feelings/);
  });
});
