import { clientIp } from "@/lib/http/client-ip";
import { readJsonBody } from "@/lib/http/json-body";
import { submitQuiz } from "@/lib/quiz/submit";
import { route } from "@/lib/http/route";

const MAX_BODY_BYTES = 8 * 1024;

const error = (status: number, message: string, issues: { path: string; message: string }[] = [], headers?: HeadersInit) =>
  Response.json({ error: message, issues }, { status, headers });

export const POST = route("POST /api/quiz/responses", async (request: Request) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  // Oversized and non-JSON bodies are bad input like any other: 400, with the reason.
  if (!body.ok) return error(400, body.error, [{ path: "", message: body.error }]);
  const value = body.value;
  if (typeof value !== "object" || value === null || Array.isArray(value) || !("answers" in value)) {
    return error(400, "Expected a JSON object with an \"answers\" object.", [{ path: "answers", message: "Required." }]);
  }
  const extra = Object.keys(value).filter((k) => k !== "answers");
  if (extra.length > 0) {
    return error(400, "Unexpected fields in the body.", extra.map((k) => ({ path: k, message: "Unknown field." })));
  }

  const outcome = await submitQuiz(clientIp(request.headers), (value as { answers: unknown }).answers);
  if (outcome.ok) {
    const { snapshot } = outcome;
    return Response.json(
      {
        token: outcome.token,
        resultUrl: outcome.resultUrl,
        definitionVersion: snapshot.definitionVersion,
        prescription: { ...snapshot.prescription, reasons: snapshot.reasons },
      },
      { status: 201 },
    );
  }
  if ("rateLimited" in outcome) {
    return error(429, "Too many requests. Please wait and try again.", [], { "Retry-After": String(outcome.rateLimited.retryAfter) });
  }
  return error(400, "Some answers are missing or not valid.", outcome.issues);
});
