"use client";

import "./globals.css";

// Last resort when the root layout itself fails: no site frame, plain markup.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="mx-auto max-w-xl p-8 font-sans">
        <h1>Something went wrong on our side</h1>
        <p>It’s not you. Please try again in a moment.</p>
        <button type="button" onClick={reset} className="btn-secondary">
          Try again
        </button>
      </body>
    </html>
  );
}
