// "My ex reached out", version 1: the questions, the drafts and the advice.
// Plain data; the engine never changes when this does. Once messages have been
// saved under a version, change its wording only; new questions, options or
// conditions get a new version file.
import type { Condition } from "@/lib/quiz/schema";
import type { ExDefinition } from "../schema";

const kindIs = (kind: string): Condition => ({ q: "kind", is: kind });
const wants = (...want: string[]): Condition => ({ q: "want", in: want });
const shares = (...ties: string[]): Condition => ({ q: "ties", includesAny: ties });

// Once a message frightens someone, nothing else is asked: no question about
// getting back together stands between a person in danger and help.
const safe: Condition = { all: [{ not: kindIs("threat") }, { not: { q: "afraid", is: "yes" } }] };

export const exReplyV1 = {
  version: 1,
  questions: [
    {
      id: "kind",
      kind: "single",
      prompt: "What kind of message was it?",
      help: "Pick the one that fits best. If it was a mix, pick the hardest part.",
      options: [
        { id: "logistics", label: "Practical: the children, the home, money or things to collect", because: "it was about practical things" },
        { id: "check_in", label: "A friendly check-in, like “How are you doing?”", because: "it was a friendly check-in" },
        { id: "plea", label: "They want to talk, or to get back together", because: "they asked to talk, or to try again" },
        { id: "hostile", label: "Hostile or insulting", because: "the message was hostile" },
        { id: "threat", label: "Threatening, or it frightened me", because: "the message was threatening or frightening" },
        { id: "late_night", label: "A late-night message, like “You up?” or “Thinking of you”", because: "it arrived late at night" },
        { id: "new_partner", label: "They told me they’re seeing someone new", because: "they told you they’re seeing someone new" },
      ],
    },
    {
      id: "afraid",
      kind: "single",
      prompt: "Does this message, or anything else your ex is doing, leave you afraid?",
      help: "For example: threats, turning up where you are, following you, or checking where you go.",
      showIf: { not: kindIs("threat") },
      options: [
        { id: "no", label: "No, I feel safe", because: "you feel safe" },
        { id: "yes", label: "Yes, I feel afraid or unsafe", because: "you told us you feel afraid or unsafe" },
      ],
    },
    {
      id: "ties",
      kind: "multi",
      prompt: "Do you share any of these with your ex?",
      help: "Tick all that apply.",
      showIf: safe,
      options: [
        { id: "children", label: "Children", because: "you share children" },
        { id: "home", label: "A home (or one you’re still sorting out)", because: "you share a home" },
        { id: "work", label: "A workplace", because: "you work together" },
        { id: "none", label: "None of these", exclusive: true, because: "nothing practical ties you together" },
      ],
    },
    {
      id: "want",
      kind: "single",
      prompt: "What do you want right now?",
      showIf: safe,
      options: [
        { id: "move_on", label: "To heal and move on", because: "you want to heal and move on" },
        { id: "civil", label: "To keep things civil, for the children, the home or work", because: "you want to keep things civil" },
        { id: "back_together", label: "I hope we get back together", because: "you hope to get back together" },
        { id: "not_sure", label: "I don’t know yet", because: "you don’t know yet what you want" },
      ],
    },
  ],

  safety: {
    when: { any: [kindIs("threat"), { q: "afraid", is: "yes" }] },
    title: "Your safety comes first",
    summary:
      "You don’t owe this message an answer, and there’s no draft here on purpose: when a message frightens you, the right next step is help, not the perfect reply. We’re a coaching tool, not a crisis service, so here is who can help today.",
    steps: [
      "If you’re in danger right now, call your local emergency number.",
      "Don’t reply to the threat, and don’t agree to meet alone to “talk it through”.",
      "Keep a record: screenshot the message with its date, and save it somewhere your ex can’t reach. Deleting it can feel better, but a record can protect you later.",
      "Tell someone you trust what’s happening today. You don’t need the whole story; “my ex is frightening me” is enough.",
      "A domestic-abuse line can help you plan: how to stay safe, and how to handle anything you have to sort out, like children or a home.",
      "It’s okay to block them. Your safety is reason enough.",
    ],
  },

  // In order: the drafts for a particular situation first, the general ones after, so the most fitting come first.
  drafts: [
    // Practical messages: civil, practical, logistics only.
    {
      id: "logistics_children",
      when: { all: [kindIs("logistics"), shares("children")] },
      title: "Just the arrangements",
      text: "Thanks for letting me know. Friday at 5 works for pickup. If anything changes, could you text me by Thursday?",
    },
    {
      id: "logistics_home",
      when: { all: [kindIs("logistics"), shares("home")] },
      title: "Sorting out the home",
      text: "Got it. I’ll be out on Saturday morning, so that’s a good time to collect your things. Leave the key on the table when you’re done.",
    },
    {
      id: "logistics_plain",
      when: kindIs("logistics"),
      title: "Short and practical",
      text: "Thanks for the message. Yes, that works for me.",
    },
    {
      id: "logistics_time",
      when: kindIs("logistics"),
      title: "When you need time to check",
      text: "Thanks. Let me check and I’ll get back to you by tomorrow evening.",
    },

    // A friendly check-in: acknowledge briefly and kindly, then step back.
    {
      id: "check_in_ties",
      when: { all: [kindIs("check_in"), wants("civil"), shares("children", "home", "work")] },
      title: "Friendly, and back to normal",
      text: "Thanks for asking, I’m doing fine. Hope you are too. See you on Friday.",
    },
    {
      id: "check_in_hopeful",
      when: { all: [kindIs("check_in"), wants("back_together")] },
      title: "Warm, and nothing more",
      text: "Good to hear from you. I’m doing alright, thanks. I hope things are good with you.",
    },
    {
      id: "check_in_kind",
      when: kindIs("check_in"),
      title: "Short and kind",
      text: "Thanks for checking in, that’s kind of you. I’m doing okay. Take care of yourself.",
    },
    {
      id: "check_in_busy",
      when: kindIs("check_in"),
      title: "Easy and light",
      text: "Hey, thanks for thinking of me. I’m keeping busy and doing alright. Hope you’re well.",
    },

    // A plea to talk or try again: kind, honest, and nothing reopened.
    {
      id: "plea_move_on",
      when: { all: [kindIs("plea"), wants("move_on")] },
      title: "Kind and clear",
      text: "I can tell this matters to you, and I’m not angry. But I don’t want to go back over us. I hope you understand. Take care.",
    },
    {
      id: "plea_hopeful",
      when: { all: [kindIs("plea"), wants("back_together")] },
      title: "Not now, without closing the door",
      text: "Thank you for telling me. I’m not ready to talk about us right now. I need some time for myself first.",
    },
    {
      id: "plea_unsure",
      when: { all: [kindIs("plea"), wants("not_sure")] },
      title: "Honest about not knowing",
      text: "I hear you. I don’t know yet what I think, and I don’t want to say something I don’t mean. I need some space for now.",
    },
    {
      id: "plea_civil",
      when: { all: [kindIs("plea"), wants("civil")] },
      title: "Friendly, and back to the practical",
      text: "I understand. For now I’d like to keep things friendly and stick to the practical stuff. I hope that’s okay.",
    },
    {
      id: "plea_closed",
      when: kindIs("plea"),
      title: "Short, kind, and closed",
      text: "Thanks for being honest with me. I’d rather not go over things right now. I hope you’re doing okay.",
    },

    // Hostile: no reply is fine; if a reply is needed, practical matters only.
    {
      id: "hostile_logistics",
      when: { all: [kindIs("hostile"), shares("children", "home", "work")] },
      title: "Only the practical part",
      text: "I’ll answer anything about the arrangements. Pickup is still Friday at 5.",
    },
    {
      id: "hostile_boundary",
      when: kindIs("hostile"),
      title: "One calm line, once",
      text: "I’m not going to reply to messages like this one. If there’s something practical, I’ll answer that.",
    },
    {
      id: "hostile_close",
      when: { all: [kindIs("hostile"), shares("none")] },
      title: "A short close",
      text: "I’m not going to get into this. Take care.",
    },

    // Late at night: nothing tonight; a short, daylight answer if any.
    {
      id: "late_night_practical",
      when: { all: [kindIs("late_night"), shares("children", "home", "work")] },
      title: "Daytime, and practical",
      text: "Just seeing this now. If it’s about the arrangements, let’s sort it out during the day.",
    },
    {
      id: "late_night_next_day",
      when: kindIs("late_night"),
      title: "The next day, in daylight",
      text: "Hey, just saw this. I hope you’re okay. Take care.",
    },
    {
      id: "late_night_leave_it",
      when: kindIs("late_night"),
      title: "Kind, and leaving it there",
      text: "Thanks for the message. I’m going to leave it there for now. Look after yourself.",
    },

    // A new partner: gracious and brief; logistics where children are involved.
    {
      id: "new_partner_children",
      when: { all: [kindIs("new_partner"), shares("children")] },
      title: "Thinking of the children",
      text: "Thanks for letting me know. When the time comes, let’s agree together how and when the children meet them.",
    },
    {
      id: "new_partner_gracious",
      when: kindIs("new_partner"),
      title: "Gracious and brief",
      text: "Thanks for telling me yourself. I hope you’re happy. Take care.",
    },
    {
      id: "new_partner_plain",
      when: kindIs("new_partner"),
      title: "Just an acknowledgement",
      text: "Thanks for letting me know.",
    },
  ],

  avoid: [
    {
      id: "what_went_wrong",
      say: "Going over what went wrong, or why it ended",
      why: "It reopens the relationship in one line, and the argument picks up where it stopped.",
    },
    {
      id: "long_feelings",
      say: "A long message about how you feel",
      why: "It rarely lands the way you hope, and it hands them ammunition. Calm beats clever, and short beats both.",
    },
    {
      id: "promises",
      when: { any: [kindIs("plea"), wants("back_together")] },
      say: "“I’ve changed” or “I’ll do things differently”",
      why: "Promises made in a reply are easy to doubt and hard to keep. If things ever change between you, it shows over time, not in a message.",
    },
    {
      id: "miss_me",
      when: { all: [wants("back_together"), { q: "kind", in: ["check_in", "late_night"] }] },
      say: "“Do you miss me?” or “What does this mean?”",
      why: "It turns a small, friendly message into a test they didn’t sign up for. Let a check-in be a check-in.",
    },
    {
      id: "feelings_in_logistics",
      when: { any: [kindIs("logistics"), wants("civil")] },
      say: "Slipping feelings into a practical message (“By the way, how are you really?”)",
      why: "A practical message that carries more becomes a door back into the relationship, for either of you.",
    },
    {
      id: "through_children",
      when: shares("children"),
      say: "Passing messages through the children, or digs where they can hear",
      why: "They shouldn’t carry the weight of the two of you. Talk to each other directly, briefly, about them.",
    },
    {
      id: "fight_back",
      when: kindIs("hostile"),
      say: "Defending yourself point by point, or insulting them back",
      why: "It keeps the fight going and gives them something to quote. You don’t have to win this exchange.",
    },
    {
      id: "late_reply",
      when: kindIs("late_night"),
      say: "Replying straight away, at 2 a.m.",
      why: "Late-night messages run on feelings. Anything you send at that hour is easier to regret than a reply in daylight.",
    },
    {
      id: "new_partner_questions",
      when: kindIs("new_partner"),
      say: "Questions about the new person, or “Hope it goes better than us”",
      why: "It tells them how much this stings and gives them something to react to. Let the news be theirs.",
    },
    {
      id: "games",
      say: "Leaving them on read to seem unbothered",
      why: "Where a reply fits, silence as a tactic looks like a game, and they may decide to play it too.",
    },
  ],

  silence: [
    {
      id: "silence_check_in",
      when: { any: [kindIs("check_in"), kindIs("plea"), kindIs("logistics")] },
      text: "This one deserves a short answer. Ignoring it can look petty or like game-playing; a brief, kind reply and then stepping back is cleaner.",
    },
    {
      id: "silence_plea_repeat",
      when: kindIs("plea"),
      text: "If they ask again after you’ve answered once, you don’t have to answer again. You’ve said it kindly; repeating it only reopens it.",
    },
    {
      id: "silence_hostile",
      when: kindIs("hostile"),
      text: "You don’t have to reply to a hostile message at all. If you share children, a home or work, answer only the practical part, if there is one. That’s a boundary, not a game.",
    },
    {
      id: "silence_late_night",
      when: kindIs("late_night"),
      text: "There’s no need to reply tonight. Answer tomorrow in daylight, or not at all if it didn’t ask anything.",
    },
    {
      id: "silence_new_partner",
      when: kindIs("new_partner"),
      text: "News like this doesn’t need an answer. A one-line acknowledgement is kind; saying nothing is fine too.",
    },
    {
      id: "silence_wait",
      text: "Whatever you send, send it when you feel calm. An hour or a night’s sleep is fine; a countdown to make a point is not.",
    },
  ],
} satisfies ExDefinition;
