import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { prescribe, validateAnswers } from "./engine";
import { evaluate, nextUnanswered, pruneAnswers, visibleQuestions } from "./flow";
import { checkDefinition, currentDefinition, getDefinition, loadDefinition } from "./definitions";
import { quizV1 } from "./definitions/v1";
import type { AnswerValue, Answers, Condition, Question, QuizDefinition } from "./schema";
import { validAnswers } from "./testing";

const def = currentDefinition;
const SAFETY_ANSWERS = ["unsafe", "self_harm"];

function question(id: string): Question {
  const q = def.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

function optionReason(qid: string, oid: string): string {
  const q = question(qid);
  if (q.kind === "number") throw new Error(`${qid} is a number question`);
  const o = q.options.find((x) => x.id === oid);
  if (!o) throw new Error(`no option ${qid}.${oid}`);
  return o.reason;
}

function leavesOf(cond: Condition): Extract<Condition, { q: string }>[] {
  if ("all" in cond) return cond.all.flatMap(leavesOf);
  if ("any" in cond) return cond.any.flatMap(leavesOf);
  if ("not" in cond) return leavesOf(cond.not);
  return [cond];
}

function allConditions(d: QuizDefinition): Condition[] {
  return [...d.questions.flatMap((q) => (q.showIf ? [q.showIf] : [])), ...d.rules.flatMap((r) => (r.when ? [r.when] : []))];
}

/** The boundary values walked for a number question: its ends, the brief's checkpoints, and both sides of every threshold the definition uses. */
function numberCandidates(d: QuizDefinition, q: Extract<Question, { kind: "number" }>): number[] {
  const values = [q.min, q.min + 1, 13, 14, 30, 31, q.max - 1, q.max];
  for (const leaf of allConditions(d).flatMap(leavesOf)) {
    if (leaf.q !== q.id) continue;
    if ("gte" in leaf && leaf.gte !== undefined) values.push(leaf.gte - 1, leaf.gte);
    if ("lte" in leaf && leaf.lte !== undefined) values.push(leaf.lte, leaf.lte + 1);
  }
  return [...new Set(values)].filter((n) => Number.isInteger(n) && n >= q.min && n <= q.max).sort((a, b) => a - b);
}

/** Every valid answer to a question (for multi: every non-empty subset of the ordinary options, and each exclusive one alone). */
function choices(d: QuizDefinition, q: Question): AnswerValue[] {
  if (q.kind === "single") return q.options.map((o) => o.id);
  if (q.kind === "number") return numberCandidates(d, q);
  const plain = q.options.filter((o) => !o.exclusive).map((o) => o.id);
  const subsets: string[][] = [];
  for (let mask = 1; mask < 1 << plain.length; mask++) subsets.push(plain.filter((_, i) => mask & (1 << i)));
  return [...subsets, ...q.options.filter((o) => o.exclusive).map((o) => [o.id])];
}

/** Depth-first over every reachable complete answer set, following the flow exactly as the quiz page does. */
function walkPaths(d: QuizDefinition, visit: (answers: Answers) => void, answers: Answers = {}): void {
  const q = nextUnanswered(d.questions, answers);
  if (!q) {
    visit(answers);
    return;
  }
  const options = choices(d, q);
  if (options.length === 0) throw new Error(`dead end at ${q.id}: no possible answer`);
  for (const v of options) walkPaths(d, visit, { ...answers, [q.id]: v });
}

type Producer = { q: string; option?: string; pattern?: RegExp };

/** Maps each reason line back to the option or number question that can produce it. */
function reasonProducers(d: QuizDefinition): { byText: Map<string, Producer[]>; numbers: Producer[] } {
  const byText = new Map<string, Producer[]>();
  const numbers: Producer[] = [];
  for (const q of d.questions) {
    if (q.kind === "number") {
      const escaped = q.reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("\\{n\\}", "(-?\\d+)");
      numbers.push({ q: q.id, pattern: new RegExp(`^${escaped}$`) });
    } else {
      for (const o of q.options) byText.set(o.reason, [...(byText.get(o.reason) ?? []), { q: q.id, option: o.id }]);
    }
  }
  return { byText, numbers };
}

function questionsIn(cond: Condition): Set<string> {
  return new Set(leavesOf(cond).map((l) => l.q));
}

/** Every invariant one complete path must satisfy; returns the problems found (empty when fine). */
function checkPath(d: QuizDefinition, answers: Answers, producers: ReturnType<typeof reasonProducers>): { problems: string[]; id: string } {
  const problems: string[] = [];
  const visible = visibleQuestions(d.questions, answers);
  if (visible.some((q) => answers[q.id] === undefined)) problems.push("complete path leaves a visible question unanswered");
  if (Object.keys(pruneAnswers(d.questions, answers)).length !== Object.keys(answers).length) problems.push("path holds an answer to a hidden question");

  const checked = validateAnswers(d, answers);
  if (!checked.ok) problems.push(`rejected: ${JSON.stringify(checked.issues)}`);
  else if (JSON.stringify(checked.answers) !== JSON.stringify(answers)) problems.push("validateAnswers changed a valid answer");

  const { prescription, reasons } = prescribe(d, answers);
  const firstRule = d.rules.find((r) => r.when === undefined || evaluate(r.when, answers));
  const matching = d.prescriptions.filter((p) => p.id === prescription.id);
  if (matching.length !== 1 || matching[0] !== prescription) problems.push(`prescription ${prescription.id} is not exactly one defined prescription`);
  if (firstRule?.prescription !== prescription.id) problems.push(`expected first matching rule ${firstRule?.prescription}, got ${prescription.id}`);

  const safety = answers.safety;
  const inDanger = Array.isArray(safety) && safety.some((s) => SAFETY_ANSWERS.includes(s));
  if (inDanger !== (prescription.id === "safety_first")) problems.push(`safety answer ${JSON.stringify(safety)} gave ${prescription.id}`);
  if (prescription.id === "safety_first" && (prescription.nextStep !== undefined || prescription.crisis !== true)) problems.push("safety page carries a sales prompt");
  if (prescription.id !== "safety_first" && prescription.nextStep?.href !== "/pricing") problems.push(`${prescription.id} lacks its invitation`);

  if (reasons.length === 0) problems.push(`${prescription.id}: no "why this fits you" line`);
  if (new Set(reasons).size !== reasons.length) problems.push("duplicate reason lines");
  const explainable = new Set([...(firstRule?.when ? questionsIn(firstRule.when) : []), ...(firstRule?.alsoExplain ?? [])]);
  const order = d.questions.map((q) => q.id);
  let last = -1;
  for (const line of reasons) {
    const fromOption = (producers.byText.get(line) ?? []).find((p) => {
      const a = p.option === undefined ? undefined : answers[p.q];
      return a === p.option || (Array.isArray(a) && p.option !== undefined && a.includes(p.option));
    });
    const fromNumber = producers.numbers.find((p) => {
      const m = p.pattern?.exec(line);
      return m !== null && m !== undefined && answers[p.q] === Number(m[1]);
    });
    const producer = fromOption ?? fromNumber;
    if (!producer) {
      problems.push(`reason not produced by any given answer: ${line}`);
      continue;
    }
    if (!explainable.has(producer.q)) problems.push(`reason from ${producer.q}, which neither decided ${prescription.id} nor is in alsoExplain`);
    const at = order.indexOf(producer.q);
    if (at < last) problems.push("reasons out of question order");
    last = at;
  }
  return { problems, id: prescription.id };
}

describe("every reachable answer path of the current definition", () => {
  it("is valid, ends in exactly one prescription with explained reasons, and reaches every prescription", () => {
    const producers = reasonProducers(def);
    const counts = new Map<string, number>();
    const failures: string[] = [];
    let paths = 0;
    walkPaths(def, (answers) => {
      paths++;
      const { problems, id } = checkPath(def, answers, producers);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      if (problems.length > 0 && failures.length < 10) failures.push(`${JSON.stringify(answers)}\n  ${problems.join("\n  ")}`);
    });
    console.log(`quiz v${def.version}: walked ${paths} complete answer paths`, Object.fromEntries(counts));
    expect(failures).toEqual([]);
    expect(paths).toBeGreaterThan(1000);
    expect([...counts.keys()].sort()).toEqual(def.prescriptions.map((p) => p.id).sort());
  }, 120_000);

  it("walks the number question at its boundaries", () => {
    const days = question("nc_days");
    if (days.kind !== "number") throw new Error("nc_days should be a number question");
    expect(numberCandidates(def, days)).toEqual(expect.arrayContaining([0, 1, 13, 14, 30, 31, 365]));
  });
});

// The exhaustive walk only tries boundary day counts; these try any day
// count, and answers that are deliberately broken.
describe("property-based checks", () => {
  const producers = reasonProducers(def);

  const randomPath = fc.array(fc.nat(), { minLength: def.questions.length, maxLength: def.questions.length }).chain((picks) =>
    fc.integer({ min: 0, max: 365 }).map((days) => {
      let answers: Answers = {};
      for (let step = 0; ; step++) {
        const q = nextUnanswered(def.questions, answers);
        if (!q) return answers;
        const opts = q.kind === "number" ? [days] : choices(def, q);
        const v = opts[(picks[step] ?? 0) % opts.length];
        if (v === undefined) throw new Error("no choice");
        answers = { ...answers, [q.id]: v };
      }
    }),
  );

  it("random complete paths with any day count satisfy every path invariant", () => {
    fc.assert(
      fc.property(randomPath, (answers) => {
        expect(checkPath(def, answers, producers).problems).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  it("dropping any one answer from a complete path is reported as missing at that field", () => {
    fc.assert(
      fc.property(randomPath, fc.nat(), (answers, n) => {
        const keys = Object.keys(answers);
        const drop = keys[n % keys.length] ?? "";
        const { [drop]: _dropped, ...rest } = answers;
        const result = validateAnswers(def, rest);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(`answers.${drop}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("an answer to any question that doesn't apply is reported at that field", () => {
    fc.assert(
      fc.property(randomPath, fc.nat(), fc.nat(), (answers, n, m) => {
        const hidden = def.questions.filter((q) => !visibleQuestions(def.questions, answers).includes(q));
        fc.pre(hidden.length > 0);
        const q = hidden[n % hidden.length];
        if (!q) return;
        const opts = choices(def, q);
        const value = opts[m % opts.length];
        if (value === undefined) return;
        const result = validateAnswers(def, { ...answers, [q.id]: value });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ path: `answers.${q.id}` })]);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary input, and whatever it accepts is complete and prescribable", () => {
    const ids = def.questions.map((q) => q.id);
    const value = fc.oneof(
      fc.constantFrom(...def.questions.flatMap((q) => (q.kind === "number" ? [] : q.options.map((o) => o.id)))),
      fc.array(fc.constantFrom("home", "children", "work", "friends", "none", "unsafe", "neither", "x")),
      fc.integer({ min: -5, max: 400 }),
      fc.double(),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string()), value), fc.anything(), (obj, junk) => {
        for (const input of [obj, junk]) {
          const result = validateAnswers(def, input);
          if (result.ok) {
            expect(nextUnanswered(def.questions, result.answers)).toBeUndefined();
            expect(checkPath(def, result.answers, producers).problems).toEqual([]);
          } else {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues) {
              expect(issue.path).toMatch(/^answers/);
              expect(issue.message.length).toBeGreaterThan(10);
            }
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// The base for the bad-input tests.
const valid = validAnswers;

function without(answers: Answers, ...keys: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !keys.includes(k)));
}

function issuesFor(input: unknown) {
  const result = validateAnswers(def, input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.issues;
}

describe("validateAnswers", () => {
  it("accepts a complete valid answer set and returns it", () => {
    expect(validateAnswers(def, valid)).toEqual({ ok: true, answers: valid });
  });

  it("stores multi-choice answers in the definition's option order", () => {
    const result = validateAnswers(def, { ...valid, ties: ["work", "children"] });
    expect(result).toEqual({ ok: true, answers: { ...valid, ties: ["children", "work"] } });
  });

  it.each([
    ["null", null],
    ["an array", [valid]],
    ["a string", "when=weeks"],
    ["a number", 42],
    ["undefined", undefined],
    ["a class instance", new Date()],
  ])("rejects %s as the whole input", (_name, input) => {
    const issues = issuesFor(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("answers");
    expect(issues[0]?.message).toMatch(/plain object/);
  });

  it("rejects an unknown question", () => {
    expect(issuesFor({ ...valid, mood: "sad" })).toEqual([{ path: "answers.mood", message: expect.stringContaining('no question "mood"') }]);
  });

  it("names odd keys safely, including __proto__", () => {
    const input: unknown = JSON.parse(JSON.stringify({ ...valid, "my answer": 1 }).replace(/^\{/, '{"__proto__":"x",'));
    const paths = issuesFor(input).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["answers.__proto__", 'answers["my answer"]']));
  });

  it("rejects an answer to a question that is hidden given the other answers", () => {
    const issues = issuesFor({ ...valid, no_contact: "no", ex_contacted: "no" });
    expect(issues.map((i) => i.path)).toEqual(["answers.nc_days", "answers.ex_contacted_nc", "answers.your_reply"]);
    expect(issues.find((i) => i.path === "answers.nc_days")?.message).toMatch(/doesn't apply.*"no_contact"/);
  });

  it("rejects further answers after a safety answer, which ends the quiz", () => {
    const issues = issuesFor({ ...valid, safety: ["self_harm"] });
    expect(issues.map((i) => i.path)).toEqual(Object.keys(without(valid, "when", "safety")).map((k) => `answers.${k}`));
  });

  it("does not let a hidden answer keep a later question alive", () => {
    // ex_contacted_nc is hidden once no_contact is "no", so your_reply (which depends on it) is hidden too.
    const issues = issuesFor({ ...without(valid, "nc_days"), no_contact: "no", ex_contacted: "no" });
    expect(issues.map((i) => i.path)).toEqual(["answers.ex_contacted_nc", "answers.your_reply"]);
  });

  describe("wrong types", () => {
    it.each([
      ["an array for a single-choice question", { when: ["weeks"] }, "answers.when", /single-choice.*an array/],
      ["a number for a single-choice question", { who_ended: 1 }, "answers.who_ended", /single-choice.*the number 1/],
      ["a string for a multi-choice question", { ties: "friends" }, "answers.ties", /multi-choice.*the string "friends"/],
      ["an object for a multi-choice question", { ties: { friends: true } }, "answers.ties", /multi-choice/],
      ["a string for a number question", { nc_days: "20" }, "answers.nc_days", /number question.*the string "20"/],
      ["a non-integer number", { nc_days: 2.5 }, "answers.nc_days", /2\.5 is not a whole number/],
      ["NaN", { nc_days: Number.NaN }, "answers.nc_days", /NaN is not a whole number/],
      ["a number above the maximum", { nc_days: 366 }, "answers.nc_days", /366 is out of range/],
      ["a negative number", { nc_days: -1 }, "answers.nc_days", /-1 is out of range/],
      ["null", { goal: null }, "answers.goal", /got null/],
      ["a non-string inside a multi answer", { ties: ["friends", 3] }, "answers.ties[1]", /option id as a string, got the number 3/],
    ])("rejects %s", (_name, change, path, message) => {
      const issues = issuesFor({ ...valid, ...change });
      expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
    });
  });

  it("rejects an unknown option of a single-choice question", () => {
    expect(issuesFor({ ...valid, when: "yesterday" })).toEqual([
      { path: "answers.when", message: expect.stringMatching(/"yesterday" is not an option of "when"; expected one of "days", /) },
    ]);
  });

  it("rejects an unknown option inside a multi-choice answer, naming its position", () => {
    expect(issuesFor({ ...valid, ties: ["friends", "pets"] })).toEqual([
      { path: "answers.ties[1]", message: expect.stringContaining('"pets" is not an option of "ties"') },
    ]);
  });

  it("rejects an empty multi-choice answer and points to the exclusive option", () => {
    expect(issuesFor({ ...valid, ties: [] })).toEqual([{ path: "answers.ties", message: expect.stringMatching(/at least one option.*"none"/) }]);
  });

  it("rejects duplicate options in a multi-choice answer", () => {
    expect(issuesFor({ ...valid, ties: ["friends", "friends"] })).toEqual([
      { path: "answers.ties[1]", message: expect.stringContaining("more than once") },
    ]);
  });

  it("rejects an exclusive option combined with others", () => {
    expect(issuesFor({ ...valid, ties: ["friends", "none"] })).toEqual([
      { path: "answers.ties[1]", message: expect.stringContaining('"none" excludes every other option') },
    ]);
    expect(issuesFor({ ...valid, safety: ["neither", "rather_not_say"] }).map((i) => i.path)).toEqual(["answers.safety[0]", "answers.safety[1]"]);
  });

  it("rejects a missing answer to a visible question", () => {
    expect(issuesFor(without(valid, "goal", "ex_new_partner"))).toEqual([{ path: "answers.goal", message: expect.stringContaining("required") }]);
    expect(issuesFor(without(valid, "nc_days"))).toEqual([{ path: "answers.nc_days", message: expect.stringContaining("required") }]);
    // A missing answer doesn't make the questions that depend on it look wrong.
    expect(issuesFor(without(valid, "no_contact")).map((i) => i.path)).toEqual(["answers.no_contact"]);
  });

  it("rejects an empty object: the first questions are required", () => {
    // Everything after the safety question depends on it, so only these two can be judged yet.
    expect(issuesFor({}).map((i) => i.path)).toEqual(["answers.when", "answers.safety"]);
  });

  it("does not pile up misleading issues behind a broken answer", () => {
    // no_contact is invalid, so whether nc_days applies can't be known: only the real problem is reported.
    expect(issuesFor({ ...valid, no_contact: "maybe" }).map((i) => i.path)).toEqual(["answers.no_contact"]);
    // ...but a badly typed answer behind it is still named.
    expect(issuesFor({ ...valid, no_contact: "maybe", nc_days: "lots" }).map((i) => i.path)).toEqual(["answers.no_contact", "answers.nc_days"]);
  });

  it("returns every issue, not only the first", () => {
    const issues = issuesFor({ ...without(valid, "pleaded"), when: "later", ties: ["none", "work", "work"], nc_days: 1000, extra: true });
    expect(issues.map((i) => i.path).sort()).toEqual(["answers.extra", "answers.nc_days", "answers.pleaded", "answers.ties[0]", "answers.ties[2]", "answers.when"]);
  });

  it("does not mistake inherited properties for answers", () => {
    const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    Object.assign(input, without(valid, "goal", "ex_new_partner"));
    expect(issuesFor(input).map((i) => i.path)).toEqual(["answers.goal"]);
  });
});

function result(answers: Answers) {
  const checked = validateAnswers(def, answers);
  if (!checked.ok) throw new Error(`scenario is not a valid path: ${JSON.stringify(checked.issues)}`);
  return prescribe(def, checked.answers);
}

const inNoContact = (overrides: Answers): Answers => ({
  when: "weeks",
  safety: ["neither"],
  who_ended: "them",
  ties: ["none"],
  no_contact: "yes",
  nc_days: 10,
  ex_contacted_nc: "no",
  pleaded: "no",
  goal: "not_sure",
  ex_new_partner: "no",
  ...overrides,
});

const stillInTouch = (overrides: Answers): Answers => ({
  when: "days",
  safety: ["rather_not_say"],
  who_ended: "mutual",
  ties: ["none"],
  no_contact: "no",
  ex_contacted: "no",
  pleaded: "no",
  goal: "back_together",
  ex_new_partner: "dont_know",
  ...overrides,
});

describe("prescribe: scenarios", () => {
  it("shared children + the ex reached out → limited contact, explained by the children", () => {
    const { prescription, reasons } = result(inNoContact({ ties: ["children", "friends"], ex_contacted_nc: "yes", your_reply: "ignored" }));
    expect(prescription.id).toBe("limited_contact");
    expect(reasons).toEqual([optionReason("ties", "children"), optionReason("your_reply", "ignored"), optionReason("pleaded", "no")]);
  });

  it("a shared home or workplace alone is unavoidable too; shared friends alone are not", () => {
    expect(result(stillInTouch({ ties: ["home"] })).prescription.id).toBe("limited_contact");
    expect(result(stillInTouch({ ties: ["work"] })).prescription.id).toBe("limited_contact");
    expect(result(stillInTouch({ ties: ["friends"] })).prescription.id).toBe("start_with_space");
  });

  it("no contact for 20 days + the ex reached out + ignored → a brief, kind reply", () => {
    const { prescription, reasons } = result(inNoContact({ nc_days: 20, ex_contacted_nc: "yes", your_reply: "ignored" }));
    expect(prescription.id).toBe("brief_kind_reply");
    expect(reasons).toEqual([
      "You’re on day 20 of no contact, and that space is there to protect you, not to punish them.",
      optionReason("ex_contacted_nc", "yes"),
      optionReason("your_reply", "ignored"),
      optionReason("pleaded", "no"),
    ]);
  });

  it("the ex reached out and no reply yet, outside no contact → a brief, kind reply too", () => {
    const { prescription, reasons } = result(stillInTouch({ ex_contacted: "yes", your_reply: "undecided", pleaded: "yes" }));
    expect(prescription.id).toBe("brief_kind_reply");
    expect(reasons).toEqual([optionReason("ex_contacted", "yes"), optionReason("your_reply", "undecided"), optionReason("pleaded", "yes")]);
  });

  it("pleaded → step back, even when in no contact", () => {
    const { prescription, reasons } = result(inNoContact({ pleaded: "yes", goal: "back_together" }));
    expect(prescription.id).toBe("step_back_reset");
    expect(reasons).toEqual([optionReason("no_contact", "yes"), optionReason("pleaded", "yes"), optionReason("goal", "back_together")]);
  });

  it("pleaded, but the ex's message is waiting → the reply comes first", () => {
    expect(result(inNoContact({ pleaded: "yes", ex_contacted_nc: "yes", your_reply: "undecided" })).prescription.id).toBe("brief_kind_reply");
  });

  it("self-harm + anything → safety first, with no sales prompt", () => {
    for (const safety of [["self_harm"], ["unsafe"], ["unsafe", "self_harm"]]) {
      const { prescription, reasons } = result({ when: "longer", safety });
      expect(prescription.id).toBe("safety_first");
      expect(prescription.crisis).toBe(true);
      expect(prescription.nextStep).toBeUndefined();
      expect(reasons).toEqual(safety.map((s) => optionReason("safety", s)));
    }
    // Even with every other answer present (as a stale form might send), safety wins and nothing else is named.
    const { prescription, reasons } = prescribe(def, inNoContact({ safety: ["self_harm"], ties: ["children"], pleaded: "yes" }));
    expect(prescription.id).toBe("safety_first");
    expect(reasons).toEqual([optionReason("safety", "self_harm")]);
  });

  it("“rather not say” does not trigger the safety plan", () => {
    expect(result(stillInTouch({ safety: ["rather_not_say"] })).prescription.id).toBe("start_with_space");
  });

  it("the ex is (maybe) seeing someone new → focus on you, naming only what matched", () => {
    const { prescription, reasons } = result(inNoContact({ ex_new_partner: "think_so" }));
    expect(prescription.id).toBe("focus_on_you");
    expect(reasons).toEqual([optionReason("when", "weeks"), optionReason("ex_new_partner", "think_so")]);
  });

  it("wanting to move on → focus on you, ahead of staying the course", () => {
    const { prescription, reasons } = result(without(inNoContact({ goal: "move_on" }), "ex_new_partner"));
    expect(prescription.id).toBe("focus_on_you");
    expect(reasons).toEqual([optionReason("when", "weeks"), optionReason("goal", "move_on")]);
  });

  it("in no contact, no word from the ex → stay the course", () => {
    const { prescription, reasons } = result(inNoContact({ nc_days: 0 }));
    expect(prescription.id).toBe("stay_the_course");
    expect(reasons).toEqual([
      optionReason("no_contact", "yes"),
      "You’re on day 0 of no contact, and that space is there to protect you, not to punish them.",
      optionReason("ex_contacted_nc", "no"),
    ]);
  });

  it("in no contact, the ex reached out and it went fine → stay the course", () => {
    const { prescription, reasons } = result(inNoContact({ ex_contacted_nc: "yes", your_reply: "replied" }));
    expect(prescription.id).toBe("stay_the_course");
    expect(reasons).toContain(optionReason("your_reply", "replied"));
  });

  it("not in no contact, nothing tying them → start with space, explained by the context", () => {
    const { prescription, reasons } = result(stillInTouch({ no_contact: "slipping", ties: ["friends"] }));
    expect(prescription.id).toBe("start_with_space");
    expect(reasons).toEqual([
      optionReason("when", "days"),
      optionReason("who_ended", "mutual"),
      optionReason("ties", "friends"),
      optionReason("no_contact", "slipping"),
    ]);
  });
});

describe("prescribe: how reasons are chosen", () => {
  const opt = (id: string) => ({ id, label: id, reason: `reason ${id}` });
  const synthetic = (rules: QuizDefinition["rules"]): QuizDefinition =>
    loadDefinition({
      version: 99,
      questions: [
        { id: "a", kind: "single", prompt: "A?", options: [opt("a1"), opt("a2")] },
        { id: "b", kind: "multi", prompt: "B?", options: [opt("b1"), opt("b2"), opt("b3"), { ...opt("b0"), exclusive: true }] },
        { id: "n", kind: "number", prompt: "N?", min: 0, max: 10, unit: "days", reason: "n is {n}, really {n}" },
        { id: "c", kind: "single", prompt: "C?", showIf: { q: "a", is: "a2" }, options: [opt("c1"), opt("c2")] },
      ],
      rules,
      prescriptions: ["p", "q"].map((id) => ({ id, title: id, summary: id, steps: ["1", "2", "3"], pitfalls: ["x"] })),
    });

  it("any: names only the children that matched", () => {
    const d = synthetic([{ prescription: "p", when: { any: [{ q: "a", is: "a2" }, { q: "n", gte: 5 }, { q: "b", includes: "b3" }] } }, { prescription: "q" }]);
    expect(prescribe(d, { a: "a1", b: ["b3"], n: 7 }).reasons).toEqual(["reason b3", "n is 7, really 7"]);
  });

  it("not: never names the answer it is about, given or not", () => {
    const d = synthetic([{ prescription: "p", when: { all: [{ q: "a", is: "a1" }, { not: { q: "b", includes: "b2" } }] } }, { prescription: "q" }]);
    expect(prescribe(d, { a: "a1", b: ["b1"], n: 1 }).reasons).toEqual(["reason a1"]);
  });

  it("includesAny: names only the listed options that were given", () => {
    const d = synthetic([{ prescription: "p", when: { q: "b", includesAny: ["b1", "b3"] } }, { prescription: "q" }]);
    expect(prescribe(d, { a: "a1", b: ["b1", "b2"], n: 1 }).reasons).toEqual(["reason b1"]);
  });

  it("alsoExplain adds given answers only, de-duplicated and in question order", () => {
    const d = synthetic([
      { prescription: "p", when: { all: [{ q: "n", lte: 3 }, { q: "a", in: ["a1", "a2"] }] }, alsoExplain: ["c", "b", "a"] },
      { prescription: "q" },
    ]);
    // c is hidden (a is a1) so even a stale answer to it is not named.
    expect(prescribe(d, { a: "a1", b: ["b2", "b1"], n: 2, c: "c1" })).toEqual({
      prescription: expect.objectContaining({ id: "p" }),
      reasons: ["reason a1", "reason b1", "reason b2", "n is 2, really 2"],
    });
  });

  it("the catch-all applies when nothing else does, and explains only its alsoExplain answers", () => {
    const d = synthetic([{ prescription: "p", when: { q: "a", is: "a2" } }, { prescription: "q", alsoExplain: ["n"] }]);
    expect(prescribe(d, { a: "a1", b: ["b0"], n: 4 })).toEqual({ prescription: expect.objectContaining({ id: "q" }), reasons: ["n is 4, really 4"] });
  });

  it("ignores answers to hidden questions when choosing the rule", () => {
    const d = synthetic([{ prescription: "p", when: { q: "c", is: "c1" } }, { prescription: "q" }]);
    expect(prescribe(d, { a: "a1", b: ["b1"], n: 1, c: "c1" }).prescription.id).toBe("q");
    expect(prescribe(d, { a: "a2", b: ["b1"], n: 1, c: "c1" }).prescription.id).toBe("p");
  });
});

describe("definitions", () => {
  it("version 1 is current and looked up by number", () => {
    expect(def.version).toBe(1);
    expect(getDefinition(1)).toBe(def);
    expect(getDefinition(2)).toBeUndefined();
    expect(Object.isFrozen(def.questions[0])).toBe(true);
  });

  const broken = (mutate: (d: QuizDefinition) => void): QuizDefinition => {
    const copy = structuredClone(quizV1) as QuizDefinition;
    mutate(copy);
    return copy;
  };
  const q = (d: QuizDefinition, id: string): Question => {
    const found = d.questions.find((x) => x.id === id);
    if (!found) throw new Error(id);
    return found;
  };
  const withOptions = (x: Question) => {
    if (x.kind === "number") throw new Error(`${x.id} has no options`);
    return x.options;
  };

  it.each<[string, (d: QuizDefinition) => void, RegExp]>([
    ["a showIf about a later question", (d) => void (q(d, "who_ended").showIf = { q: "goal", is: "move_on" }), /not asked before it: "goal"/],
    ["a showIf about itself", (d) => void (q(d, "goal").showIf = { q: "goal", is: "move_on" }), /not asked before it: "goal"/],
    ["a showIf naming an unknown option", (d) => void (q(d, "nc_days").showIf = { q: "no_contact", is: "maybe" }), /"no_contact" has no option "maybe"/],
    ["a condition of the wrong kind", (d) => void (q(d, "nc_days").showIf = { q: "ties", is: "home" }), /"ties" is a multi question/],
    ["a rule about an unknown question", (d) => void (d.rules[1] = { prescription: "limited_contact", when: { q: "pets", is: "cat" } }), /unknown question "pets"/],
    ["a rule naming an unknown option", (d) => void (d.rules[1] = { prescription: "limited_contact", when: { q: "ties", includes: "car" } }), /"ties" has no option "car"/],
    ["an alsoExplain naming an unknown question", (d) => void (d.rules[1] = { prescription: "limited_contact", alsoExplain: ["mood"], when: { q: "ties", includes: "home" } }), /alsoExplain: unknown question "mood"/],
    ["a catch-all before the last rule", (d) => void delete d.rules[1]?.when, /only the last rule may be a catch-all/],
    ["a prescription no rule names", (d) => void (d.rules = d.rules.filter((r) => r.prescription !== "stay_the_course")), /"stay_the_course" is not named by any rule/],
    ["a sales prompt on the crisis page", (d) => void d.prescriptions.forEach((p) => p.crisis && (p.nextStep = { label: "Buy", href: "/pricing", text: "Buy" })), /crisis page/],
    ["a duplicate option", (d) => void withOptions(q(d, "goal")).push({ id: "move_on", label: "x", reason: "x" }), /duplicate option "move_on"/],
    ["an exclusive option on a single-choice question", (d) => void withOptions(q(d, "goal")).forEach((o) => (o.exclusive = true)), /only multi-choice options can be exclusive/],
  ])("throws on %s", (_name, mutate, message) => {
    expect(() => loadDefinition(broken(mutate))).toThrow(message);
  });

  it("throws on data the schema rejects", () => {
    expect(() => loadDefinition(broken((d) => void d.prescriptions.forEach((p) => (p.steps = ["just one"]))))).toThrow(/steps/);
    expect(() => loadDefinition({ ...quizV1, version: 0 })).toThrow();
  });

  it("the shipped definition passes its own checks", () => {
    expect(() => checkDefinition(def)).not.toThrow();
  });
});

describe("version 1 content", () => {
  const words = (p: QuizDefinition["prescriptions"][number]) =>
    [p.title, p.summary, ...p.steps, ...p.pitfalls, p.nextStep?.label ?? "", p.nextStep?.text ?? ""].join(" ");

  it("has the seven plans, each with 3–6 steps, and an invitation everywhere except the safety page", () => {
    expect(def.prescriptions.map((p) => p.id).sort()).toEqual(
      ["brief_kind_reply", "focus_on_you", "limited_contact", "safety_first", "start_with_space", "stay_the_course", "step_back_reset"],
    );
    for (const p of def.prescriptions) {
      expect(p.steps.length).toBeGreaterThanOrEqual(3);
      expect(p.steps.length).toBeLessThanOrEqual(6);
      if (p.id === "safety_first") expect(p.nextStep).toBeUndefined();
      else expect(p.nextStep?.href).toBe("/pricing");
    }
  });

  it("puts safety first among the rules and asks about it near the start", () => {
    expect(def.rules[0]?.prescription).toBe("safety_first");
    expect(def.questions.findIndex((x) => x.id === "safety")).toBeLessThanOrEqual(1);
  });

  it("promises nothing, sells gently and prints no phone numbers", () => {
    for (const p of def.prescriptions) {
      expect(words(p)).not.toMatch(/guarantee|win (them|your ex) back|\d{3,}|buy now|limited time/i);
    }
  });

  it("keeps option labels short enough for a phone, and every reason distinct", () => {
    const options = def.questions.flatMap((x) => (x.kind === "number" ? [] : x.options));
    for (const o of options) expect(o.label.length, o.label).toBeLessThanOrEqual(46);
    const reasons = [...options.map((o) => o.reason), ...def.questions.flatMap((x) => (x.kind === "number" ? [x.reason] : []))];
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
