"use client";

import { useActionState, useState } from "react";
import { FormError } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { importAction } from "../actions";

// Server actions accept bodies up to 1 MB (Next's default): check before sending rather than fail opaquely.
const MAX_BYTES = 1024 * 1024;
const SHOWN_ERRORS = 100;

export function ImportForm() {
  const [state, action, pending] = useActionState(importAction, idle);
  const [tooBig, setTooBig] = useState(false);
  const errors = state.data?.errors ?? [];
  const s = state.data?.summary;
  const n = (x: number) => x.toLocaleString("en-US");

  return (
    <div className="space-y-4">
      <form
        action={action}
        className="space-y-3"
        onSubmit={(e) => {
          const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          const big = file !== undefined && file.size > MAX_BYTES;
          setTooBig(big);
          if (big) e.preventDefault();
        }}
      >
        <div>
          <label htmlFor="file" className="block text-sm font-medium">
            CSV file (up to 1 MB, about 20,000 rows)
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required className="mt-1 block w-full text-sm" />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="skipInvalid" className="mt-1" />
          <span>If some lines are wrong, import the good ones and skip those</span>
        </label>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
      </form>

      <div aria-live="polite" className="space-y-3">
        <FormError state={tooBig ? { error: "That file is larger than 1 MB. Split it into parts and import them one after another." } : state} />
        {s ? (
          <div className="rounded-lg bg-brand-soft px-4 py-3">
            <p className="font-semibold">Imported.</p>
            <ul className="list-disc pl-6 text-sm">
              <li>{n(s.added)} new</li>
              <li>{n(s.updated)} updated, {n(s.unchanged)} unchanged</li>
              {s.keptUnsubscribed > 0 ? <li>{n(s.keptUnsubscribed)} had unsubscribed before and stay unsubscribed</li> : null}
              {s.duplicatesMerged > 0 ? <li>{n(s.duplicatesMerged)} repeated lines merged</li> : null}
              {s.skippedLines > 0 ? <li>{n(s.skippedLines)} lines skipped (listed below)</li> : null}
            </ul>
          </div>
        ) : null}
        {errors.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-medium">Lines to check</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-1 pr-4">
                    Line
                  </th>
                  <th scope="col" className="py-1">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, SHOWN_ERRORS).map((e) => (
                  <tr key={`${e.line}-${e.message}`} className="border-b border-line">
                    <td className="py-1 pr-4 tabular-nums">{e.line}</td>
                    <td className="py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {errors.length > SHOWN_ERRORS ? <p className="mt-2 text-sm text-muted">…and {n(errors.length - SHOWN_ERRORS)} more.</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
