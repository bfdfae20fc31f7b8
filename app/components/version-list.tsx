import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "./action-form";

interface Version {
  id: number;
  title: string;
  savedAt: Date;
}

/**
 * "Earlier versions" under a Markdown editor (lessons, articles): each save of a published text
 * keeps the one it replaced, and Restore brings it back. `fields` are the hidden fields that say
 * which record the restore action is for (the version id is added here).
 */
export function VersionList({
  versions,
  what,
  action,
  fields,
}: {
  versions: Version[];
  what: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
}) {
  return (
    <section aria-labelledby="versions" className="space-y-2">
      <h2 id="versions" className="text-lg font-semibold">
        Earlier versions
      </h2>
      {versions.length === 0 ? (
        <p className="text-sm text-muted">Each save of a published {what} keeps the text it replaced here.</p>
      ) : (
        <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
          {versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <span className="min-w-0 break-words">
                {v.title} <span className="text-sm text-muted">· saved {v.savedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</span>
              </span>
              <ActionForm action={action}>
                {Object.entries(fields).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <input type="hidden" name="versionId" value={v.id} />
                <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
                  Restore
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
