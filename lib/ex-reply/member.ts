import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { checkbox } from "@/lib/actions/fields";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getAccess } from "@/lib/billing/subscriptions";
import { seal, unseal } from "@/lib/crypto/sealed";
import { getDb, tables } from "@/lib/db";
import { todayIn } from "@/lib/lessons/calendar";
import type { Answers } from "@/lib/quiz/schema";
import { currentExDefinition } from "./definitions";
import { readExAnswers } from "./engine";
import { readThrough } from "./read-through";

// A member thinking through a message from their ex. The pasted words are read
// and handed back; they are stored only when the member ticks "save", and then
// only sealed to the row (like check-ins), never in `answers`.

const NO_ACCESS = "Your membership isn’t active right now, so this wasn’t read or saved. Your saved messages are still in your data download.";

const answerField = z.union([z.string(), z.array(z.string())]).optional();

export const readMessageSchema = z.object({
  kind: answerField,
  afraid: answerField,
  ties: answerField,
  want: answerField,
  message: z.string().trim().max(5000, "That’s a long message: paste at most 5,000 characters.").default(""),
  note: z.string().trim().max(2000, "Your note is too long (at most 2,000 characters).").default(""),
  save: checkbox(),
});

const contentSchema = z.object({ message: z.string(), note: z.string() });
type SavedContent = z.infer<typeof contentSchema>;

const sealSaved = (content: SavedContent, rowId: string) => seal(JSON.stringify(content), rowId);
function openSaved(sealed: string, rowId: string): SavedContent {
  const parsed = contentSchema.safeParse(JSON.parse(unseal(sealed, rowId)));
  return parsed.success ? parsed.data : { message: "", note: "" };
}

export type ReadMessageOutcome = { ok: true; danger: boolean; notes: string[]; savedId: string | null } | Refusal;

/**
 * Reads the pasted message against the member's answers; saves it (sealed) only
 * when asked. Linked to today's "my ex reached out" log when there is one.
 */
export async function readExMessage(user: CurrentUser, input: unknown, now = new Date()): Promise<ReadMessageOutcome> {
  if (!(await getAccess(user.id, now)).allowed) return { ok: false, error: NO_ACCESS };
  const parsed = validate(readMessageSchema, input);
  if (!parsed.ok) return parsed;
  const { message, note, save, ...raw } = parsed.data;
  const def = currentExDefinition;
  const { answers, unanswered } = readExAnswers(def, {
    getAll: (name) => {
      const v = raw[name as keyof typeof raw];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
  });
  if (unanswered.length > 0) return { ok: false, error: "Some of the questions above are missing an answer. Answer them again, then paste the message." };
  if (!message) {
    const error = "Paste the message first. Even a line is enough.";
    return { ok: false, error, fieldErrors: { message: error } };
  }
  const read = readThrough(message);
  if (!save) return { ok: true, ...read, savedId: null };

  const db = await getDb();
  const id = randomUUID();
  const today = await db.query.contactEvents.findFirst({
    columns: { id: true },
    where: and(eq(tables.contactEvents.userId, user.id), eq(tables.contactEvents.kind, "ex_reached_out"), eq(tables.contactEvents.onDate, todayIn(user.timeZone, now))),
    orderBy: desc(tables.contactEvents.id),
  });
  await db.insert(tables.savedExMessages).values({
    id,
    userId: user.id,
    contactEventId: today?.id ?? null,
    rulesVersion: def.version,
    answers: answers satisfies Answers,
    contentEnc: sealSaved({ message, note }, id),
    createdAt: now,
  });
  return { ok: true, ...read, savedId: id };
}

export interface SavedExMessage {
  id: string;
  message: string;
  note: string;
  answers: Answers;
  rulesVersion: number;
  savedAt: Date;
  /** The day of the linked "my ex reached out" log, if any. */
  loggedOn: string | null;
}

/** The member's own saved messages, newest first, opened. */
export async function mySavedExMessages(user: CurrentUser): Promise<SavedExMessage[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: tables.savedExMessages.id,
      contentEnc: tables.savedExMessages.contentEnc,
      answers: tables.savedExMessages.answers,
      rulesVersion: tables.savedExMessages.rulesVersion,
      savedAt: tables.savedExMessages.createdAt,
      loggedOn: tables.contactEvents.onDate,
    })
    .from(tables.savedExMessages)
    .leftJoin(tables.contactEvents, eq(tables.contactEvents.id, tables.savedExMessages.contactEventId))
    .where(eq(tables.savedExMessages.userId, user.id))
    .orderBy(desc(tables.savedExMessages.createdAt), desc(tables.savedExMessages.id));
  return rows.map(({ contentEnc, answers, ...r }) => ({ ...r, ...openSaved(contentEnc, r.id), answers: answers as Answers }));
}

/** Deletes one of the member's own saved messages. Someone else's id answers like one that doesn't exist. */
export async function deleteMySavedExMessage(user: CurrentUser, id: string): Promise<boolean> {
  if (!z.uuid().safeParse(id).success) return false;
  const db = await getDb();
  const gone = await db
    .delete(tables.savedExMessages)
    .where(and(eq(tables.savedExMessages.id, id), eq(tables.savedExMessages.userId, user.id)))
    .returning({ id: tables.savedExMessages.id });
  return gone.length > 0;
}

/**
 * What the member told us about their situation in a quiz result they kept (the newest),
 * as this flow's "ties" answer; null when there is none to go on.
 */
export async function tiesFromQuiz(user: CurrentUser): Promise<string[] | null> {
  const db = await getDb();
  const [row] = await db
    .select({ answers: tables.quizResults.answers })
    .from(tables.claimedQuizResults)
    .innerJoin(tables.quizResults, eq(tables.quizResults.tokenHash, tables.claimedQuizResults.tokenHash))
    .where(eq(tables.claimedQuizResults.userId, user.id))
    .orderBy(desc(tables.claimedQuizResults.claimedAt))
    .limit(1);
  const ties = (row?.answers as Answers | undefined)?.ties;
  if (!Array.isArray(ties)) return null;
  const shared = ["children", "home", "work"].filter((t) => ties.includes(t));
  // Shared friends alone don't change the advice here: they count as none.
  return shared.length > 0 ? shared : ["none"];
}
