"use client";

import { useState } from "react";

/** The permalink in a read-only field (works without JavaScript) plus a copy button once scripts run. */
export function ShareLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <label htmlFor="result-link" className="block font-medium">
        Your private link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="result-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-xl border-2 border-line bg-card px-3 py-2 text-sm text-ink"
        />
        <button
          type="button"
          className="btn-secondary"
          onClick={() =>
            navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
      <p className="text-sm text-muted" aria-live="polite">
        {copied ? "The link is on your clipboard." : "Anyone with this link can read this plan, so share it only with people you trust."}
      </p>
    </div>
  );
}
