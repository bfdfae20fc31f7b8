// Every "ex reached out" rule set the app knows, parsed and cross-checked once
// at import, so a broken definition stops the app at start-up instead of
// advising someone wrongly. Saved messages name their version, so old versions
// stay here for as long as messages saved under them are kept.
import type { Condition } from "@/lib/quiz/schema";
import { exDefinitionSchema, type ExDefinition } from "../schema";
import { exReplyV1 } from "./v1";

function leaves(cond: Condition, out: Extract<Condition, { q: string }>[] = []) {
  if ("all" in cond) cond.all.forEach((c) => leaves(c, out));
  else if ("any" in cond) cond.any.forEach((c) => leaves(c, out));
  else if ("not" in cond) leaves(cond.not, out);
  else out.push(cond);
  return out;
}

/** Cross-checks the schema can't express: conditions name real questions and options. Throws one error listing every problem. */
export function checkExDefinition(def: ExDefinition): void {
  const problems: string[] = [];
  const questions = new Map(def.questions.map((q) => [q.id, q]));
  const check = (cond: Condition | undefined, where: string) => {
    if (!cond) return;
    for (const leaf of leaves(cond)) {
      const q = questions.get(leaf.q);
      if (!q) {
        problems.push(`${where}: unknown question "${leaf.q}"`);
        continue;
      }
      const named = "is" in leaf ? [leaf.is] : "in" in leaf ? leaf.in : "includes" in leaf ? [leaf.includes] : "includesAny" in leaf ? leaf.includesAny : null;
      if (named === null) problems.push(`${where}: "${leaf.q}" has no numbers to compare`);
      else for (const o of named) if (!q.options.some((opt) => opt.id === o)) problems.push(`${where}: "${leaf.q}" has no option "${o}"`);
      const multiLeaf = "includes" in leaf || "includesAny" in leaf;
      if (multiLeaf !== (q.kind === "multi")) problems.push(`${where}: the condition doesn't fit the ${q.kind}-choice question "${leaf.q}"`);
    }
  };
  def.questions.forEach((q) => check(q.showIf, `question "${q.id}" showIf`));
  check(def.safety.when, "safety");
  for (const list of [def.drafts, def.avoid, def.silence]) {
    const ids = new Set<string>();
    for (const item of list) {
      if (ids.has(item.id)) problems.push(`"${item.id}" is defined twice`);
      ids.add(item.id);
      check(item.when, `"${item.id}"`);
    }
  }
  if (problems.length > 0) throw new Error(`ex-reply definition v${def.version} is invalid:\n- ${problems.join("\n- ")}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function loadExDefinition(raw: unknown): ExDefinition {
  const def = exDefinitionSchema.parse(raw);
  checkExDefinition(def);
  return deepFreeze(def);
}

const all: readonly ExDefinition[] = [exReplyV1].map(loadExDefinition).sort((a, b) => a.version - b.version);

export function getExDefinition(version: number): ExDefinition | undefined {
  return all.find((d) => d.version === version);
}

const latest = all.at(-1);
if (!latest) throw new Error("no ex-reply definitions registered");

/** The highest version: the one new advice uses. */
export const currentExDefinition: ExDefinition = latest;
