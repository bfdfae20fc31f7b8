import { ActionForm } from "@/app/components/action-form";
import type { SavedExMessage } from "@/lib/ex-reply/member";
import { formatDay } from "@/lib/lessons/calendar";
import { deleteSavedMessageAction } from "./actions";

/** The messages a member chose to keep: theirs to read and delete. */
export function SavedMessages({ messages }: { messages: SavedExMessage[] }) {
  return (
    <section aria-labelledby="saved" className="space-y-3">
      <h2 id="saved" className="font-serif text-xl font-semibold">
        Messages you saved
      </h2>
      {messages.length === 0 ? (
        <p className="text-sm text-muted">None yet. Nothing you paste is kept unless you tick “save”.</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="space-y-2 rounded-2xl border border-line bg-card p-4">
              <p className="text-sm text-muted">
                Saved {m.savedAt.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" })}
                {m.loggedOn ? ` · logged as contact on ${formatDay(m.loggedOn)}` : ""}
              </p>
              <blockquote className="whitespace-pre-wrap break-words border-l-4 border-line pl-3">{m.message}</blockquote>
              {m.note ? <p className="whitespace-pre-wrap break-words text-sm">Your note: {m.note}</p> : null}
              <ActionForm action={deleteSavedMessageAction}>
                <input type="hidden" name="id" value={m.id} />
                <button type="submit" className="link text-sm">
                  Delete this message<span className="sr-only"> saved {m.savedAt.toISOString().slice(0, 10)}</span>
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
