import path from "node:path";
import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/limits";
import { publicPolicy } from "./lib/security/csp";

const production = process.env.NODE_ENV === "production";

// Every path except those proxy.ts gives a nonce policy (its matcher): one policy per response.
// Also left out: the benchmark's plain-HTML control (bench/controls, only in the benchmark's
// build), whose inline <style> is the point of it.
// Forms on these pages only ever land on this origin, so form-action needs no Stripe origin here
// (which this file, read at build time, could not know: STRIPE_API_URL is a runtime setting).
const PUBLIC_PAGES = "/:path((?!(?:dojo|account|coach|billing)(?:/|$)|join$|signin/verify$|bench/static$).*)";

// The query keys that mean "the quiz is under way" (lib/quiz/step-state.ts, url-state.ts): a step
// just answered, a step to go back to, or a notice from /quiz/complete.
const QUIZ_STATE_KEYS = ["from", "at", "notice"];

const config: NextConfig = {
  // The Docker image (Dockerfile) builds with BUILD_STANDALONE=1: a self-contained server.js with only the
  // dependencies it traces. Not the default, because `next start` (npm start, e2e, benchmark) warns on it.
  ...(process.env.BUILD_STANDALONE === "1" ? { output: "standalone" as const } : {}),
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Next's page cache, with invalidations shared between instances through PostgreSQL.
  cacheHandler: path.resolve("lib/cache/page-cache-handler.mjs"),
  poweredByHeader: false,
  // No ETags: to hash one, Next first joins a cached page into one string and hashes every
  // character, a large share of what serving that page costs the server (bench/README.md).
  // Browsers never keep our HTML (s-maxage only), so a 304 would save a phone a few compressed
  // kilobytes at most, and the build's scripts and styles are cached for a year as immutable.
  generateEtags: false,
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  // The front door's pages are served from the page cache; an address that carries state goes to
  // a page rendered per request (or to a cached variant) instead. Before the file system, so they
  // win over the cached page at the same path.
  async rewrites() {
    return {
      beforeFiles: [
        // A visitor coming from their quiz result: the join links carry its token.
        { source: "/pricing", has: [{ type: "query", key: "result", value: "(?<token>[A-Za-z0-9_-]{1,200})" }], destination: "/pricing/result/:token" },
        { source: "/pricing", has: [{ type: "query", key: "checkout", value: "cancelled" }], destination: "/pricing/cancelled" },
        { source: "/pricing", has: [{ type: "query", key: "from", value: "dojo" }], destination: "/pricing/dojo" },
        // The article list: a cacheable route of its own beside /articles/[slug].
        { source: "/articles", destination: "/articles/index" },
        // The product list, the same way.
        { source: "/products", destination: "/products/index" },
        // The quiz without JavaScript: each answered step is a GET with the answers in the address.
        ...QUIZ_STATE_KEYS.map((key) => ({ source: "/quiz", has: [{ type: "query" as const, key }], destination: "/quiz/step" })),
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Production only: `next dev` serves plain HTTP on localhost. Browsers ignore it over
          // HTTP, so the e2e stack (production build, http://127.0.0.1) is unaffected. No
          // includeSubDomains: other hosts of the coach's domain are not ours to force onto HTTPS.
          ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] : []),
        ],
      },
      {
        source: PUBLIC_PAGES,
        headers: [{ key: "Content-Security-Policy", value: publicPolicy({ formActionOrigins: [], dev: !production }) }],
      },
      {
        // Result permalinks are private to whoever holds them: never indexed, never leaked as a referrer.
        source: "/quiz/result/:token*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default config;
