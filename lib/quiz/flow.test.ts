import { describe, it, expect } from "vitest";
import { evaluate, isComplete, nextUnanswered, previousQuestion, progress, pruneAnswers, toggleOption, visibleQuestions, type FlowQuestion } from "./flow";
import { currentDefinition } from "./definitions";
import type { Answers } from "./schema";

const questions = currentDefinition.questions;
const ids = (qs: readonly FlowQuestion[]) => qs.map((q) => q.id);

describe("evaluate", () => {
  const answers: Answers = { s: "a", m: ["x", "y"], n: 14 };

  it("treats a leaf about an unanswered question as false, and its negation as true", () => {
    expect(evaluate({ q: "missing", is: "a" }, answers)).toBe(false);
    expect(evaluate({ q: "missing", gte: 0 }, answers)).toBe(false);
    expect(evaluate({ not: { q: "missing", is: "a" } }, answers)).toBe(true);
  });

  it("matches is/in on string answers only", () => {
    expect(evaluate({ q: "s", is: "a" }, answers)).toBe(true);
    expect(evaluate({ q: "s", is: "b" }, answers)).toBe(false);
    expect(evaluate({ q: "s", in: ["b", "a"] }, answers)).toBe(true);
    expect(evaluate({ q: "m", is: "x" }, answers)).toBe(false);
    expect(evaluate({ q: "m", in: ["x"] }, answers)).toBe(false);
    expect(evaluate({ q: "n", is: "14" }, answers)).toBe(false);
  });

  it("matches includes/includesAny on array answers only", () => {
    expect(evaluate({ q: "m", includes: "y" }, answers)).toBe(true);
    expect(evaluate({ q: "m", includes: "z" }, answers)).toBe(false);
    expect(evaluate({ q: "m", includesAny: ["z", "x"] }, answers)).toBe(true);
    expect(evaluate({ q: "m", includesAny: ["z"] }, answers)).toBe(false);
    expect(evaluate({ q: "s", includes: "a" }, answers)).toBe(false);
    expect(evaluate({ q: "s", includesAny: ["a"] }, answers)).toBe(false);
  });

  it("matches number bounds on number answers only, inclusively", () => {
    expect(evaluate({ q: "n", gte: 14 }, answers)).toBe(true);
    expect(evaluate({ q: "n", gte: 15 }, answers)).toBe(false);
    expect(evaluate({ q: "n", lte: 14 }, answers)).toBe(true);
    expect(evaluate({ q: "n", lte: 13 }, answers)).toBe(false);
    expect(evaluate({ q: "n", gte: 10, lte: 20 }, answers)).toBe(true);
    expect(evaluate({ q: "n", gte: 10, lte: 12 }, answers)).toBe(false);
    expect(evaluate({ q: "n", gte: 10 }, { n: "14" })).toBe(false);
    expect(evaluate({ q: "n", lte: 20 }, { n: ["14"] })).toBe(false);
  });

  it("combines with all, any and not", () => {
    const yes = { q: "s", is: "a" };
    const no = { q: "s", is: "b" };
    expect(evaluate({ all: [yes, { q: "n", gte: 1 }] }, answers)).toBe(true);
    expect(evaluate({ all: [yes, no] }, answers)).toBe(false);
    expect(evaluate({ any: [no, yes] }, answers)).toBe(true);
    expect(evaluate({ any: [no, no] }, answers)).toBe(false);
    expect(evaluate({ not: { all: [yes, no] } }, answers)).toBe(true);
  });

  it("does not read inherited properties as answers", () => {
    expect(evaluate({ q: "constructor", lte: 0 }, {})).toBe(false);
    expect(evaluate({ not: { q: "constructor", includesAny: ["x"] } }, {})).toBe(true);
  });
});

// A small chain: b shows only if a = "x"; c only if b = "y".
const chain: FlowQuestion[] = [
  { id: "a" },
  { id: "b", showIf: { q: "a", is: "x" } },
  { id: "c", showIf: { q: "b", is: "y" } },
  { id: "d" },
];

