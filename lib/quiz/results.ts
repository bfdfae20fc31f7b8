import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { env } from "@/lib/env";
import { currentDefinition } from "./definitions";
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
    await tx.insert(tables.quizEvents).values({ type: "completed", definitionVersion: def.version });
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

/** Results nobody claimed are deleted after the retention period. */
export async function purgeExpiredQuizResults(retentionDays = env().QUIZ_RESULT_RETENTION_DAYS, now = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const deleted = await db
    .delete(tables.quizResults)
    .where(lt(tables.quizResults.createdAt, cutoff))
    .returning({ tokenHash: tables.quizResults.tokenHash });
  return deleted.length;
}
