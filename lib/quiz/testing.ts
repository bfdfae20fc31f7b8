import type { Answers } from "./schema";

/**
 * A complete, valid path through the current quiz, for tests that need a real result:
 * in no contact for 20 days, the ex reached out, not answered yet.
 */
export const validAnswers: Answers = {
  when: "weeks",
  safety: ["neither"],
  who_ended: "them",
  ties: ["friends"],
  no_contact: "yes",
  nc_days: 20,
  ex_contacted_nc: "yes",
  your_reply: "undecided",
  pleaded: "no",
  goal: "back_together",
  ex_new_partner: "dont_know",
};
