import "server-only";
import { env } from "@/lib/env";
import { hitRateLimit, type RateLimitResult } from "@/lib/rate-limit";
import { createQuizResult, type CreateResultOutcome } from "./results";

export type SubmitOutcome = CreateResultOutcome | { ok: false; rateLimited: RateLimitResult };

/** The one way a finished quiz is stored, from the JSON API and the no-JavaScript form alike: rate-limited per IP. */
export async function submitQuiz(ip: string, answers: unknown): Promise<SubmitOutcome> {
  const limit = await hitRateLimit(`quiz:${ip}`, env().QUIZ_RATE_LIMIT_PER_MINUTE, 60);
  if (!limit.ok) return { ok: false, rateLimited: limit };
  return createQuizResult(answers);
}
