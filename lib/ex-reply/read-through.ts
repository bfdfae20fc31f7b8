// A first read of a message the member pasted, to think it through: does it
// sound dangerous, does it ask something, is it long. Pure, and it keeps
// nothing: the words are only stored if the member asks (lib/ex-reply/member.ts).
import { detectDanger } from "@/lib/safety/detect";

// lib/safety's phrases are written from the member's side ("he threatened me");
// a message from the ex says it to them. Lower-case, apostrophes dropped.
const threatsToYou = [
  "kill you",
  "hurt you",
  "make you pay",
  "youll regret",
  "you will regret",
  "youll be sorry",
  "you will be sorry",
  "i know where you",
  "im watching you",
  "watching you",
  "ruin your life",
  "come for you",
  "coming for you",
  "find you",
  "youll pay",
  "you will pay",
  "take the kids from you",
  "never see the kids",
  "never see your kids",
  "end you",
];

const normalize = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

export interface ReadThrough {
  /** Words that suggest a threat or danger: the answer becomes safety first. */
  danger: boolean;
  notes: string[];
}

export function readThrough(message: string): ReadThrough {
  const plain = normalize(message);
  const danger = detectDanger(message).kinds.length > 0 || threatsToYou.some((p) => plain.includes(` ${p} `));
  if (danger) {
    return {
      danger: true,
      notes: ["Some of the words in this message sound threatening or frightening. That changes the advice: your safety comes first, and there’s no reply to draft."],
    };
  }
  const notes: string[] = [];
  const words = plain.trim().split(" ").filter(Boolean).length;
  if (message.includes("?")) notes.push("It asks you something. If the question is practical, answer it plainly. If it’s about the two of you, you don’t have to answer it.");
  if (words > 80) notes.push("It’s a long message. A long message doesn’t need a long answer: two lines are still enough.");
  if (/\b(sorry|apologi[sz]e)\b/.test(plain)) notes.push("There’s an apology in it. You can thank them for it without reopening anything: “Thanks for saying that” is a whole answer.");
  if (/\b(miss you|love you|still think about|thinking about you|thinking of you)\b/.test(plain)) {
    notes.push("It talks about feelings. Acknowledging that kindly is fine; matching it, or asking what it means, reopens things.");
  }
  if (notes.length === 0) notes.push("Nothing in it needs more than a short, calm answer, if any.");
  return { danger: false, notes };
}
