// Decision trees an article can show, as data: the page renders them as plain
// sections and links (they work without JavaScript and by keyboard), and a test
// walks every path. Client-safe: the coach's preview renders them too.

export interface Answer {
  label: string;
  /** The id of the next step. */
  to: string;
}

export interface Question {
  kind: "question";
  id: string;
  title: string;
  hint?: string;
  answers: Answer[];
}

export interface Outcome {
  kind: "outcome";
  id: string;
  title: string;
  advice: string[];
  /** A page to open before anything else (safety first). */
  urgent?: { href: string; label: string };
}

export type Step = Question | Outcome;

export interface Flowchart {
  name: string;
  title: string;
  intro: string;
  /** The first question's id. */
  start: string;
  steps: Step[];
}

/** Where every path ends: the free plan, which asks about the reader's own situation. */
export const FLOWCHART_END = { href: "/quiz", label: "Get my free plan" } as const;

const noContact: Flowchart = {
  name: "no-contact",
  title: "Should I go no contact?",
  intro: "Answer a few questions. Each answer takes you to the next one; there is no wrong way through.",
  start: "nc-safety",
  steps: [
    {
      kind: "question",
      id: "nc-safety",
      title: "Are you afraid of your ex, or afraid of what you might do to yourself?",
      answers: [
        { label: "Yes, I’m not safe right now", to: "nc-help" },
        { label: "No, I’m safe", to: "nc-ties" },
      ],
    },
    {
      kind: "question",
      id: "nc-ties",
      title: "Do you share children, a home or a workplace with your ex?",
      answers: [
        { label: "Yes, at least one of those", to: "nc-limited" },
        { label: "No, nothing we can’t untangle", to: "nc-message" },
      ],
    },
    {
      kind: "question",
      id: "nc-message",
      title: "Is there a message from your ex you haven’t answered?",
      answers: [
        { label: "Yes, and I don’t know what to do", to: "nc-reply" },
        { label: "No", to: "nc-why" },
      ],
    },
    {
      kind: "question",
      id: "nc-why",
      title: "What do you hope no contact will do?",
      answers: [
        { label: "Give me room to feel better", to: "nc-go" },
        { label: "Make them miss me and come back", to: "nc-game" },
        { label: "I’m not sure yet", to: "nc-talks" },
      ],
    },
    {
      kind: "question",
      id: "nc-talks",
      title: "After you talk to your ex, how do you feel for the rest of the day?",
      answers: [
        { label: "Worse: I replay it, check my phone, can’t settle", to: "nc-go" },
        { label: "Mostly fine: it’s calm and short", to: "nc-light" },
      ],
    },
    {
      kind: "outcome",
      id: "nc-help",
      title: "Your safety comes first",
      advice: [
        "Forget no contact for now: getting safe is the only job today. If you are in danger, call your local emergency number.",
        "The help page lists crisis and domestic-abuse lines you can call or text right now, any time of day.",
      ],
      urgent: { href: "/help", label: "Get help now" },
    },
    {
      kind: "outcome",
      id: "nc-limited",
      title: "Limited contact, not no contact",
      advice: [
        "You can’t disappear from someone you raise children with, live with or work beside, and you don’t have to.",
        "Keep every exchange brief, civil and about the practical thing: pick-up times, bills, the handover of a project. Nothing about the relationship.",
        "Answer at a time you choose, in as few words as the job needs. Calm beats clever.",
      ],
    },
    {
      kind: "outcome",
      id: "nc-reply",
      title: "Reply briefly and kindly, then step back",
      advice: [
        "Blanking a friendly message can look like a game, and it hands your ex a reason to play one too.",
        "Acknowledge it in a line or two, warmly and without questions. Don’t reopen the relationship, don’t go over what went wrong.",
        "Then give yourself space again. Replying once is not a relapse.",
      ],
    },
    {
      kind: "outcome",
      id: "nc-go",
      title: "Yes: take some space, for you",
      advice: [
        "No contact is a tool for healing. It stops the checking, the chasing and the late-night messages you regret.",
        "Pick a length that fits your life rather than a number from the internet, and tell yourself why you’re doing it.",
        "If your ex writes, a short, kind answer is still fine. Space is for you, not a wall to prove a point.",
      ],
    },
    {
      kind: "outcome",
      id: "nc-game",
      title: "Take space, but not as a tactic",
      advice: [
        "Silence used to make someone miss you tends to backfire: people can tell when they’re being played, and nobody likes it.",
        "Nothing guarantees getting anyone back. What space can do is help you think clearly and stop making things worse.",
        "Use it for yourself. Whatever happens next, you’ll meet it in better shape.",
      ],
    },
    {
      kind: "outcome",
      id: "nc-light",
      title: "You may not need a strict rule",
      advice: [
        "If contact is rare, calm and short, and it doesn’t knock you off balance, you don’t have to cut it off because a rule says so.",
        "Watch for the signs that it’s starting to hurt: waiting for replies, rereading old messages, hoping each one means more. Then it’s time for space.",
      ],
    },
  ],
};

export const flowcharts: Record<string, Flowchart> = { [noContact.name]: noContact };

/** A marker line in an article's Markdown that the page replaces with the decision tree. */
export const FLOWCHART_MARKER = /^:::flowchart[ \t]+([a-z0-9-]+)[ \t]*$/;

export type BodyPart = { kind: "markdown"; text: string } | { kind: "flowchart"; name: string };

/** An article's Markdown split at its flowchart markers, in order. */
export function splitBody(markdown: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let text: string[] = [];
  const flush = () => {
    const joined = text.join("\n").trim();
    if (joined) parts.push({ kind: "markdown", text: joined });
    text = [];
  };
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const name = FLOWCHART_MARKER.exec(line)?.[1];
    if (name === undefined) {
      text.push(line);
      continue;
    }
    flush();
    parts.push({ kind: "flowchart", name });
  }
  flush();
  return parts;
}

/** Marker names in `markdown` that name no decision tree. */
export function unknownFlowcharts(markdown: string): string[] {
  return splitBody(markdown).flatMap((p) => (p.kind === "flowchart" && !(p.name in flowcharts) ? [p.name] : []));
}
