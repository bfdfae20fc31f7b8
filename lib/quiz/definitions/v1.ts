// Quiz version 1: the questions, the rules and the plans. Plain data; the
// engine never changes when this does. Once results have been stored under a
// version, change its wording only; a change to questions, options or rules
// gets a new version file.
import type { Condition, QuizDefinition } from "../schema";

// After a safety answer the quiz stops asking: nothing else changes the plan,
// and nobody in danger should have to answer questions about winning anyone
// back first. Questions that depend on a guarded one stop with it.
const safeToContinue: Condition = { not: { q: "safety", includesAny: ["unsafe", "self_harm"] } };

const dojoInvite = "See what’s in the Dojo";

export const quizV1 = {
  version: 1,
  questions: [
    {
      id: "when",
      kind: "single",
      prompt: "When did the breakup happen?",
      options: [
        {
          id: "days",
          label: "In the last few days",
          reason: "The breakup is only days old. Right now the job is getting steady, not making big moves.",
        },
        {
          id: "weeks",
          label: "1–4 weeks ago",
          reason: "It’s been a few weeks. Feelings still swing at this stage, and a simple plan helps you hold steady.",
        },
        {
          id: "months",
          label: "1–6 months ago",
          reason: "It’s been a few months. If it still hurts, that’s normal, and your healing deserves real attention.",
        },
        {
          id: "longer",
          label: "More than 6 months ago",
          reason: "It’s been over six months, so the aim is to win back the room it still takes up in your head.",
        },
      ],
    },
    {
      id: "safety",
      kind: "multi",
      prompt: "Before we go on: is any of this true for you right now?",
      help: "Tick any that apply. Your answers are anonymous, and there’s no wrong answer.",
      options: [
        {
          id: "unsafe",
          label: "I feel unsafe around my ex, or afraid of them",
          reason: "You told us you feel unsafe around your ex. Your safety comes before any plan about the relationship.",
        },
        {
          id: "self_harm",
          label: "I’ve had thoughts of harming myself",
          reason: "You told us you’ve had thoughts of harming yourself. That matters more than anything else here, and you deserve support today.",
        },
        {
          id: "neither",
          label: "Neither of these",
          exclusive: true,
          reason: "You told us you feel safe right now, so the plan can focus on the breakup itself.",
        },
        {
          id: "rather_not_say",
          label: "I’d rather not say",
          exclusive: true,
          reason: "You’d rather not say, and that’s fine. Support is there whenever you want it.",
        },
      ],
    },
    {
      id: "who_ended",
      kind: "single",
      prompt: "Who ended it?",
      showIf: safeToContinue,
      options: [
        {
          id: "them",
          label: "They did",
          reason: "They ended it, so the urge to change their mind is strong. Space stops you arguing your case while it still hurts.",
        },
        {
          id: "me",
          label: "I did",
          reason: "You ended it. Some space now is kinder to both of you than mixed signals.",
        },
        {
          id: "mutual",
          label: "Both of us, or it’s unclear",
          reason: "It was mutual, or it’s still blurry. Space lets the dust settle so you can see what you actually want.",
        },
      ],
    },
    {
      id: "ties",
      kind: "multi",
      prompt: "Does anything still tie you to your ex?",
      help: "Tick all that apply.",
      showIf: safeToContinue,
      options: [
        {
          id: "home",
          label: "We live together",
          reason: "You still share a home, so vanishing isn’t realistic. Calm, practical contact is.",
        },
        {
          id: "children",
          label: "We have children together",
          reason: "You share children, so disappearing isn’t an option. They need the two of you to stay civil.",
        },
        {
          id: "work",
          label: "We work together",
          reason: "You work together, so you’ll see each other whatever you decide. Brief and civil works better than silence.",
        },
        {
          id: "friends",
          label: "We have the same friends",
          reason: "You share friends, so you’ll hear news and bump into each other. Space doesn’t mean hiding; it means not chasing.",
        },
        {
          id: "none",
          label: "None of these",
          exclusive: true,
          reason: "Nothing practical ties you to your ex, so real space is possible.",
        },
      ],
    },
    {
      id: "no_contact",
      kind: "single",
      prompt: "Are you in no contact with your ex right now?",
      help: "No contact means no messages, calls or meet-ups from your side.",
      showIf: safeToContinue,
      options: [
        {
          id: "yes",
          label: "Yes",
          reason: "You’re already in no contact. That space is for your healing, not a game, and it’s worth keeping.",
        },
        {
          id: "no",
          label: "No, we’re still in touch",
          reason: "You’re still in touch, which makes it hard to get any distance from the hurt.",
        },
        {
          id: "slipping",
          label: "I keep trying, then slipping",
          reason: "You’ve tried to keep your distance and slipped. Nobody does this perfectly, and a clearer plan makes the next try easier.",
        },
      ],
    },
    {
      id: "nc_days",
      kind: "number",
      prompt: "How many days have you been in no contact?",
      help: "A rough count is fine. More than a year? Enter 365.",
      showIf: { q: "no_contact", is: "yes" },
      min: 0,
      max: 365,
      unit: "days",
      reason: "You’re on day {n} of no contact, and that space is there to protect you, not to punish them.",
    },
    {
      id: "ex_contacted_nc",
      kind: "single",
      prompt: "Has your ex reached out since you went no contact?",
      showIf: { q: "no_contact", is: "yes" },
      options: [
        {
          id: "yes",
          label: "Yes",
          reason: "Your ex reached out during your no contact, so how you respond matters.",
        },
        {
          id: "no",
          label: "No",
          reason: "Your ex hasn’t reached out, so there’s nothing to answer. Your only job is looking after yourself.",
        },
      ],
    },
    {
      id: "ex_contacted",
      kind: "single",
      prompt: "Has your ex reached out since the breakup?",
      help: "A message, a call, a voice note: anything they started counts.",
      showIf: { q: "no_contact", in: ["no", "slipping"] },
      options: [
        {
          id: "yes",
          label: "Yes",
          reason: "Your ex has reached out since the breakup, so how you respond matters.",
        },
        {
          id: "no",
          label: "No",
          reason: "Your ex hasn’t reached out since the breakup, so nothing is waiting for an answer.",
        },
      ],
    },
    {
      id: "your_reply",
      kind: "single",
      prompt: "Did you reply?",
      showIf: { any: [{ q: "ex_contacted_nc", is: "yes" }, { q: "ex_contacted", is: "yes" }] },
      options: [
        {
          id: "replied",
          label: "Yes, I replied",
          reason: "You’ve already replied, so nothing is waiting on you. Now you can step back.",
        },
        {
          id: "ignored",
          label: "No, I ignored it",
          reason: "You haven’t answered. Silence can read as game-playing, and they may decide to play the same game.",
        },
        {
          id: "undecided",
          label: "Not yet. I’m not sure what to say",
          reason: "You haven’t replied yet, so you still get to choose a calm, kind answer.",
        },
      ],
    },
    {
      id: "pleaded",
      kind: "single",
      prompt: "Since the breakup, have you pleaded, begged or sent long messages?",
      help: "No judgement. Most people do at least one of these.",
      showIf: safeToContinue,
      options: [
        {
          id: "yes",
          label: "Yes",
          reason: "You’ve pleaded or sent long messages. That’s human, and the kindest thing for you now is to stop explaining.",
        },
        {
          id: "no",
          label: "No",
          reason: "You haven’t been chasing, which keeps things calmer on both sides.",
        },
      ],
    },
    {
      id: "goal",
      kind: "single",
      prompt: "What do you want most right now?",
      showIf: safeToContinue,
      options: [
        {
          id: "back_together",
          label: "To get back together",
          reason: "You’d like to get back together. Chasing rarely helps with that, and getting steady again is your best move either way.",
        },
        {
          id: "move_on",
          label: "To move on",
          reason: "You want to move on, so this plan is about you, not them.",
        },
        {
          id: "not_sure",
          label: "I’m not sure yet",
          reason: "You’re not sure what you want yet. That’s fine; some space gives you room to find out.",
        },
      ],
    },
    {
      // Not asked of someone who wants to move on: it wouldn't change their plan, and it can sting.
      id: "ex_new_partner",
      kind: "single",
      prompt: "Is your ex seeing someone new?",
      showIf: { q: "goal", in: ["back_together", "not_sure"] },
      options: [
        {
          id: "yes",
          label: "Yes",
          reason: "Your ex is seeing someone new. That hurts, and it’s a clear sign to put your own recovery first.",
        },
        {
          id: "think_so",
          label: "I think so",
          reason: "You think your ex may be seeing someone. True or not, watching them won’t help you heal; looking after yourself will.",
        },
        {
          id: "no",
          label: "No",
          reason: "As far as you know, your ex isn’t seeing anyone, so there’s no rush and no race.",
        },
        {
          id: "dont_know",
          label: "I don’t know",
          reason: "You don’t know whether your ex is seeing anyone, and you don’t need to find out to move forward.",
        },
      ],
    },
  ],

  rules: [
    // Safety overrides everything.
    { prescription: "safety_first", when: { q: "safety", includesAny: ["unsafe", "self_harm"] } },
    // Children, a shared home or a shared job make strict no contact impossible,
    // whatever else is going on. Shared friends alone don't.
    {
      prescription: "limited_contact",
      when: { q: "ties", includesAny: ["home", "children", "work"] },
      alsoExplain: ["your_reply", "pleaded"],
    },
    // A message from the ex is waiting for an answer.
    {
      prescription: "brief_kind_reply",
      when: {
        all: [
          { any: [{ q: "ex_contacted_nc", is: "yes" }, { q: "ex_contacted", is: "yes" }] },
          { q: "your_reply", in: ["ignored", "undecided"] },
        ],
      },
      alsoExplain: ["nc_days", "pleaded"],
    },
    { prescription: "step_back_reset", when: { q: "pleaded", is: "yes" }, alsoExplain: ["no_contact", "goal"] },
    {
      prescription: "focus_on_you",
      when: { any: [{ q: "ex_new_partner", in: ["yes", "think_so"] }, { q: "goal", is: "move_on" }] },
      alsoExplain: ["when"],
    },
    {
      prescription: "stay_the_course",
      when: { q: "no_contact", is: "yes" },
      alsoExplain: ["nc_days", "ex_contacted_nc", "your_reply"],
    },
    { prescription: "start_with_space", alsoExplain: ["when", "who_ended", "ties", "no_contact", "your_reply"] },
  ],

  prescriptions: [
    {
      id: "safety_first",
      crisis: true,
      title: "First, let’s make sure you’re safe",
      summary:
        "What you told us matters more than anything about the breakup. We’re a coaching tool, not a crisis service, so the most useful thing we can do right now is point you to people who can help today.",
      steps: [
        "Reach out to someone today: a friend, someone in your family, or one of the lines on this page. You don’t need the right words; “I’m not okay” is enough.",
        "If you might act on thoughts of harming yourself, or you’re in danger right now, call your local emergency number.",
        "Don’t meet your ex alone. If something has to be sorted out, do it in writing, or with someone you trust beside you.",
        "If your ex frightens or threatens you, keep a record: save the messages, and note the dates and what happened. It isn’t overreacting, and it can help later.",
        "It’s okay to block them. Your safety is reason enough, and you don’t owe anyone an explanation.",
        "The breakup advice will still be here when you’re safe and steadier. There’s no rush.",
      ],
      pitfalls: [
        "Waiting until things get worse before telling anyone. You’re allowed to ask for help now.",
        "Agreeing to one last meeting alone “to talk things through”.",
        "Deleting messages that frighten you before you’ve saved a copy somewhere safe.",
        "Carrying this alone because it feels too much to explain. The people on these lines are used to listening without needing the whole story.",
      ],
    },
    {
      id: "limited_contact",
      title: "Limited contact: brief, civil, practical",
      summary:
        "Strict no contact doesn’t fit when you share children, a home or a job: you can’t just disappear, and trying to makes daily life harder. What you can do is keep every contact short, calm and about the practical things only.",
      steps: [
        "Decide what counts as logistics for you two (handovers, bills, moving out, work tasks) and keep contact to that list.",
        "Keep each message to a line or two: the facts, friendly and neutral, then done. Calm beats clever.",
        "Use text or email where you can. It leaves less room for a chat to drift back into the relationship.",
        "If they bring up feelings or the past, acknowledge it kindly and steer back: “I’d rather keep to the practical stuff for now.”",
        "Outside those contacts, give yourself real space: mute their social media and stop asking others for news.",
        "If you share children, keep them out of it: no messages passed through them, no digs in front of them.",
      ],
      pitfalls: [
        "Going completely silent. When you share children, a home or a job, that causes friction and can look like a game.",
        "Using a practical message as a way in to talk about the relationship.",
        "Long messages about how you feel. They rarely land the way you hope, and they hand over ammunition.",
        "Checking in more often than the practical stuff needs.",
      ],
      nextStep: {
        label: dojoInvite,
        href: "/pricing",
        text: "If you’d like help with the harder moments, like handovers, awkward messages and the days it all feels raw, the Dojo walks you through limited contact step by step. Have a look if it would help.",
      },
    },
    {
      id: "brief_kind_reply",
      title: "Reply briefly and kindly, then step back",
      summary:
        "Your ex got in touch, and ignoring them can look like game-playing. Send a short, warm acknowledgement that doesn’t reopen the relationship, then go back to your own space.",
      steps: [
        "Reply when you feel calm, not at 2 a.m. and not after a set number of hours to make a point.",
        "Keep it to one or two lines that acknowledge what they said. For example: “Thanks for checking in, that’s kind of you. I’m doing okay, and I hope you are too.”",
        "If they asked something practical, answer it plainly and stop there.",
        "Leave out what went wrong, what you’d do differently and how much you miss them. That reopens things and hands them ammunition.",
        "If they reply again, you don’t owe a long exchange. A short, friendly close is fine.",
        "Then step back and give yourself space again: for your healing, not to make a point.",
      ],
      pitfalls: [
        "Leaving them on read to seem unbothered. It can look like a game, and they may decide to play it too.",
        "Letting a two-line reply grow into ten. Every extra line is a chance to reopen things.",
        "Reading their message for hidden meanings over and over. It’s a message, not a code.",
        "Asking whether they miss you, or whether they want to talk about “us”.",
      ],
      nextStep: {
        label: dojoInvite,
        href: "/pricing",
        text: "If you’d like a hand with replies like this one, and with whatever comes next, the Dojo can help you think it through. No rush; it’ll be there if you want it.",
      },
    },
    {
      id: "step_back_reset",
      title: "Step back and give yourself a reset",
      summary:
        "You’ve pleaded or explained, and that’s human. The kindest move now is to stop sending and let things go quiet: a reset for you, not a tactic to make them come back.",
      steps: [
        "Stop explaining. They’ve heard what you said, and more words won’t make it land better.",
        "If a conversation is still hanging, close it in one line: “I’ve said a lot lately. I’m going to give us both some space.” Then stop.",
        "Take a break from contact, starting today: no texts, calls or visits from your side. This is for your recovery, not to make them miss you.",
        "When the urge to send hits, write the message in your notes app instead and read it again tomorrow. Most of it won’t need sending.",
        "Mute or unfollow them and move the chat off your home screen, so checking takes effort.",
        "If you slip, don’t spiral. One message doesn’t undo everything; start again from today.",
      ],
      pitfalls: [
        "Sending one more message to explain the last one.",
        "Apologising for the long messages with another long message.",
        "Counting the days of silence until they crack. Space works when it’s for you; played as a game, it backfires.",
        "Asking friends to pass messages along.",
      ],
      nextStep: {
        label: dojoInvite,
        href: "/pricing",
        text: "If the urge to send is loud, the Dojo offers daily support for exactly these days, one step at a time. Have a look whenever you’re ready.",
      },
    },
    {
      id: "focus_on_you",
      title: "Put your own recovery first",
      summary:
        "Whether they’ve moved on or you want to, the most useful thing now is looking after yourself. This plan is about you, not about what they’re doing.",
      steps: [
        "Stop checking their social media, and their new partner’s. Mute, unfollow, or ask a friend to hold you to it.",
        "Give your days a simple shape: sleep, food, some movement, and one thing you actually enjoy.",
        "Tell a couple of people you trust how you’re really doing, and let them help.",
        "Keep contact to what’s needed. If they get in touch, a brief, kind reply is fine: no silent treatment, and nothing reopened.",
        "Put the hours you’d spend wondering about them into something of your own: a class, an old hobby, a project you kept putting off.",
        "Expect bad days. A wobble isn’t going backwards.",
      ],
      pitfalls: [
        "Comparing yourself with their new partner. It’s a contest nobody wins.",
        "Messaging them to find out whether it’s serious.",
        "Rushing into someone new to prove you’re fine.",
        "Setting a date by which you must feel better.",
      ],
      nextStep: {
        label: dojoInvite,
        href: "/pricing",
        text: "If you’d like some structure for the weeks ahead, the Dojo has a recovery programme built around days like these. Take a look if it feels right.",
      },
    },
    {
      id: "stay_the_course",
      title: "Keep going: you’re on the right track",
      summary:
        "You’re already giving yourself space. Keep it up for your own healing, and have a calm plan ready in case your ex gets in touch.",
      steps: [
        "Take it a day at a time. There’s no magic date; what matters is how you feel, not the number.",
        "If your ex gets in touch, don’t leave them in silence. Reply briefly and kindly, answer anything practical, then step back.",
        "Fill the days on purpose: plan evenings and weekends a few days ahead, so the empty hours don’t plan themselves.",
        "Mute their profiles and move the chat off your home screen, so checking up on them takes effort.",
        "Write down what’s getting easier. On rough days, read it back.",
      ],
      pitfalls: [
        "Treating no contact as a test of whether they’ll crack. It’s for you; played as a game, it backfires.",
        "Watching their stories for clues. It resets the clock in your head.",
        "Breaking the silence to tell them how well you’re doing.",
        "Being hard on yourself after a slip. Start again from today.",
      ],
      nextStep: {
        label: dojoInvite,
        href: "/pricing",
        text: "If you’d like company along the way, with daily check-ins and help when an unexpected message arrives, the Dojo is there. Only if it’s useful to you.",
      },
    },
    {
      id: "start_with_space",
      title: "Start with some space, for you",
      summary:
        "Nothing forces you to stay in touch, and space stops the hurt being stirred up every day. It’s there to help you heal, not a tactic to make them miss you.",
      steps: [
        "Start today. No big announcement needed; simply stop starting conversations.",
        "If you’re in the middle of one, close it kindly in a line: “I need a bit of space for a while. Take care.” No explanation required.",
        "Mute or unfollow them, and archive the chat so it isn’t the first thing you see.",
        "If they get in touch, reply briefly and kindly rather than ignoring them, then step back again.",
        "If you share friends, tell them you’re taking some space, and ask them not to pass news either way.",
        "Plan the next few evenings now. Urges are strongest when the day is empty.",
      ],
      pitfalls: [
        "Announcing no contact dramatically. Quiet and kind works better.",
        "Going quiet to see if they notice. That turns it into a game, and games backfire.",
        "Messaging them after a bad night. Write it in your notes instead and sleep on it.",
        "Expecting it to feel better straight away. The first days are often the hardest.",
      ],
      nextStep: {
        label: dojoInvite,
        href: "/pricing",
        text: "If you’d like a guided plan for your first weeks of space, the Dojo has one, step by step. Have a look if you want to.",
      },
    },
  ],
} satisfies QuizDefinition;
