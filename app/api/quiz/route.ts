import { currentQuiz } from "@/lib/quiz/views";

// The current quiz definition for embedding: questions, options and when each
// question shows. Rules and prescriptions stay on the server.
export const dynamic = "force-static";

export function GET() {
  return Response.json(currentQuiz(), { headers: { "Cache-Control": "public, max-age=300" } });
}
