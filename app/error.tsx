"use client";

import Link from "next/link";

// Shown when a page fails on the server. The details stay in the server log;
// the person sees what they can do next.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4" role="alert">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong on our side</h1>
      <p className="leading-relaxed text-muted">
        It’s not you. Please try again in a moment; if it keeps happening, come back a little later.
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
