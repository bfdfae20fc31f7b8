// Where a sign-in may send someone afterwards: only paths on this site.
// "//evil.example" and "/\evil.example" are protocol-relative tricks browsers
// treat as other hosts, so they are refused along with absolute URLs elsewhere.
export function safeCallbackPath(candidate: string | null | undefined, appUrl: string, fallback = "/dojo"): string {
  if (!candidate) return fallback;
  let target: URL;
  try {
    target = new URL(candidate, appUrl);
  } catch {
    return fallback;
  }
  const origin = new URL(appUrl).origin;
  if (target.origin !== origin) return fallback;
  if (/^\/[\\/]/.test(target.pathname)) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
