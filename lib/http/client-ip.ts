import "server-only";

/**
 * The caller's address for rate limiting. Behind our proxy the first
 * X-Forwarded-For entry is the client; without one we fall back to a shared
 * bucket rather than letting requests go uncounted.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
