import { requestEmailLink } from "@/lib/auth/email-link";
import { clientIp } from "@/lib/http/client-ip";
import { readJsonBody } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";

// The same sign-in request as the /signin form, for scripts and embeds:
// 202 when a link may be on its way, 400 for a bad address, 429 when limited.
export const POST = route("POST /api/auth/email-link", async (request: Request) => {
  const body = await readJsonBody(request, 2048);
  if (!body.ok) return Response.json({ error: body.error }, { status: 400 });
  const value = (typeof body.value === "object" && body.value !== null ? body.value : {}) as Record<string, unknown>;
  const outcome = await requestEmailLink({
    email: value.email,
    ip: clientIp(request.headers),
    callbackUrl: typeof value.callbackUrl === "string" ? value.callbackUrl : null,
  });
  if (outcome.ok) return Response.json({ status: "sent" }, { status: 202 });
  if (outcome.reason === "rate_limited") {
    return Response.json({ error: outcome.message }, { status: 429, headers: { "Retry-After": String(outcome.retryAfter) } });
  }
  return Response.json({ error: outcome.message }, { status: 400 });
});
