// The starter curriculum seeded on first start. Coaches edit it in the app afterwards.
// Plain data. Markdown lives in template literals, so it starts at column 0:
// indenting it would turn paragraphs into code blocks.

export interface SeedLesson {
  slug: string;
  title: string;
  releaseOffsetDays: number;
  bodyMd: string;
  exerciseMd: string;
}

export interface SeedModule {
  slug: string;
  title: string;
  summary: string;
  lessons: SeedLesson[];
}

export const curriculum: SeedModule[] = [
  // ── Module 1: the first days ──
  {
    slug: "the-first-days",
    title: "The first days",
    summary:
      "Getting through the first hours and days: steadying yourself, putting the phone down, and starting some space for your own sake.",
    lessons: [
      {
        slug: "the-first-48-hours",
        title: "The first 48 hours",
        releaseOffsetDays: 0,
        bodyMd: `If you’re reading this in the first days after a breakup, start here: you don’t have to fix anything tonight. You don’t have to understand it, win it, or decide what it means. Your only job right now is getting through today in one piece.

## What’s going on in you

A breakup hits the body as well as the heart. Poor sleep, no appetite or a bottomless one, a tight chest, a mind that replays the same conversation on a loop. None of that means you’re weak or overreacting. It means something that mattered has ended, and your system is treating it as the shock it is.

It also means your judgement is running on fumes. That’s not an insult; it’s true for everyone in week one. So treat big decisions the way you’d treat a big purchase after no sleep: later.

## The basics, in order

Boring, but they work:

- **Sleep.** Even if it’s broken. Lie down at a normal time, with the phone on the other side of the room.
- **Food and water.** Something simple, a few times a day. Toast counts.
- **One person.** Tell someone you trust what happened. You don’t need a speech: “We broke up and I’m not doing great” is plenty.
- **Fresh air.** A ten-minute walk does more for a racing mind than another hour of scrolling.

## Your phone is not your friend this week

Most of the damage in the first days happens through a screen: the 1 a.m. message, the long look at their profile, the screenshot sent to a friend for analysis. You don’t need to delete anything or block anyone (unless you feel unsafe; more on that below). Just put some friction in the way:

- Archive the chat so it isn’t the first thing you see.
- Mute their profiles.
- Move social apps off your home screen for a few days.

If you want to write to them, write in your notes app instead. The next lesson is about exactly that.

## No big moves yet

Not the grand gesture, not the final speech, not quitting the job or moving city. Those decisions may be right one day, but they deserve a calmer you. For the next few days, “not yet” is a complete answer.

## If it’s more than heartbreak

If you feel unsafe around your ex, or you’ve had thoughts of harming yourself, please put this lesson down and reach out now: see the Get help page, linked at the bottom of every page. Breakup Dojo is coaching, not a crisis service or therapy, and you deserve real support today.`,
        exerciseMd: `For the next two days, keep a tiny log. Three times a day (morning, afternoon, night), write one line in a notebook or your notes app:

- What you’ve eaten, and whether you’ve had water.
- One word for how you feel.
- Whether you checked their profile or your chat, and how you felt afterwards.

And once, today:

- Tell one person what’s happened. Write down who you told.
- Archive the chat and mute their profiles. Tick it off.

At the end of day two, read the log back. You’re not looking for progress yet; you’re looking for patterns. Which times of day are hardest? What happened just before the worst moments? Write those two answers down. They’ll shape the plan you make later this week.`,
      },
      {
        slug: "the-urge-to-explain",
        title: "The urge to explain",
        releaseOffsetDays: 0,
        bodyMd: `At some point in the first days, most people feel the pull to send The Message. The long one. The one that will finally make them understand: what went wrong, what you’ll change, how much it meant, why they’re making a mistake. It feels urgent, as if one more well-chosen paragraph could change everything.

It almost never does. Here’s why, and what to do with the urge instead.

## Why the long message rarely lands

- **They’ve already heard you.** Whatever you said during the breakup, they took in. Saying it again, at greater length, doesn’t make it more true. It just makes it more to read.
- **Pressure pushes people away.** When someone has stepped back, being pulled forward tends to make them step back further. That’s true whoever you are and however right you are.
- **It hands over ammunition.** Every list of what you did wrong and what you’ll fix becomes something they can agree with, quote back or show a friend.
- **It costs you.** Each long message restarts the waiting, the checking, the hoping. You feel worse afterwards, not better.

None of this makes you foolish for wanting to send it. The urge is love and fear in a hurry. It just needs somewhere else to go.

## Where the words can go instead

Write it. All of it. Just not to them.

Open your notes app or a notebook and write the message exactly as you’d send it. Don’t edit, don’t be fair, don’t be wise. Then close it and wait a day. Read it again tomorrow. Most people find that what they needed was to say it, not to send it.

## If you’ve already sent a few

That’s human. Lots of people do. You don’t need to apologise for the long messages with another long message, and you don’t need to explain the explaining. If a conversation is still hanging open, you can close it in one calm line, something like:

“I’ve said a lot lately. I’m going to give us both some space.”

Then stop. Don’t wait for a reply to that, and don’t send a follow-up if none comes. Quiet after a line like that isn’t a defeat. It’s the space you asked for, and it’s for you, not a tactic to make them come back.

## A simple rule for the next two weeks

If a message to your ex is longer than two lines and isn’t about something practical, it goes in your notes, not to them. Short, calm and practical can be sent. Everything else waits.

And if you slip, don’t spiral. One message doesn’t undo everything. Start again from today.`,
        exerciseMd: `Set up a “drafts to no one” note on your phone today. Give it a plain title, like “Not sent”.

For the next seven days, every time you feel the urge to message your ex about the relationship, write it there instead. Put the date and time at the top of each entry. Write as much as you like.

The next morning, read yesterday’s entry and add one line underneath: “Still want to send this? Yes / No / Some of it.” If the answer is “some of it”, write which part and why.

At the end of the week, count the entries and notice what time of day most of them were written. Then write down, in one sentence, what you were really hoping the message would do for you (to be heard, to feel less alone, to get an answer). That need is real. Underneath, write one way to meet it that doesn’t go through your ex.`,
      },
      {
        slug: "space-is-for-you",
        title: "Space is for you",
        releaseOffsetDays: 1,
        bodyMd: `You’ve probably heard the rule: go no contact for 30 days, never reply, and watch them come running back. It gets repeated everywhere because everyone repeats it, not because it fits everyone. So let’s talk about what space is actually for.

## Space is a recovery tool, not a tactic

Stepping back from contact helps you in plain, practical ways:

- The wound stops getting reopened every day.
- You stop chasing, which stops you making things worse.
- Your head gets quieter, so you can think about what you actually want.
- You get your evenings back.

Notice what’s not on that list: making them miss you. Space can’t be pointed at another person like a remote control. When people use it as a game, counting days and waiting for the other side to crack, it tends to backfire. The other person can feel the game. Nobody likes feeling played, and plenty of people respond by playing it back.

So the question isn’t “how long until it works on them?” It’s “what do I need to get steady?”

## Starting quietly

You don’t need an announcement. A dramatic “I’m going no contact” message is still a message, and it tends to start exactly the conversation you’re trying to step out of. Quiet and kind works better:

- Stop starting conversations. That’s the heart of it.
- If you’re in the middle of one, close it kindly in a line: “I need a bit of space for a while. Take care.” No explanation needed.
- Archive the chat and mute their profiles.
- If you share friends, ask them not to pass on news either way.

## Space isn’t silence at any cost

If they get in touch, you don’t have to blank them. Ignoring a friendly message can look petty, or like game-playing. A short, kind reply, and then stepping back, keeps both your space and your dignity. There’s a whole module on this later.

## When it doesn’t fit

If you share children, a home or a job, you can’t simply disappear, and you shouldn’t try. The next module covers limited contact: brief, civil, practical, logistics only. Until then, the same idea applies to you: stop the conversations that aren’t about logistics.

## How long?

There’s no magic number. Think weeks, not days, and judge by how you feel rather than by the calendar. The early signs are small: a morning when they weren’t your first thought, a message you didn’t send, an evening that was just an evening.`,
        exerciseMd: `Take fifteen minutes today to write your own reasons for taking space. Not anyone else’s rules; yours.

Answer these three questions in a notebook or your notes app:

1. What happens to me when we’re in touch? (Think about sleep, focus, mood and checking.)
2. What would I like to feel a month from now?
3. What’s one thing I keep doing that makes it harder? (Checking, drafting, asking friends.)

Then write a short “space plan” of three lines:

- What I’m stepping back from (for example: starting conversations, checking their profiles).
- What I’ll still do (for example: reply briefly and kindly if they get in touch; sort out practical things).
- What I’ll do instead when the urge hits (a walk, a call, the “Not sent” note).

Keep it somewhere you’ll see it, and read it each night this week.`,
      },
      {
        slug: "a-shape-for-your-days",
        title: "A shape for your days",
        releaseOffsetDays: 2,
        bodyMd: `The hardest hours after a breakup are usually the empty ones: the evening with nothing in it, the Sunday morning that used to be theirs, the walk home when you’d normally call. Urges are strongest when the day has no shape. So give it one.

This isn’t about keeping busy to avoid your feelings. The feelings will come; let them. It’s about not leaving your whole day to be planned by the urge to check your phone.

## Build a light skeleton

Pick a few fixed points and keep them, even on bad days:

- **A wake-up time**, roughly the same each day.
- **One proper meal**, sitting down.
- **Some movement**: a walk, a swim, a run, stretching on the floor. Ten minutes counts.
- **One thing you enjoy**, however small. A podcast, a bath, a game, cooking something decent.
- **A wind-down**, with the phone out of the bedroom.

That’s it. Five points. You’re not building a new life this week; you’re putting up handrails.

## Plan the danger zones

Look back at your log from the first lesson. Most people find the same hot spots: late at night, just after waking, weekends, the commute, the hour after a drink.

For each one, decide in advance what you’ll do. Not “be strong”. An actual thing:

- **Late at night:** phone charging in the kitchen, a book or an audiobook in bed.
- **Sunday morning:** a plan made by Friday. Coffee with a friend, a market, a long walk.
- **After a drink:** a friend who knows you might want to text your ex, and who has agreed to be texted instead.

## Let people in

You don’t need to be good company. Friends usually want to help and don’t know how, so make it easy for them: “Fancy a walk on Saturday? I could do with getting out.” Two or three small plans a week beat one big night out you don’t enjoy.

## When it still hurts

Some days the skeleton holds and you still feel rotten. That isn’t failing. Grief comes in waves, and it doesn’t check your calendar. On those days, shrink the plan: water, food, a walk, bed. Then try again tomorrow.

If weeks go by and your sleep, eating or mood aren’t shifting at all, talk to a doctor or a counsellor. This is coaching, not medical advice, and there’s no prize for struggling alone.`,
        exerciseMd: `Make a one-page plan for the next seven days. Paper is best; a note on your phone is fine.

1. Write your five fixed points: wake-up time, one meal, movement, one small enjoyable thing, wind-down time.
2. List your three hardest times of the day or week (use your log if you kept one).
3. Next to each, write one specific thing you’ll do instead of reaching for your phone, and who you could contact.
4. Put at least two small plans with other people into the week. Send the invitations today.

Each evening, take one minute to tick off what happened. Don’t score yourself; just notice. At the end of the week, write down which fixed point helped most and which danger zone still needs a better plan. Adjust the plan, and carry it into next week.`,
      },
    ],
  },

  // ── Module 2: space, done well, and what to do when it doesn't fit ──
  {
    slug: "space-done-well",
    title: "Space, done well",
    summary:
      "How to take space that actually helps you, what to do instead when you can’t disappear, and how to handle social media, mutual friends and slips.",
    lessons: [
      {
        slug: "no-contact-done-well",
        title: "No contact, done well",
        releaseOffsetDays: 3,
        bodyMd: `If nothing practical ties you to your ex, real space is possible, and for most people it’s the quickest way to start feeling better. Done well, no contact is quiet, kind and for you. Done badly, it turns into a waiting game with your phone as the scoreboard. Here’s the difference.

## What it means

No contact means you don’t start conversations: no messages, calls, voice notes, visits “because you were passing”, or likes at 2 a.m. It’s about what you do. You can’t control what they do, and you don’t need to.

It doesn’t mean pretending they don’t exist, being cold if you bump into them, or blanking a kind message. If they get in touch, a short, friendly reply and then a step back is still no contact in spirit. Silence used as a weapon isn’t.

## What it’s for

To heal. To stop chasing. To get enough distance to think clearly about what you want. That’s all. If part of you hopes it will bring them back, that’s understandable; notice the hope, and don’t build the plan around it. Space used as a tactic tends to backfire. People can tell when they’re being played, and some will happily play back.

## Doing it well

- **Start quietly.** No announcement. Simply stop starting conversations.
- **Remove the easy routes.** Archive the chat, mute their profiles, take their number off your favourites.
- **Plan for the urge.** It will come, usually at night. Have your “Not sent” note and a friend ready.
- **Have a reply ready.** If they get in touch, you’ll answer briefly and kindly, then step back. Knowing that in advance takes the panic out of it.
- **Sort out the leftovers.** If a box of their things is sitting in your hall, arrange one short, practical handover and be done with it.

## Common ways it goes wrong

- Counting the days to see whether they crack. The number becomes about them again.
- Breaking the silence to show how well you’re doing. They’ll see it for what it is.
- Keeping a side door open: watching their stories, asking friends for news. That’s still contact, just one-way.
- Treating one slip as the end. It isn’t. There’s a lesson on that later in this module.

## How long

There’s no magic date. Judge by how you feel. When they’re not your first thought in the morning, and a message from them would be nice rather than earth-shattering, you’re getting somewhere. For most people that takes weeks, sometimes months. That’s normal, not slow.`,
        exerciseMd: `This week, do a daily check-in at the same time each evening. It takes five minutes. In your notebook or notes app, answer:

- Did I start any contact today? (Yes or no. If yes, what happened just before?)
- Did I check their profiles or ask about them? How did I feel afterwards?
- One thing that was a little easier today than last week.
- One thing I’m looking forward to tomorrow.

Also, today, write your “ready reply” for if they get in touch: one or two friendly lines that don’t reopen anything. For example: “Thanks for getting in touch. I’m doing okay, and I hope you are too.” Save it in your notes so you’re not writing it in a panic.

At the end of seven days, read your check-ins back. Write down how many days you started no contact, and how many “easier” things you noticed. The second number matters more.`,
      },
      {
        slug: "when-you-cant-disappear",
        title: "When you can’t disappear",
        releaseOffsetDays: 4,
        bodyMd: `If you share children, a home or a job with your ex, strict no contact isn’t an option. You’ll see each other, and things need sorting. Trying to vanish anyway usually makes daily life harder, makes you look as if you’re playing games, and can land on the people around you, especially children.

What works instead is limited contact: brief, civil, practical, about the logistics only. You can’t choose whether you’re in touch. You can choose what the contact is about, and how long it lasts.

## Decide what counts as logistics

Write the list. For most people it looks something like this:

- **Children:** handovers, school, health, activities, money for the children.
- **A shared home:** bills, rent or mortgage, who’s moving out and when, belongings, keys.
- **Work:** the tasks, the meetings, the handover of a project.

Anything on the list, you talk about. Anything off it (feelings, the past, who’s seeing whom, whether it was a mistake), you don’t.

## Keep it short

One or two lines. The facts, friendly and neutral, then done. Calm beats clever. For example:

- “I can pick the kids up at 5 on Friday. Does that work?”
- “The electricity bill came in. I’ve paid it; could you send your half by the 10th?”
- “I’ve updated the project notes. They’re in the shared folder.”

No paragraphs, no sign-offs that hint at something more, no digs.

## Choose the channel

Where you can, use text or email. Writing leaves less room for a chat to drift back into the relationship, and it gives you both a clear record. Save phone calls for urgent things, and keep face-to-face handovers short.

## When they bring up feelings

They might. So might you, on a bad day. Acknowledge it kindly and steer back:

“I’d rather keep to the practical stuff for now. Are we still okay for Saturday?”

That isn’t cold. It’s clear, and clear is kind.

## Outside the logistics, take real space

Limited contact only works if the rest of the time is yours. Mute their social media. Stop asking others for news. Don’t reread old threads. The contact that’s needed stays; the contact that hurts goes.

## If you feel unsafe

If your ex frightens or threatens you, limited contact still applies, with extra care: keep it in writing, don’t meet alone, save the messages, and see the Get help page for people who can help with exactly this.`,
        exerciseMd: `Today, write your logistics list. Take a page and draw two columns.

In the left column, “We talk about”, list every practical topic you genuinely need to discuss with your ex: handovers, bills, move-out dates, work tasks. Be specific.

In the right column, “We don’t talk about”, list the topics that pull you back in: the relationship, the breakup, their new life, your feelings, gossip from mutual friends.

Then write three template messages for the most common practical things, each no longer than two lines. Save them in your notes so you can adapt one instead of starting from a blank screen.

For the next week, before you send anything to your ex, check it against the left column. If it isn’t there, it goes in your “Not sent” note instead. At the end of the week, write down how many messages you sent and how many stayed in your notes.`,
      },
      {
        slug: "children-home-and-work",
        title: "Children, a home, a job",
        releaseOffsetDays: 5,
        bodyMd: `The last lesson set out the rule: brief, civil, practical. This one is about the places where that rule gets tested hardest.

## If you share children

Your children need two parents who can stay civil, even if civil is all you can manage for now. That’s the bar, and it’s a decent one.

- **Keep them out of it.** No messages passed through them. No questions about the other parent’s life. No digs in their hearing, not even clever ones.
- **Keep handovers short and predictable.** Same time, same place where possible. “Hi, here’s the bag, swimming kit’s in the front pocket” is a good handover.
- **Put arrangements in writing.** A shared calendar or one running email thread keeps schedules out of emotional conversations.
- **Talk to the children about the change, not the reasons.** Calm, suited to their age, and ideally the same message from both of you: this is a grown-up decision, it isn’t your fault, and you’re loved by both of us.

## If you still live together

This is one of the hardest setups there is. A few things help:

- **Agree a plan and a date** for one of you to move out, if that’s where it’s heading. Uncertainty keeps the wound open.
- **Agree house rules** on rooms, times, food and guests. Write them down so they don’t get renegotiated every evening.
- **Keep some space that’s yours.** A room with a closed door, headphones, your own routine.
- **Don’t slide back into couple habits.** Shared dinners, the sofa, sleeping together “just this once”. They blur everything and usually make the next day worse.

## If you work together

Be the most professional version of yourself. It protects your job and your dignity.

- Keep conversations to the work: polite and short.
- Don’t discuss the breakup with colleagues beyond a line like “We’ve split up, and we’re both keeping things professional.”
- Skip the lunches, drinks and lifts together for now.
- If there’s a conflict of interest, or it gets uncomfortable, it’s fine to talk privately to a manager or HR about practical arrangements.

## When it wobbles

Someone will snap at a handover. You’ll end up talking about the relationship in the kitchen at midnight. It happens. Close it gently, “I don’t want to get into this now. Let’s sort the practical stuff tomorrow”, and start again. One bad moment doesn’t undo the plan.

If handovers or living together ever leave you feeling afraid, that matters more than any plan: see the Get help page.`,
        exerciseMd: `Pick the setting that applies to you (children, a home, work, or more than one) and write a one-page “contact agreement” with yourself. Give it 20 minutes.

Include:

- **Where and when** contact happens: the handover place and time, the house rules, meetings only.
- **How** it happens: text, email, a shared calendar, in person.
- **My one-line exit** for when things drift into the relationship. Write it out word for word.
- **Three things I won’t do**, for example: ask the kids about their other parent’s weekend; eat dinner together; talk about us at work.
- **Who I’ll talk to instead** when I need to vent: a friend, a sibling, a counsellor.

Read it before each handover, shared evening or workday this week. Each night, note one contact that went well and one you’d handle differently next time.`,
      },
      {
        slug: "social-media-and-mutual-friends",
        title: "Social media and mutual friends",
        releaseOffsetDays: 6,
        bodyMd: `You can stop texting your ex and still be in contact with them all day: through their stories, their playlists, a mutual friend’s photos, a friend who “just thought you’d want to know”. One-way contact feels harmless. It isn’t. Every glimpse restarts the loop.

## Mute, don’t monitor

You don’t need to make a statement. Muting is quiet: they won’t know, and you stop seeing them. Unfollowing is fine too. Blocking is for when you feel unsafe or harassed, or when nothing else works. It’s a safety tool, not a punishment, and you never owe anyone an explanation for using it.

A few practical steps:

- Mute their profiles on every app, including the ones you forgot you had.
- Mute or hide friends of theirs whose posts keep showing them.
- Archive old photos rather than deleting them in a midnight purge. You can decide what to keep later, when you’re calmer.
- Turn off “memories” features for a while.
- Log out of shared accounts, and change any passwords they know.

## What you post

Go quiet for a bit. The sad song at midnight, the pointed quote, the sudden gym selfies with a caption: your ex, and everyone you know, will read them as messages to your ex. Usually they’ll be right. Post if you want to share something with friends. Don’t post to be seen by one person.

## Mutual friends

Shared friends are a gift and a complication. A few principles:

- **Don’t make them choose.** Some will stay closer to your ex. Let them.
- **Don’t use them as messengers.** No passing on notes, no “could you find out if…”.
- **Ask for a news break.** Something like: “I’m taking some space. Could you not pass on news about them for a while, good or bad? I’ll do the same.”
- **Keep the breakup story short.** “It didn’t work out, and I’m focusing on getting steady.” Anything longer will travel.

## Bumping into them

If you’ll see your ex at a party or in a group, decide beforehand what you’ll do. You might go, say a friendly hello and spend the evening with other people. You might skip this one. Both are fine. What doesn’t help is going so you can hover near them, or going to prove you’re fine. You’ll know which one it is.`,
        exerciseMd: `Spend 30 minutes on a digital clear-out today. Not deleting; just making room.

Work through this list and tick each item:

- Mute (or unfollow) your ex on every platform.
- Mute any accounts that keep showing them.
- Archive the chat, and any photo albums you keep opening.
- Turn off memories and “on this day” features.
- Change any passwords they know.

Then write the news-break message you’ll send to one or two close mutual friends, and send it. Keep it to two lines.

For the next seven days, each time you catch yourself checking, searching or asking about your ex, make a tally mark in your notes with the time. At the end of the week, write down the total and the most common trigger. Then write one thing you’ll do next week when that trigger shows up.`,
      },
      {
        slug: "you-reached-out",
        title: "You reached out. Now what?",
        releaseOffsetDays: 8,
        bodyMd: `Maybe it was a late-night text. Maybe a long message you’d promised yourself you wouldn’t send. Maybe you called, or turned up, or liked a photo from three years ago at 1 a.m. (the thumb slips, we know). However it happened, you broke your own space.

First: that’s human. Almost everyone does it at least once. It doesn’t mean you’re weak, that you’ve ruined everything, or that you should give up on taking space. It means you were hurting and reached for the person who used to help with that.

Here’s what to do now.

## Don’t add to it

The instinct after a slip is to fix it with another message: an apology for the first one, an explanation of why you sent it, a “please ignore that”. Each one adds weight. One message is a moment; a thread of them is a pattern.

If it needs closing, close it in one calm line:

- “Sorry, that was a late one. I’m going to give us both some space.”
- “I shouldn’t have sent that. Take care.”

Then stop. Whatever they reply, or don’t, you don’t need to answer again unless there’s something practical to sort out.

## If they replied

If they answered kindly, a short, warm close is fine: “Thanks. Take care of yourself.” If they answered coldly, or not at all, that stings. It’s information, not a verdict on you. Don’t chase it.

## Reset, without drama

- Start again from today. Not from zero: from today. The days you managed still count.
- Put the friction back: archive the chat, mute them, phone out of the bedroom.
- Tell one person. Shame grows in secret and shrinks when it’s said out loud.

## Find the trigger

Slips rarely come out of nowhere. Look back at the hours before:

- Were you tired, drunk, lonely or bored?
- Did something remind you: a song, a date, a photo, news from a friend?
- Had you been checking their profile?

Whatever it was, that’s a weak spot, and now you know where it is. That’s useful.

## What not to do

Don’t punish yourself with rules that can’t last (“I’m deleting every app, forever”). Don’t decide it proves you should get back together. And don’t make the next slip more likely by telling yourself you’ve already failed. You haven’t. You had a bad night, and today is a new one.`,
        exerciseMd: `Write a short slip review. No judgement: look at it like a detective looking at the facts. Give it 15 minutes.

1. What exactly did I send or do, and when?
2. What was happening in the three hours before? Where was I, who was I with, had I been drinking, had I been checking?
3. What was I hoping would happen?
4. What actually happened, and how did I feel an hour later?
5. What one change would have made it harder to do? (Phone in another room, a friend to text instead, no apps after 10 p.m.)

Put that change in place today. Then write one kind sentence to yourself, the sort you’d say to a friend who’d done the same thing. Read it whenever you feel like punishing yourself. Finally, mark today as day one of your fresh start, and write down the one thing you learned.`,
      },
    ],
  },

  // ── Module 3: when your ex reaches out ──
  {
    slug: "when-your-ex-reaches-out",
    title: "When your ex reaches out",
    summary:
      "How to answer a message from your ex: briefly and kindly, without ignoring them, reopening the relationship or handing over ammunition.",
    lessons: [
      {
        slug: "reply-briefly-and-kindly",
        title: "Reply briefly and kindly",
        releaseOffsetDays: 9,
        bodyMd: `Your phone lights up and it’s them. Your heart does something unhelpful. Before anything else, put the phone down for a minute. Nothing about this message needs an answer in the next ten minutes.

When you’re calmer, here’s the approach.

## Don’t blank them

A lot of breakup advice says never reply. The trouble is how silence looks from the other side. If they sent something friendly and got nothing back, it can read as petty, or as a game: “I’m ignoring you so you’ll chase me.” Nobody likes feeling played. Some people will shrug. Some will decide to play the same game back, and then you’re both stuck in it.

A short, kind reply avoids all that. It says: I’m okay, I’m not angry, and I’m not chasing. That’s a strong place to stand.

## Don’t reopen it, either

Replying isn’t an invitation to restart the relationship. The aim is to acknowledge, not to engage. A good reply:

- **Acknowledges** what they said.
- **Answers** anything practical, plainly.
- **Stays warm**, without open questions that start a long thread.
- **Stops.** One or two lines.

And it leaves out what went wrong, what you’d do differently, how much you miss them, and whether they miss you. Those reopen things and hand over ammunition. There’s a lesson on that shortly.

## What it can look like

If they write “Hey, just wanted to see how you’re doing”:

“Thanks for checking in, that’s kind of you. I’m doing okay, and I hope you are too.”

If they ask something practical, like “Do you still have my charger?”:

“I do. I’ll leave it with Sam on Thursday, if that works.”

That’s it. No postscript.

## Timing

Reply when you feel calm. Not at 2 a.m., and not after a carefully calculated number of hours to make a point. The delay game is still a game. Later the same day, or the next day, is usually fine.

## If they reply again

You don’t owe them a long exchange. If they send something friendly back, a warm line can close it: “Take care.” If they go somewhere deeper, steer gently: “I’d rather not get into that right now, but I’m glad you’re well.”

Then step back into your own space. Not as a tactic; because that’s where your healing is happening.

## What a message means

Probably less than you hope, and less than you fear. People get in touch out of habit, guilt, boredom, kindness, loneliness or curiosity. It’s a message, not a code. Reading it twenty times won’t reveal a hidden plan.`,
        exerciseMd: `Next time a message arrives (or now, using the last one you got), practise the pause and the reply.

1. When it arrives, don’t answer straight away. Write down the time and one word for how you feel.
2. Wait until you’re calm: at least an hour, and not after 10 p.m.
3. Draft your reply in your notes, not in the chat. Check it against this list. Does it acknowledge them? Answer anything practical? Stay under two lines? Leave out the past, the future and your feelings about the two of you?
4. Cut anything that fails the list. Then send it.
5. Close the app and do something else for 30 minutes. Write down what you did.

Afterwards, write one line about how it felt to send a short reply instead of a long one, or none at all. Keep your drafts. They’ll help next time.`,
      },
      {
        slug: "replies-for-real-messages",
        title: "Replies for real messages",
        releaseOffsetDays: 10,
        bodyMd: `The principles are simple. The hard part is the actual words, at 11 p.m., with your heart going. So here are messages exes often send, with replies that are brief, kind and don’t reopen anything. Change the wording until it sounds like you on a calm day.

## “Hey, how are you?”

“Hi, thanks for asking. I’m doing okay. Hope things are good with you.”

Warm and complete, with no question that demands an answer.

## “I miss you.”

This is the one that tests everyone. You can be kind without opening the door:

“That’s kind of you to say. It’s been a hard time, for both of us I think. I’m taking some space for now. Take care.”

If you’re not sure what you want yet, that reply still holds. You don’t have to decide anything tonight.

## “Happy birthday!” (or any occasion)

“Thank you, that’s nice of you. Hope you’re well.”

## “Can I come and get my things?”

“Sure. I can leave them with Sam on Saturday morning, or you can collect them at 10. Which suits you?”

Practical and specific, and it avoids a long visit to the home you used to share.

## A late-night, possibly tipsy message

You don’t need to answer at midnight. The next day: “Hope you got home okay last night. Take care.”

If it said something big, you don’t have to address it. Kindness and a step back cover it.

## “Can we talk?” or “I think we should meet”

“I’m not ready for a big conversation right now. If there’s something practical, I’m happy to sort it by message.”

If you’d genuinely like to talk one day, you could add “Maybe further down the line.” Only say it if it’s true.

## “Are you seeing anyone?”

“I’d rather not get into that. Hope you’re doing well.”

Your private life isn’t a bargaining chip, either way.

## An angry or blaming message

“I can see you’re upset. I don’t want to argue, so I’ll leave it there. Take care.”

Don’t defend yourself or list counter-evidence. If a message is threatening or frightening, don’t reply at all: save it, tell someone, and see the Get help page.

## “I’m sorry for how it ended.”

“Thank you for saying that. I appreciate it, and I hope you’re doing okay.”

An apology doesn’t have to start a review of everything. You can accept it and leave it there.

## Bad news: an illness, a loss, a pet

“I’m so sorry to hear that. Thinking of you and your family.”

Decency comes first. Offering practical help is fine if you’d offer it to any friend. Becoming their main support is a different thing, and usually not yours right now.`,
        exerciseMd: `Write your own reply bank. Set aside 20 minutes.

Think about the five messages your ex is most likely to send you. You probably know them already: their usual check-in, something about belongings or logistics, something on a difficult date, something emotional, something late at night.

For each one, write down:

- The message, as you imagine they’d word it.
- Your reply, in your own words, no longer than two lines.
- One thing you’ll leave out even if you’re tempted (for example “I miss you too” or “we should talk about what happened”).

Read the replies aloud. If any sound stiff or cold, soften them. If any sound like an opening, trim them. Save the bank in your notes under a boring title, and next time a message arrives, start from the bank instead of a blank screen.`,
      },
      {
        slug: "dont-hand-over-ammunition",
        title: "Don’t hand over ammunition",
        releaseOffsetDays: 12,
        bodyMd: `When your ex gets in touch, it can feel like a door has finally opened, and everything you’ve been holding in rushes to get through it. What went wrong. What you’ve realised. What you’ll do differently. How much you’ve changed. How badly you’ve been doing.

Hold it. Here’s why it’s usually better left out, and how to stay kind without spilling.

## What “ammunition” means

Your ex isn’t the enemy. But anything you hand over in a raw moment can be used later, on purpose or not:

- **What went wrong.** “You’re right, I was jealous.” Now it’s agreed, and it’s on the record.
- **What you’ll change.** A list of promises made in a panic, which they can hold you to or wave away.
- **How bad it’s been.** Details of crying, not sleeping and not eating can bring pity rather than respect, and they can travel to friends.
- **How much you want them back.** That moves all the power to one side of the table.

Even with a kind ex, these things shift how they see you, and rarely in the direction you hope.

## Why the post-mortem doesn’t work by message

Picking apart a relationship needs calm, time, and two people who both want to do it. A message thread after a breakup has none of those. What you get instead is two people defending their version in fragments, each line a bit sharper than the last. If a real conversation ever happens, it goes better much later, face to face, when neither of you is raw. The final module, on talking again, covers that.

## What to say instead

Keep the reply in the present: kind and short. If they raise the past, you can steer:

- “I’d rather not go into all that now. I hope you’re doing okay.”
- “I’ve thought about it a lot too. I don’t think going over it by message will help either of us.”
- “I’m focusing on getting steady. Let’s leave the big stuff for now.”

None of these are cold. They’re calm, and calm beats clever every time.

## If they ask you directly

“Do you think we made a mistake?” “Would you do things differently?” These are hard to sidestep without feeling dishonest. You don’t have to lie. Say something true and short: “I’ve thought about a lot of things. I’m not ready to talk about it yet.” That’s honest, and it keeps your footing.

## Where the reflections belong

Your reflections are valuable. They belong in your notebook, with a friend, or with a counsellor, where they can help you grow, not in a message that disappears into someone else’s phone. The next module gives them a proper home.`,
        exerciseMd: `Do an ammunition check on a message: one you’re drafting, one you’ve sent, or one you nearly sent. Take 15 minutes.

Copy the message into your notebook and go through it line by line, marking each one:

- **P** for practical (dates, belongings, arrangements)
- **K** for kind acknowledgement (thanks, hope you’re well)
- **W** for what went wrong
- **C** for what you’ll change
- **F** for how you feel about them or the relationship

Cross out everything marked W, C or F. Read what’s left. That’s the message.

Then copy the crossed-out lines onto a separate page titled “For me, not them”. Under each one, write a sentence about what it tells you about yourself and what you need. Keep that page: you’ll use it in the next module.`,
      },
      {
        slug: "when-they-keep-coming-back",
        title: "When they keep coming back",
        releaseOffsetDays: 13,
        bodyMd: `Sometimes a message is a one-off. Sometimes it becomes a pattern: they check in every few days, send songs, reminisce, suggest a coffee, or appear in your messages whenever their week goes badly. It can feel flattering, confusing or exhausting, sometimes all three in one evening.

## Notice the pattern, not just the message

One friendly message gets one friendly reply. But if you’re replying kindly every few days, and each exchange leaves you rattled, you’re back in contact, just on their schedule. Your space matters as much as their feelings.

Ask yourself:

- Are they offering anything clear, or just keeping the thread warm?
- How do I feel an hour after each exchange: steadier, or hooked?
- Am I waiting for the next one?

## Setting a kind limit

You can be warm and still say what you need:

“I’m glad you’re doing okay. I’m taking some space for a while, so I won’t be chatting much. Take care.”

That’s not a game, and it isn’t a slammed door. It’s honest. After that, keep replies to practical matters, and give friendly check-ins a short, warm close.

## “Can we meet, for closure?”

Sometimes this is genuine. Often it’s a way to feel better by seeing you, or to settle their own guilt. Closure is mostly something you build yourself, not something another person hands you in a café. If you do agree to meet, choose a public place, keep it short, decide beforehand what you won’t discuss, and line up a friend to call afterwards. It’s also fine to say: “I don’t think I’m ready. Maybe later on.”

## The “just one night” situation

Sleeping together after a breakup feels like relief for a few hours and usually costs days. If one of you wants the relationship back and the other wants comfort, someone ends up hurt, and it’s rarely the one who wanted comfort. You’re allowed to say no to something you want, because of something you want more.

## If you’ve become their support system

If they lean on you every time their week goes badly, you can care and still step back: “I’m sorry it’s hard. I think you need someone other than me for this right now. I hope you’ve got people around you.”

## If contact turns hostile

Angry, blaming, threatening or relentless messages are different. You don’t owe a reply. Save everything, with dates. Tell someone you trust. Block them if you need to; your safety is reason enough. If you feel afraid, see the Get help page for people who can help today.`,
        exerciseMd: `Look back at the last month of contact with your ex. Give it 20 minutes, ideally in daylight and not after a drink.

In your notebook, make a simple table with four columns: the date, who started it, what it was about (practical, friendly, emotional or hostile), and how you felt an hour later (steadier, neutral, hooked or upset).

Then answer:

- How many exchanges were practical and necessary?
- How many left you hooked or upset?
- Is there a pattern in when they get in touch? Weekends, late nights, after their bad days?

If more than a couple left you hooked, write your own kind-limit message, in your own words, and decide whether to send it. If any of the messages frightened you, save them somewhere safe today and tell one person you trust.`,
      },
    ],
  },

  // ── Module 4: rebuilding yourself ──
  {
    slug: "rebuilding-you",
    title: "Rebuilding you",
    summary:
      "Turning the attention back to your own life: coping when they’ve moved on, learning from what happened, riding out hard days and finding your feet again.",
    lessons: [
      {
        slug: "back-to-you",
        title: "Back to you",
        releaseOffsetDays: 14,
        bodyMd: `For the first weeks after a breakup, almost everything circles back to them. What they’re doing, what they’re thinking, whether they’ve noticed you’ve gone quiet. That’s normal. But there comes a point where the most useful question stops being “what about them?” and becomes “what about me?”

This module is about that turn.

## Why this isn’t a consolation prize

Focusing on yourself isn’t what you do once you’ve given up. It’s the best move whatever happens next. If you ever get back together, you’ll do it as a steadier person. If you don’t, you’ll already be building the life that comes after. Either way, not a minute is wasted.

It helps in a quieter way, too. People who are living their own lives are calmer: less checking, less drafting, less waiting. You start making decisions from choice rather than from panic.

## The parts of you that went quiet

Relationships reshape time. Little by little, some things get dropped: the friend you saw less, the hobby that didn’t fit the weekends, the music you stopped playing because they didn’t like it. Some of those were fair trades. Some weren’t. Now you get to choose again.

Ask yourself:

- What did I use to do that I miss?
- What have I always said I’d try “one day”?
- Who have I lost touch with?

## Small and regular beats big and brave

You don’t need a new haircut, a new city and a marathon. One small thing done every week builds more than one grand gesture done once:

- A class on the same evening each week.
- A standing walk or call with a friend.
- One proper meal cooked for yourself on Sundays.
- Twenty minutes a day on something you’re learning.

The point is to have things in your week that are yours, and that don’t depend on anyone’s reply.

## The basics, still

Sleep, food, movement, people. They’re not glamorous, and they’re still the foundation. If they’ve slipped since the first week, start there before anything else.

## Watch for the urge to prove you’re fine

Be wary of plans made for an audience: the gym posts, the sudden holiday photos, the rush to be seen with someone new. Doing things so your ex sees them keeps your ex at the centre. Do them because you want to, and keep the camera in your pocket for a while.

## If they’ve moved on

If your ex is already seeing someone, that hurts, and it’s a clear sign to put your energy here. The next lesson is about exactly that.`,
        exerciseMd: `Write a “me list”, and start on it this week. Take 20 minutes.

In your notebook, write three short lists:

1. **Things I used to love doing.** At least five, even tiny ones.
2. **Things I’ve always wanted to try.** At least three.
3. **People I’d like to see more of.** At least three.

Circle one item on each list. For each circled item, write a specific first step you can take in the next seven days: a date, a time, a message to send, a class to book.

Take all three steps this week. Afterwards, write two lines about each one: what you did, and how you felt while doing it, not just afterwards.

Keep the lists. Next week, circle new items and repeat. In a month, your week will have more of you in it, and none of it will depend on your ex.`,
      },
      {
        slug: "when-theres-someone-new",
        title: "When they’ve met someone new",
        releaseOffsetDays: 17,
        bodyMd: `Finding out your ex is with someone new can feel like being dumped twice. Even if you were the one who ended it. Even if you knew it would happen. Even if it’s been months. Let yourself feel it. It’s a real loss, and pretending otherwise just pushes it underground.

Then, when you’re ready, here’s how to get through it.

## What it does and doesn’t mean

It doesn’t mean you were replaceable, that they were faking it with you, or that the new person is better than you. It doesn’t necessarily mean they’re over you, either; some people move quickly precisely because they aren’t. You can’t know from the outside, and you don’t need to.

What it does mean is simple: their life is heading in its own direction, and yours needs your attention. That’s the useful part of the message, and the only part you need.

## The comparison trap

It’s tempting to study the new person: their photos, their job, their face, their friends. It feels like research. It’s actually a contest nobody wins, against someone you don’t know, judged by a version of your ex who lives in your head.

- Don’t look them up. If you already have, stop here.
- Mute anyone whose posts keep showing the two of them.
- Ask friends not to pass on news, good or bad.

## What tends to make it worse

- Messaging your ex to find out whether it’s serious.
- Messaging to “wish them well” when what you really want is a reaction.
- Contacting the new partner, for any reason.
- Rushing into someone new to prove you’re fine. A rebound usually proves the opposite, mostly to you.

## What helps

- Saying it out loud to one person who knows you well.
- Going back to the basics: sleep, food, movement, your fixed points.
- Putting the hours you’d spend wondering into something of your own.
- Expecting a wave of grief, and letting it come and go.

## If they tell you themselves

Sometimes an ex tells you directly, especially if you share friends, children or work. A brief, civil reply covers it: “Thanks for letting me know.” You don’t have to say you’re happy for them. You don’t have to say anything else at all.

## If you share children

A new partner meeting your children is a practical matter, and it’s fair to raise it calmly: “Could we agree how and when introductions happen?” Keep the conversation about the children, not about the relationship.

## It won’t always feel like this

The sting usually fades faster than you’d expect once you stop feeding it. One day you’ll hear their name and it’ll just be a name.`,
        exerciseMd: `Try a seven-day “no research” week. Spend 15 minutes setting it up today:

- Mute your ex, their new partner, and anyone who regularly posts the two of them.
- Tell one friend what you’re doing, and ask them to check in with you midweek.
- List three things you’ll do instead when the urge to look arrives: text a friend, walk round the block, five minutes on your “me list”.

Each evening, write down:

- Did I look? (Yes or no. If yes, what set it off?)
- One feeling that came up about them today, in a word or two.
- One thing I did today that was just for me.

At the end of the week, read it all back and write one sentence about what changed, even slightly, between day one and day seven.`,
      },
      {
        slug: "making-sense-of-it",
        title: "Making sense of it",
        releaseOffsetDays: 20,
        bodyMd: `Once the first storm settles, your mind will want to understand what happened. That’s healthy. Understanding is how you avoid carrying the same weight into your next relationship, whoever it’s with. But there’s a difference between making sense of it and building a court case. One helps you move; the other keeps you stuck.

## Not a verdict

The aim isn’t to decide who was to blame. Most relationships end for a mix of reasons: two people, their histories, their timing, their stresses, the way they brought out the best and the worst in each other. If you catch yourself writing a prosecution, against them or against yourself, put the pen down for a minute.

Two common traps:

- **All their fault.** Comforting for a while, but it leaves you with nothing to learn.
- **All your fault.** It feels like honesty. Often it’s self-punishment dressed up as insight.

The truth usually lives somewhere in the middle, and it’s more useful there.

## Three honest questions

Try these slowly, over a few days:

1. **What worked?** The good parts were real. What did you love about how you were together?
2. **What kept going wrong?** Not single events; patterns. The same argument, the same silence, the same kind of week.
3. **What was my part?** Not to punish yourself, but to find what’s yours to work on. Maybe you went quiet when you needed to speak. Maybe you chased when you needed space. Maybe you ignored your own doubts.

## What you need next time

From those answers you’ll start to see what matters to you in a relationship: what you want, what you won’t accept, and what you’d do differently. This list is for you. It isn’t a message to your ex, and it isn’t a pitch for getting back together. A list of what you’ll change is exactly the thing not to send.

## Where the “why” ends

Some questions don’t have answers you can reach. Why did they stop trying? Why now? What were they really thinking? You may never know, and asking them rarely produces a satisfying answer. At some point it helps to say: “I don’t know, and I can live without knowing.” That isn’t giving up. It’s putting the question down.

## If it gets heavy

If looking back stirs up old hurts, patterns that go back a long way, or things that frightened you, it may help to talk it through with a counsellor or therapist. Coaching can help you plan and act. Some things deserve more specialised support, and asking for it is a strong move, not a weak one.`,
        exerciseMd: `Over the next three days, spend 20 minutes a day writing, in the same notebook each time.

**Day 1: What worked.** List at least five good things about the relationship, and one or two things you’re glad you learned from it.

**Day 2: What kept going wrong.** Write down the patterns, not the incidents. Next to each, write one sentence about your part in it. Keep it factual and fair, as if you were describing a friend.

**Day 3: What I need next time.** Write three headings: “I want”, “I won’t accept”, “I’ll do differently”. Put at least three lines under each. If you made a “For me, not them” page in the module on replies, read it and add anything useful.

Finally, write down one question you may never get an answer to. Underneath it, write: “I can live without knowing this.” Read it aloud once.`,
      },
      {
        slug: "bad-days-and-hard-dates",
        title: "Bad days and hard dates",
        releaseOffsetDays: 23,
        bodyMd: `Recovery doesn’t run in a straight line. You’ll have a good week, then a Tuesday that flattens you for no obvious reason. A song in a shop. Their birthday. Your anniversary. A wedding invitation. The first holiday on your own. It can feel as if you’re back at the start.

You’re not. A wobble isn’t going backwards. It’s how this works.

## Why the waves come

Grief tends to arrive in waves, and the gaps between them usually get longer. Triggers are often sensory (a smell, a place, a song) or tied to dates. Tiredness, alcohol, stress and loneliness make the waves bigger. None of this means you’re doing it wrong.

## Getting through a bad day

Shrink the day. You don’t need to be productive; you need to get to bedtime in one piece.

- **Basics first:** water, something to eat, some daylight.
- **One person:** a message to a friend, even just “rough day”.
- **Move a little:** a walk or a stretch, anything that gets you out of your head.
- **Keep the phone away** from the chat and their profiles. Bad days are slip days.
- **Go to bed at a normal time.** Tomorrow usually looks different.

## Planning for hard dates

Hard dates are predictable, which means you can plan for them. Look at the next three months and mark them: their birthday, your anniversary, holidays you used to spend together, any event where you’ll see them or hear about them.

For each one:

- Plan the day itself, ideally with someone.
- Decide in advance whether you’ll send a message. A short birthday wish can be kind if you’re on friendly terms; not sending one is fine too. Decide while you’re calm, not on the day.
- Plan the evening as well. That’s often when it hits hardest.

## If they message you on a hard date

A short, kind reply, then step back: “Thank you, that’s kind. Hope you’re well.” You’ve practised this.

## When it’s more than a bad day

If the low doesn’t lift for weeks, if you’re struggling to function at work or at home, or if you have thoughts of harming yourself, please reach out now: to a doctor, to a friend, or to the people on the Get help page. This is coaching, and you deserve more support than a lesson can give.`,
        exerciseMd: `Make a bad-day kit and a three-month calendar. Allow 30 minutes.

**The kit.** On one page, write:

- Three people you can message on a bad day, and what you’ll say (“Rough day. Fancy a call?”).
- Three things that help you feel a little better in under 20 minutes.
- Three things that make it worse and that you’ll avoid on bad days, such as drinking alone, old photos, or checking their profiles.
- One kind sentence to read to yourself.

Save it as a note or a photo on your phone, where you can find it fast.

**The calendar.** Look at the next three months and mark every date that might be hard. Next to each one, write a line: what I’ll do that day, who I’ll be with, and whether I’ll send a message. Decide that now, not on the day.`,
      },
      {
        slug: "dating-again",
        title: "Dating again",
        releaseOffsetDays: 27,
        bodyMd: `At some point someone will ask, or you’ll wonder yourself: am I ready to see other people? There’s no correct date. There are, though, some honest signs, and some honest warnings.

## Reasons that don’t hold up

- **To make your ex jealous.** It keeps your ex at the centre, and it isn’t fair to the person you’re dating.
- **To prove you’re fine.** If you need to prove it, you may not be yet, and that’s okay.
- **To fill the evenings.** Loneliness is real, but a new person can’t be your painkiller without someone getting hurt.
- **Because a friend set a deadline.** Your pace is yours.

## Signs you might be ready

1. You can go a day or more without thinking much about your ex.
2. You can imagine them with someone else without it wrecking your week.
3. You’re curious about new people for who they are, not for how they compare.
4. Your week already feels like yours: friends, routines, things you enjoy.
5. You’ve spent some time on what you need next time.

You don’t need all five. But if none of them are true yet, you lose nothing by waiting.

## If you start

- **Take it slowly.** Coffee, a walk, a drink. Not a weekend away.
- **Be honest, briefly.** “I’m a few months out of a long relationship” is fair to say. The full story isn’t first-date material.
- **Notice comparisons, then let them go.** Everyone is different, including you, now.
- **Don’t post about it** for your ex’s benefit.
- **Keep your own life going.** A new person is an addition to your week, not a replacement for it.

## When it stirs things up

Dating again can bring unexpected grief: a moment of “this isn’t them”, a pang after a lovely evening. That’s normal. It doesn’t mean you’re not ready. It means the old relationship mattered. Give the feeling a minute, then carry on.

## Stay safe

Meet somewhere public, tell a friend where you’re going, and trust your gut if something feels off. Leaving a date early is allowed.

## And if you’re not ready

That’s fine too. Time on your own isn’t a waiting room. For many people it’s when they get to know themselves again, and they turn out to be better company than they expected.`,
        exerciseMd: `Write an honest readiness check. It takes 15 minutes, and nobody else needs to see it.

1. List every reason you have for wanting to date again, including the unflattering ones. Mark each one “for me” or “about my ex”.
2. Go through the five signs in this lesson and mark each one “true”, “partly” or “not yet”.
3. Write down three things you’d like to feel with a new person, and one thing you won’t repeat from last time. Your “I won’t accept” list from “Making sense of it” will help.

If most of your reasons are “about my ex”, or most signs are “not yet”, write down one thing you’ll do in the next two weeks that’s just for you, and come back to this page in a month.

If you do feel ready, write down how you’ll keep it slow: what a first date looks like for you, and which friend you’ll tell.`,
      },
    ],
  },

  // ── Module 5: if you start talking again ──
  {
    slug: "if-you-start-talking-again",
    title: "If you start talking again",
    summary:
      "If you and your ex begin talking again: deciding what you actually want, going slowly and honestly, knowing what to watch for, and looking after yourself whichever way it goes.",
    lessons: [
      {
        slug: "what-do-you-want",
        title: "What do you actually want?",
        releaseOffsetDays: 28,
        bodyMd: `Some people reach this point and find they no longer want the relationship back. Some still do. Some aren’t sure. All three are fine. But before any conversation with your ex about trying again, it helps to be honest with yourself about what you want, and why.

A fair warning first: nothing in this course can bring someone back, and nothing should try. Your ex is a person with a mind of their own. What you can control is how clearly you think, and how well you treat yourself and them.

## Wanting them, or wanting the pain to stop?

After a breakup, “I want them back” can mean many things:

- I want to stop feeling like this.
- I don’t want to be on my own.
- I don’t want to have lost.
- I miss the good parts.
- I want this person and this relationship, problems included.

Only the last one is a reason to try again. The others are real needs, and they deserve answers, but a relationship can’t provide them.

## What would need to be different?

If the relationship ended for reasons, those reasons are still there unless something has changed. Be specific:

- What were the main problems? Your notes from “Making sense of it” will help.
- Has anything actually changed, on either side, apart from how much you miss each other?
- What would a better version look like, week to week?

“We’ll try harder” isn’t a change. “We’ll see a couples counsellor” or “I’ve dealt with the thing that kept causing the same argument” might be.

## How steady are you?

Talking again goes better from a calm place. If you’re still checking their profiles every hour or drafting long messages, that’s a sign to wait. You’ll make better choices on steadier ground, and they’ll feel the difference too.

## If you’re not sure

Not being sure is an answer in itself: it means not yet. There’s no deadline. Keep living your own life, and if the question is still there in a month, ask it again.

## If you don’t want it back

That’s a clear outcome, and a strong one. You may still feel sad, and you may still be in limited contact for practical reasons. Nothing needs announcing. Keep replies brief and kind, and keep building your own week.`,
        exerciseMd: `Give this an hour, split over two sittings on different days. Different moods give different answers, and you want both.

**Sitting one.** Write “I want to get back together because…” and finish the sentence ten times, without stopping to judge. Then mark each reason with a letter: **P** (wanting the pain to stop), **A** (not wanting to be alone), **L** (not wanting to have lost), **G** (missing the good parts) or **R** (wanting this person and this relationship, problems included).

**Sitting two.** List the three biggest problems in the relationship. Next to each, write what, specifically, has changed, if anything. Be honest: “we miss each other” doesn’t count as a change.

Finally, write one sentence that starts “Right now, what I want is…”. Date it. Come back to it in two weeks and see whether it still holds.`,
      },
      {
        slug: "slowly-and-honestly",
        title: "Slowly, honestly",
        releaseOffsetDays: 32,
        bodyMd: `If you and your ex are talking again, whether they got in touch, you did, or it drifted back through friends or practical matters, this lesson is about letting it unfold without rushing it or losing yourself.

There are no guarantees here. Talking again can lead to a better relationship, to a friendship, or to a kinder ending. Any of those beats a rushed reunion that falls apart in the same place as before.

## Slow is a feature

After a breakup there’s a pull to fix everything at once: one long talk, one big night, back to how it was. That rarely holds. Going slowly gives you both a chance to see whether anything has actually changed.

- **Start light.** Short messages, ordinary topics. Not the relationship.
- **Keep it balanced.** Contact should go both ways. If you’re always the one starting it, notice that.
- **Meet in daylight.** A walk or a coffee with a natural end, not a late dinner that turns into a night.
- **Leave while it’s good.** Ending on a high note beats talking until it turns.

## Honest, not exhaustive

At some point you’ll need a real conversation about what went wrong. When it comes:

- Wait until you’re both calm, and have it face to face.
- Talk about your own part, briefly and specifically, without grovelling.
- Listen more than you defend. You don’t have to agree in order to understand.
- Say plainly what you need from here on.
- Don’t try to settle everything in one evening.

This is different from the long messages warned against earlier. Those were one-sided, sent in pain, to someone who had stepped away. This is two people who have both chosen to talk, at a calm moment.

## Keep your own life

Don’t drop the friends, routines and plans you’ve built. They weren’t a holding pattern for while you were single; they’re your life. A relationship that only works if you disappear into it won’t work for long.

## Tell fewer people, for now

Friends and family have opinions, and they’ll share them. Keep it to one or two people you trust until you both know what this is. It gives it room to breathe.

## Check in with yourself

Every week or two, ask: am I calmer or more anxious than before we started talking? Do I still feel like myself? Is this moving towards something, or going round in circles? The answers will tell you a lot.`,
        exerciseMd: `For the next four weeks, keep a short weekly check-in. Same day each week, ten minutes.

Write down:

- **Contact this week:** how often, who started it, and what it was mostly about.
- **How I felt:** calmer, the same, or more anxious than last week, with one line on why.
- **Am I still me?** Did I keep my own plans, friends and routines this week? Yes, partly, or no.
- **Something different:** one concrete thing that’s better than before the breakup, or “nothing yet”.
- **Something the same:** one old pattern you noticed, if any.

After four weeks, read all four entries together. Then write one paragraph answering: “Is this moving towards something good for me?” You don’t need a final answer, only an honest one for now.`,
      },
      {
        slug: "what-to-watch-for",
        title: "What to watch for",
        releaseOffsetDays: 36,
        bodyMd: `When you’re hoping something works, it’s easy to see only what you want to see. So here’s a calm list of things worth noticing, on both sides, as you talk again. Not to catch anyone out, but so you can make a clear decision.

## Good signs

- **Consistency.** They do what they say, when they say. So do you.
- **Curiosity.** They ask about your life now, not just about the past.
- **Ownership.** They can name their part in what went wrong without a long speech, and without turning it all back on you. You can too.
- **Patience.** Neither of you is pushing to rush back to how things were.
- **Calm.** You feel more settled after time together, not more on edge.
- **Change you can see.** Something concrete is different: behaviour, not promises.

## Signs to slow down

- **Hot and cold.** Warm all week, then silent for days, then warm again. That keeps you hooked, not close.
- **Contact only when it suits them.** Late at night, after a bad day, when they’re bored or lonely.
- **Secrecy.** They don’t want anyone to know you’re talking, or they’re still seeing someone else.
- **Pressure.** Hurrying you into decisions, commitments or bed before you’re ready.
- **The old argument, back again.** Whatever broke it before has returned, unchanged.
- **You, shrinking.** You’re editing what you say, cancelling your plans, checking your phone the way you did in week one.

One of these on its own isn’t a verdict. A pattern is.

## Signs to stop

If there’s any threat, intimidation or controlling behaviour, or if you feel afraid, this isn’t a relationship question any more. It’s a safety one. Step back, keep a record, talk to someone you trust, and see the Get help page for people who can help.

## Watch yourself too

This list works in both directions. Are you consistent? Are you pushing? Are you testing them, keeping score, or playing it cool so you seem unbothered? Nobody likes feeling played, and that includes your ex. The most attractive thing either of you can bring is calm honesty.

## Trust your own reading

Friends will have opinions. The internet will have louder ones. You’re the one in it. Write down what you actually see, not what you hope or fear, and trust that record more than anyone’s hot take.`,
        exerciseMd: `Make a two-column “what I see” page. Spend 15 minutes on it now, then five minutes at the end of each week for the next month.

Left column: **Things I’ve seen.** Facts only: what was said, what was done, and when. Right column: **What it tells me.** One short line for each.

Below the columns, answer three questions each week:

1. Which good signs from this lesson have I actually seen? Give an example for each.
2. Which slow-down signs have I seen, and how often?
3. Which of these signs, good or bad, have I shown myself?

If a slow-down sign turns up more than twice, write it in capitals at the top of the page and decide, on paper, what you’ll say or do about it. If anything from the “signs to stop” list happens, skip the page: step back and talk to someone today.`,
      },
      {
        slug: "whichever-way-it-goes",
        title: "Whichever way it goes",
        releaseOffsetDays: 41,
        bodyMd: `This is the last lesson of the starter course. You might be reading it back together, cautiously talking, firmly apart, or somewhere in between. Wherever you are, it’s worth taking stock of how far you’ve come, and deciding what to carry forward.

## If you’re getting back together

Go gently. The habits that got you through the breakup are the same ones that will help the relationship: calm conversations, brief messages in tense moments, a life of your own, honesty over games. Keep your friends. Keep your routines. Keep talking about the things that went wrong before, a little at a time. If old patterns come back, deal with them early, while they’re small.

## If it didn’t work out

Maybe you talked, and it became clear it wasn’t going to work. Maybe they said no. Maybe you did. That’s a real loss, and it may hurt freshly for a while, even if you saw it coming. The good news, if it feels like news yet, is that you already know how to do this. You’ve done the first days. You know about space, short replies, bad days and hard dates. Go back to the start of the course and treat this as a second, shorter round.

You can close it kindly, too: “I’m glad we talked. I don’t think it’s right for us, and I wish you well.” No speech needed.

## If you’re still not sure

That’s okay. Keep living your own life, keep contact calm and light, and give it time. Uncertainty has a way of settling once you stop forcing it.

## What you’ve built, whatever happens

Look back at the weeks since you started:

- You’ve learned to sit with an urge without acting on it.
- You’ve learned to write a two-line reply instead of a two-page one.
- You’ve built a week with your own things in it.
- You’ve looked honestly at what happened, without holding a trial.
- You’ve got people to call on a bad day.

None of that depends on your ex. It’s yours, and it’ll help in every relationship you have, including the one with yourself.

## Keep going

The lessons stay here. Come back to any of them when you need to: when a message arrives, on a hard date, when the old urge returns. It will return now and then. That’s not failure. It’s just the part of you that cared, checking in.`,
        exerciseMd: `Write a letter to yourself for the next hard moment. Give it 30 minutes, somewhere quiet.

Start with “Dear me,” and include:

- Where you were when you started this course, in a few honest lines.
- The three things that helped most, in order.
- The urge that’s hardest to resist, and what you now do instead.
- Your two-line reply for when your ex gets in touch.
- The names of two people to call on a bad day.
- One thing you’re looking forward to in the next three months.

Sign it and date it. Put it somewhere you’ll find it: a note on your phone called “Read this first” works well. Set a reminder to read it again in a month, and when you do, add a line about what’s changed since you wrote it.`,
      },
    ],
  },
];

/** Which lesson each quiz prescription points to (by lesson slug). safety_first points to the Get help page, not a lesson. */
export const lessonForPrescription: Record<string, string> = {
  limited_contact: "when-you-cant-disappear",
  brief_kind_reply: "reply-briefly-and-kindly",
  step_back_reset: "the-urge-to-explain",
  focus_on_you: "back-to-you",
  stay_the_course: "no-contact-done-well",
  start_with_space: "space-is-for-you",
};