describe("visibleQuestions and pruneAnswers", () => {
  it("keeps definition order and applies showIf", () => {
    expect(ids(visibleQuestions(chain, {}))).toEqual(["a", "d"]);
    expect(ids(visibleQuestions(chain, { a: "x" }))).toEqual(["a", "b", "d"]);
    expect(ids(visibleQuestions(chain, { a: "x", b: "y" }))).toEqual(["a", "b", "c", "d"]);
  });

  it("does not let a question hidden by a change keep a later one visible", () => {
    const before: Answers = { a: "x", b: "y", c: "z", d: "w" };
    const changed = { ...before, a: "other" };
    expect(ids(visibleQuestions(chain, changed))).toEqual(["a", "d"]);
    expect(pruneAnswers(chain, changed)).toEqual({ a: "other", d: "w" });
  });

  it("drops answers to unknown questions", () => {
    expect(pruneAnswers(chain, { a: "q", zzz: "1", d: 3 })).toEqual({ a: "q", d: 3 });
  });

  it("asks for the number of days only of people in no contact", () => {
    const start: Answers = { when: "weeks", safety: ["neither"], who_ended: "them", ties: ["none"] };
    expect(ids(visibleQuestions(questions, { ...start, no_contact: "yes" }))).toEqual(
      expect.arrayContaining(["nc_days", "ex_contacted_nc"]),
    );
    for (const no_contact of ["no", "slipping"]) {
      const shown = ids(visibleQuestions(questions, { ...start, no_contact }));
      expect(shown).not.toContain("nc_days");
      expect(shown).not.toContain("ex_contacted_nc");
      expect(shown).toContain("ex_contacted");
    }
  });

  it("asks whether they replied only when the ex reached out", () => {
    const base: Answers = { when: "weeks", safety: ["neither"], who_ended: "them", ties: ["none"], no_contact: "no" };
    expect(ids(visibleQuestions(questions, { ...base, ex_contacted: "no" }))).not.toContain("your_reply");
    expect(ids(visibleQuestions(questions, { ...base, ex_contacted: "yes" }))).toContain("your_reply");
  });

  it("doesn't ask someone who wants to move on whether their ex is seeing someone", () => {
    expect(ids(visibleQuestions(questions, { goal: "move_on" }))).not.toContain("ex_new_partner");
    expect(ids(visibleQuestions(questions, { goal: "not_sure" }))).toContain("ex_new_partner");
  });

  it("stops after a safety answer, but not after “rather not say”", () => {
    for (const safety of [["unsafe"], ["self_harm"], ["unsafe", "self_harm"]]) {
      expect(ids(visibleQuestions(questions, { when: "days", safety }))).toEqual(["when", "safety"]);
      expect(nextUnanswered(questions, { when: "days", safety })).toBeUndefined();
    }
    for (const safety of [["neither"], ["rather_not_say"]]) {
      expect(nextUnanswered(questions, { when: "days", safety })?.id).toBe("who_ended");
    }
  });

  it("prunes the no-contact branch when the person changes their answer", () => {
    const answers: Answers = {
      when: "weeks",
      safety: ["neither"],
      who_ended: "them",
      ties: ["none"],
      no_contact: "yes",
      nc_days: 20,
      ex_contacted_nc: "yes",
      your_reply: "ignored",
      pleaded: "no",
    };
    const changed = pruneAnswers(questions, { ...answers, no_contact: "no" });
    // your_reply depended on ex_contacted_nc, whose stale "yes" must not keep it alive.
    expect(changed).toEqual({ when: "weeks", safety: ["neither"], who_ended: "them", ties: ["none"], no_contact: "no", pleaded: "no" });
    expect(nextUnanswered(questions, changed)?.id).toBe("ex_contacted");
  });
});

describe("nextUnanswered, progress and navigation", () => {
  it("returns the first visible unanswered question, then undefined once complete", () => {
    expect(nextUnanswered(chain, {})?.id).toBe("a");
    expect(nextUnanswered(chain, { a: "x" })?.id).toBe("b");
    expect(nextUnanswered(chain, { a: "no" })?.id).toBe("d");
    expect(nextUnanswered(chain, { a: "no", d: "1" })).toBeUndefined();
    expect(isComplete(chain, { a: "no", d: "1" })).toBe(true);
    expect(isComplete(chain, { a: "x", d: "1" })).toBe(false);
  });

  it("counts the questions that apply now, answered or not", () => {
    expect(progress(chain, {})).toEqual({ index: 1, total: 2, answered: 0 });
    expect(progress(chain, { a: "x" })).toEqual({ index: 2, total: 3, answered: 1 });
    expect(progress(chain, { a: "x", b: "y" })).toEqual({ index: 3, total: 4, answered: 2 });
    expect(progress(chain, { a: "x", b: "n", d: "1" })).toEqual({ index: 3, total: 3, answered: 3 });
  });

  it("reports the position of a question the person went back to", () => {
    expect(progress(chain, { a: "x", b: "y" }, "b")).toEqual({ index: 2, total: 4, answered: 2 });
    // A question that no longer applies falls back to the next unanswered one.
    expect(progress(chain, { a: "n" }, "c")).toEqual({ index: 2, total: 2, answered: 1 });
  });

  it("grows the total when the no-contact branch opens", () => {
    const start: Answers = { when: "weeks", safety: ["neither"], who_ended: "them", ties: ["none"] };
    const before = progress(questions, start);
    const after = progress(questions, { ...start, no_contact: "yes" });
    expect(before.index).toBe(5);
    expect(after.index).toBe(6);
    expect(after.total).toBeGreaterThan(before.total);
  });

  it("goes back through the questions that apply", () => {
    expect(previousQuestion(chain, { a: "n" }, "d")?.id).toBe("a");
    expect(previousQuestion(chain, { a: "x" }, "d")?.id).toBe("b");
    expect(previousQuestion(chain, { a: "x" }, "a")).toBeUndefined();
    expect(previousQuestion(chain, { a: "n", d: "1" })?.id).toBe("d");
  });
});

describe("toggleOption", () => {
  const options = [{ id: "home" }, { id: "children" }, { id: "work" }, { id: "none", exclusive: true }];

  it("adds and removes options, keeping the options' order", () => {
    expect(toggleOption(options, [], "work")).toEqual(["work"]);
    expect(toggleOption(options, ["work"], "home")).toEqual(["home", "work"]);
    expect(toggleOption(options, ["home", "work"], "home")).toEqual(["work"]);
  });

  it("lets an exclusive option clear the others, and any other option clear it", () => {
    expect(toggleOption(options, ["home", "work"], "none")).toEqual(["none"]);
    expect(toggleOption(options, ["none"], "children")).toEqual(["children"]);
    expect(toggleOption(options, ["none"], "none")).toEqual([]);
  });

  it("ignores unknown options", () => {
    expect(toggleOption(options, ["work", "pets"], "cats")).toEqual(["work"]);
  });
});
