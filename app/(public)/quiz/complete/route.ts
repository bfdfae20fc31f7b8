import { clientIp } from "@/lib/http/client-ip";
import { submitQuiz } from "@/lib/quiz/submit";
import { answersFromParams, quizHref } from "@/lib/quiz/url-state";
import { currentQuiz } from "@/lib/quiz/views";
import { resultPath } from "@/lib/quiz/paths";
import { route } from "@/lib/http/route";

// The no-JavaScript end of the quiz: a form POST that stores the result and
// redirects (303) to its permalink, so a refresh never submits twice.
export const POST = route("POST /quiz/complete", async (request: Request) => {
  const { questions } = currentQuiz();
  const form = await request.formData().catch(() => new FormData());
  const params = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === "string") params.append(key, value);
  const answers = answersFromParams(questions, params);

  const outcome = await submitQuiz(clientIp(request.headers), answers);
  // A relative Location: the browser resolves it against the address it used, whatever the proxy in front.
  const back = (path: string) => new Response(null, { status: 303, headers: { Location: path } });
  if (outcome.ok) return back(resultPath(outcome.token));
  if ("rateLimited" in outcome) return back(`${quizHref(questions, answers)}${Object.keys(answers).length ? "&" : "?"}notice=busy`);
  // Something was missing or stale: send them to the first question still needing an answer.
  return back(quizHref(questions, answers));
});
