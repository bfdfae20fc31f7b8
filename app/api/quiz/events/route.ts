import { clientIp } from "@/lib/http/client-ip";
import { readJsonBody } from "@/lib/http/json-body";
import { funnelEventSchema, recordFunnelEvent } from "@/lib/quiz/funnel";
import { hitRateLimit } from "@/lib/rate-limit";
import { route } from "@/lib/http/route";

// Anonymous funnel steps sent by the quiz page (navigator.sendBeacon).
export const POST = route("POST /api/quiz/events", async (request: Request) => {
  const limit = await hitRateLimit(`quiz-events:${clientIp(request.headers)}`, 120, 60);
  if (!limit.ok) return new Response(null, { status: 429, headers: { "Retry-After": String(limit.retryAfter) } });
  const body = await readJsonBody(request, 1024);
  const event = body.ok ? funnelEventSchema.safeParse(body.value) : undefined;
  if (!event?.success) return Response.json({ error: "Not a funnel event." }, { status: 400 });
  const stored = await recordFunnelEvent(event.data);
  return new Response(null, { status: stored ? 204 : 400 });
});
