import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, lt, notExists } from "drizzle-orm";
import { getDb, tables, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { currentDefinition } from "./definitions";
import { recordFunnelStep } from "./funnel";
import { resultPath } from "./paths";
import { prescribe, validateAnswers } from "./engine";
import type { Answers, Prescription } from "./schema";

/** What a result page shows, frozen at the moment the quiz was finished. */
export interface ResultSnapshot {
  definitionVersion: number;
  prescription: Prescription;
  reasons: string[];
  createdAt: string;
}

export type CreateResultOutcome =
  | { ok: true; token: string; resultUrl: string; snapshot: ResultSnapshot }
  | { ok: false; issues: { path: string; message: string }[] };

// 18 random bytes = 144 bits, 24 URL-safe characters.
const TOKEN_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Validates answers against the current definition and stores the prescription anonymously. Stores nothing when invalid. */
export async function createQuizResult(input: unknown): Promise<CreateResultOutcome> {
  const def = currentDefinition;
  const checked = validateAnswers(def, input);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const { prescription, reasons } = prescribe(def, checked.answers);
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const snapshot: ResultSnapshot = {
    definitionVersion: def.version,
    prescription,
    reasons,
    createdAt: new Date().toISOString(),
  };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(tables.quizResults).values({
      tokenHash: hashToken(token),
      definitionVersion: def.version,
      answers: checked.answers satisfies Answers,
      prescriptionId: prescription.id,
      result: snapshot,
    });
    await recordFunnelStep(tx, { step: "completed", version: def.version, prescriptionId: prescription.id });
  });
  return { ok: true, token, resultUrl: new URL(resultPath(token), env().APP_URL).toString(), snapshot };
}

/** The stored snapshot, or null for an unknown, malformed or purged token. */
export async function getQuizResult(token: string): Promise<ResultSnapshot | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = await getDb();
  const row = await db.query.quizResults.findFirst({
    columns: { result: true },
    where: eq(tables.quizResults.tokenHash, hashToken(token)),
  });
  return row ? (row.result as ResultSnapshot) : null;
}

/** Results nobody kept in an account are deleted after the retention period. */
export async function purgeExpiredQuizResults(retentionDays = env().QUIZ_RESULT_RETENTION_DAYS, now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const claimed = db.select({ one: tables.claimedQuizResults.tokenHash }).from(tables.claimedQuizResults).where(eq(tables.claimedQuizResults.tokenHash, tables.quizResults.tokenHash));
  const deleted = await db
    .delete(tables.quizResults)
    .where(and(lt(tables.quizResults.createdAt, cutoff), notExists(claimed)))
    .returning({ tokenHash: tables.quizResults.tokenHash });
  return deleted.length;
}

/** A member keeps a result in their account; it is then never purged. Unknown tokens change nothing. */
export async function keepQuizResult(user: { id: string }, token: string): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  const db = await getDb();
  const tokenHash = hashToken(token);
  const exists = await db.query.quizResults.findFirst({ columns: { prescriptionId: true }, where: eq(tables.quizResults.tokenHash, tokenHash) });
  if (!exists) return false;
  await db.transaction(async (tx) => {
    const [claimed] = await tx.insert(tables.claimedQuizResults).values({ userId: user.id, tokenHash }).onConflictDoNothing().returning({ at: tables.claimedQuizResults.claimedAt });
    // The funnel's attribution: a member joined from this prescription (counted once, whoever they are).
    if (claimed) await recordFunnelStep(tx, { step: "claimed", prescriptionId: exists.prescriptionId, at: claimed.at });
  });
  return true;
}

/** The results a member kept, newest first: only the snapshot a page shows. */
export async function keptQuizResults(user: { id: string }): Promise<ResultSnapshot[]> {
  const db = await getDb();
  const rows = await db
    .select({ result: tables.quizResults.result })
    .from(tables.claimedQuizResults)
    .innerJoin(tables.quizResults, eq(tables.quizResults.tokenHash, tables.claimedQuizResults.tokenHash))
    .where(eq(tables.claimedQuizResults.userId, user.id))
    .orderBy(desc(tables.claimedQuizResults.claimedAt));
  return rows.map((r) => r.result as ResultSnapshot);
}

/** The prescription a member joined with: the result they kept most recently, if any. */
export async function claimedPrescriptionOf(executor: Pick<Db, "select">, userId: string): Promise<string | null> {
  const [row] = await executor
    .select({ id: tables.quizResults.prescriptionId })
    .from(tables.claimedQuizResults)
    .innerJoin(tables.quizResults, eq(tables.quizResults.tokenHash, tables.claimedQuizResults.tokenHash))
    .where(eq(tables.claimedQuizResults.userId, userId))
    .orderBy(desc(tables.claimedQuizResults.claimedAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Counts a "see the Dojo" click: the pricing page opened from a stored result. Only the
 * result's prescription is counted, never the token; an unknown token counts nothing.
 */
export async function countDojoClick(token: string): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  const db = await getDb();
  const row = await db.query.quizResults.findFirst({ columns: { prescriptionId: true }, where: eq(tables.quizResults.tokenHash, hashToken(token)) });
  if (!row) return false;
  await recordFunnelStep(db, { step: "dojo_clicked", prescriptionId: row.prescriptionId });
  return true;
}
