// Every quiz version the app knows. Each is parsed and cross-checked once, at
// import, so a broken definition stops the app at start-up instead of
// misrouting someone mid-quiz. Stored results name their version, so old
// versions stay here for as long as results computed with them are kept.
import { definitionSchema, type Condition, type Question, type QuizDefinition } from "../schema";
import { quizV1 } from "./v1";

type Leaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;

function leaves(cond: Condition, out: Leaf[] = []): Leaf[] {
  if ("all" in cond) cond.all.forEach((c) => leaves(c, out));
  else if ("any" in cond) cond.any.forEach((c) => leaves(c, out));
  else if ("not" in cond) leaves(cond.not, out);
  else out.push(cond);
  return out;
}

// Problems with one leaf, given the questions it may refer to.
function leafProblems(leaf: Leaf, allowed: ReadonlyMap<string, Question>, where: string, missing: string): string[] {
  const q = allowed.get(leaf.q);
  if (!q) return [`${where}: ${missing} "${leaf.q}"`];
  const wants: Question["kind"] = "is" in leaf || "in" in leaf ? "single" : "includes" in leaf || "includesAny" in leaf ? "multi" : "number";
  if (q.kind !== wants) return [`${where}: "${leaf.q}" is a ${q.kind} question, but the condition is for a ${wants} one`];
  if (q.kind === "number") return [];
  const optionIds = q.options.map((o) => o.id);
  const named = "is" in leaf ? [leaf.is] : "in" in leaf ? leaf.in : "includes" in leaf ? [leaf.includes] : "includesAny" in leaf ? leaf.includesAny : [];
  return named.filter((o) => !optionIds.includes(o)).map((o) => `${where}: "${leaf.q}" has no option "${o}"`);
}

/** Cross-checks the schema can't express. Throws one error listing every problem. */
export function checkDefinition(def: QuizDefinition): void {
  const problems: string[] = [];
  const earlier = new Map<string, Question>();
  for (const q of def.questions) {
    const where = `question "${q.id}"`;
    if (q.showIf) {
      for (const leaf of leaves(q.showIf)) {
        problems.push(...leafProblems(leaf, earlier, `${where} showIf`, "refers to a question that is not asked before it:"));
      }
    }
    if (q.kind === "number") {
      if (q.min > q.max) problems.push(`${where}: min is greater than max`);
    } else {
      const ids = q.options.map((o) => o.id);
      ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => problems.push(`${where}: duplicate option "${id}"`));
      if (q.kind === "single" && q.options.some((o) => o.exclusive)) problems.push(`${where}: only multi-choice options can be exclusive`);
      if (q.kind === "multi" && q.options.every((o) => o.exclusive)) problems.push(`${where}: every option is exclusive`);
    }
    earlier.set(q.id, q);
  }

  def.rules.forEach((r, i) => {
    const where = `rule ${i + 1} (${r.prescription})`;
    if (r.when) for (const leaf of leaves(r.when)) problems.push(...leafProblems(leaf, earlier, `${where} when`, "refers to unknown question"));
    else if (i < def.rules.length - 1) problems.push(`${where}: only the last rule may be a catch-all; the rules after it could never apply`);
    for (const id of r.alsoExplain ?? []) if (!earlier.has(id)) problems.push(`${where} alsoExplain: unknown question "${id}"`);
  });

  const seen = new Set<string>();
  for (const p of def.prescriptions) {
    if (seen.has(p.id)) problems.push(`prescription "${p.id}" is defined twice`);
    seen.add(p.id);
    if (!def.rules.some((r) => r.prescription === p.id)) problems.push(`prescription "${p.id}" is not named by any rule`);
    if (p.crisis && p.nextStep) problems.push(`prescription "${p.id}" is a crisis page and must not carry a nextStep`);
  }

  if (problems.length > 0) throw new Error(`quiz definition v${def.version} is invalid:\n- ${problems.join("\n- ")}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses and checks a definition; throws on any problem. The result is frozen: it is shared by every request. */
export function loadDefinition(raw: unknown): QuizDefinition {
  const def = definitionSchema.parse(raw);
  checkDefinition(def);
  return deepFreeze(def);
}

const all: readonly QuizDefinition[] = [quizV1].map(loadDefinition).sort((a, b) => a.version - b.version);

const byVersion = new Map<number, QuizDefinition>();
for (const def of all) {
  if (byVersion.has(def.version)) throw new Error(`quiz definition v${def.version} is registered twice`);
  byVersion.set(def.version, def);
}

export function getDefinition(version: number): QuizDefinition | undefined {
  return byVersion.get(version);
}

const latest = all.at(-1);
if (!latest) throw new Error("no quiz definitions registered");

/** The highest version: the one new quizzes use. */
export const currentDefinition: QuizDefinition = latest;
