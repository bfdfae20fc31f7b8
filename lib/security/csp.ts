// The Content-Security-Policy, in one place. Pure and free of server-only
// imports: next.config.ts (at build time) and proxy.ts (per request) both use it.
//
// Two script policies:
// - private pages that show member- or coach-written text (the Dojo, check-ins, the coach
//   console, the account, /join, billing) and /signin/verify (whose form ends at Stripe,
//   see form-action) are rendered per request anyway, so proxy.ts gives each response a
//   fresh nonce and Next puts it on its own scripts: an injected inline script or handler
//   never runs there;
// - every other page keeps `script-src 'self' 'unsafe-inline'`. The prerendered and cached
//   pages cannot carry a nonce, and their three inline scripts (Turbopack's bootstrap,
//   `__next_f` setup, the page's React payload) change with every build and page, so a
//   hash list would have to be written into Next's page cache after each render. Most are
//   built from code alone; the public ones that show what the coach wrote (articles, the
//   newsletter archive) are served from the page cache so that the front door stays fast,
//   and there the Markdown renderer (lib/markdown: raw HTML escaped, unsafe links refused)
//   is what keeps a script out, as e2e/csp.spec.ts checks.
//
// Styles: Next and React put no <style> element or style attribute in the pages
// (the progress bars are SVG for that reason), so `style-src 'self'` holds.
// Development needs eval (React's error overlay) and inline styles (the overlay).

export interface CspOptions {
  /** Where forms may go, besides this origin: Stripe's hosted checkout and portal (see stripeHostedOrigins). */
  formActionOrigins: readonly string[];
  dev: boolean;
}

function policy(scriptSrc: string, { formActionOrigins, dev }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // A form that POSTs here and is answered with a redirect to Stripe (a server
    // action without JavaScript, the sign-in link's callback on its way to /join):
    // Chromium checks every hop of that redirect chain against form-action.
    `form-action ${["'self'", ...formActionOrigins].join(" ")}`,
  ].join("; ");
}

/** For pages that cannot carry a nonce (prerendered) and show nothing anyone typed. */
export const publicPolicy = (opts: CspOptions) => policy("'self' 'unsafe-inline'", opts);

/**
 * The per-request policy, split around the nonce so the proxy only joins three
 * strings per request. 'strict-dynamic' lets Next's nonced bootstrap load its chunks.
 */
export function noncePolicyParts(opts: CspOptions): readonly [string, string] {
  const [before, after] = policy("'nonce-\u0000' 'strict-dynamic'", opts).split("\u0000");
  return [before!, after!];
}

/** Stripe's hosted pages, or the emulator's origin when the SDK is pointed there. */
export function stripeHostedOrigins(stripeApiUrl: string | undefined): string[] {
  return stripeApiUrl ? [new URL(stripeApiUrl).origin] : ["https://checkout.stripe.com", "https://billing.stripe.com"];
}
