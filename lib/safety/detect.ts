// Does a text suggest someone may be in danger? Client-safe and dependency-free:
// the check-in form runs it as the member types (to show help at once) and the
// server runs it again when the check-in is saved (to mark it urgent).
import { negationBridges, negations, safetyPhrases, type SafetyKind } from "./phrases";

function normalize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bmy self\b/g, "myself")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** Optimal string alignment distance, stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]! <= 1;
}

// Short words must match exactly: "hit" is one letter from too much.
const wordMatches = (typed: string, wanted: string) => (wanted.length >= 4 ? withinOneEdit(typed, wanted) : typed === wanted);

const phraseTokens = Object.entries(safetyPhrases).flatMap(([kind, list]) =>
  list.map((phrase) => ({ kind: kind as SafetyKind, words: normalize(phrase) })),
);
const negationSet = new Set(negations.map((n) => n.replace(/'/g, "")));
const bridgeSet = new Set(negationBridges);

/** A negation just before the phrase, with only "going to"-style words between, cancels it. */
function negated(tokens: string[], start: number, phraseStartsNegative: boolean): boolean {
  if (phraseStartsNegative) return false;
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    const t = tokens[i] ?? "";
    if (negationSet.has(t)) return true;
    if (!bridgeSet.has(t)) return false;
  }
  return false;
}

export interface SafetyFinding {
  kinds: SafetyKind[];
}

export function detectDanger(...texts: string[]): SafetyFinding {
  const kinds = new Set<SafetyKind>();
  for (const text of texts) {
    const tokens = normalize(text);
    for (const { kind, words } of phraseTokens) {
      if (kinds.has(kind)) continue;
      for (let start = 0; start + words.length <= tokens.length; start++) {
        if (!words.every((w, k) => wordMatches(tokens[start + k] ?? "", w))) continue;
        if (negated(tokens, start, negationSet.has(words[0] ?? ""))) continue;
        kinds.add(kind);
        break;
      }
    }
  }
  return { kinds: [...kinds] };
}

export const isUrgent = (...texts: string[]) => detectDanger(...texts).kinds.length > 0;
