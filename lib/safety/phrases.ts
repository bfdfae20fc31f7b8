// Words that suggest someone may be in danger, by kind. Plain data so it can be
// reviewed and extended without touching the matcher (lib/safety/detect.ts).
// Matching is forgiving of small misspellings and of "my self" / "self-harm"
// spellings; phrases that carry their own negation ("don't want to live") are
// listed as such. When in doubt, a phrase belongs here: a false alarm costs a
// coach a minute; a miss can cost far more.
export type SafetyKind = "self_harm" | "abuse" | "stalking";

export const safetyPhrases: Record<SafetyKind, string[]> = {
  self_harm: [
    "kill myself",
    "killing myself",
    "end my life",
    "end it all",
    "take my own life",
    "suicide",
    "suicidal",
    "want to die",
    "wanna die",
    "wish i was dead",
    "wish i were dead",
    "better off dead",
    "better off without me",
    "dont want to live",
    "dont want to be alive",
    "dont want to be here anymore",
    "no reason to live",
    "not worth living",
    "hurt myself",
    "harm myself",
    "hurting myself",
    "self harm",
    "cut myself",
    "cutting myself",
    "overdose",
  ],
  abuse: [
    "hit me",
    "hits me",
    "beat me",
    "beats me",
    "punched me",
    "slapped me",
    "kicked me",
    "choked me",
    "strangled me",
    "pushed me",
    "hurt me",
    "hurts me",
    "forced me",
    "raped me",
    "threatened to kill",
    "threatens to kill",
    "threatened me",
    "threatens me",
    "afraid of him",
    "afraid of her",
    "afraid of them",
    "scared of him",
    "scared of her",
    "scared of them",
    "abusive",
    "abused me",
  ],
  stalking: [
    "stalking me",
    "stalker",
    "following me",
    "followed me",
    "showed up at my",
    "shows up at my",
    "turned up at my",
    "keeps showing up",
    "outside my house",
    "outside my flat",
    "outside my work",
    "tracking my",
    "tracks my",
    "won't leave me alone",
    "wont leave me alone",
    "broke into",
  ],
};

/** Words that cancel a phrase right after them ("I would never hurt myself"). */
export const negations = ["not", "never", "dont", "don't", "didnt", "didn't", "wouldnt", "wouldn't", "wont", "won't", "no", "isnt", "isn't", "hasnt", "hasn't", "nobody"];

/** Words that may stand between a negation and its phrase ("not going to kill myself"). */
export const negationBridges = ["going", "gonna", "to", "ever", "really", "actually", "would", "will", "i", "im", "ll", "be", "want", "trying"];
