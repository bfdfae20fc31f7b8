"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { CrisisResources } from "@/app/components/crisis-resources";
import { FieldError, FormError, groupErrorProps, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { detectDanger } from "@/lib/safety/detect";
import { saveDraftAction, submitCheckinAction } from "../actions";
import { deviceDraftStore } from "./device-draft";

export interface DraftPayload {
  happened: string;
  win: string;
  hard: string;
  question: string;
  mood: number | null;
}

const fields = [
  { name: "happened", label: "What happened since last time?", rows: 5 },
  { name: "win", label: "One win, however small", rows: 2 },
  { name: "hard", label: "What is hard right now?", rows: 4 },
  { name: "question", label: "A question for your coach (optional)", rows: 2 },
] as const;
type FieldName = (typeof fields)[number]["name"];

const moodWords = ["awful", "very low", "low", "not great", "getting by", "alright", "okay", "good", "really good", "great"];

/**
 * The check-in form. Every word is kept twice as the member types: on this
 * device at once, encrypted, until the server has it (so a lost connection or an
 * expired session loses nothing; see device-draft.ts) and on the server a moment
 * later (so a closed tab loses nothing either).
 */
export function CheckinForm({ initial, savedAt, deviceKeys, submission }: { initial: DraftPayload; savedAt: string | null; deviceKeys: string[]; submission: string }) {
  const [draft, setDraft] = useState<DraftPayload>(initial);
  const [saveNote, setSaveNote] = useState(savedAt ? "Draft saved." : "");
  // Controlled like the text, so a failed send never flips a private entry back to "send to coach".
  const [sendTo, setSendTo] = useState<"coach" | "private">("coach");
  const [state, action, pending] = useActionState(submitCheckinAction, idle);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const restored = useRef(false);
  const keyList = deviceKeys.join(",");
  const device = useMemo(() => deviceDraftStore<DraftPayload>(keyList.split(",")), [keyList]);
  const latest = useRef(initial);

  // A newer copy on this device (e.g. typed while offline) wins over the server's draft.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    // Only the browser has the device copy, so this runs after hydration (and not over words typed since).
    void device.read().then((local) => {
      if (local && (!savedAt || local.at > savedAt) && latest.current === initial) {
        latest.current = local.draft;
        setDraft(local.draft);
        setSaveNote("Restored what you were writing on this device.");
      }
    });
  }, [device, savedAt, initial]);

  function update(next: DraftPayload) {
    setDraft(next);
    latest.current = next;
    void device.keep(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      setSaveNote("Saving…");
      try {
        const result = await saveDraftAction(next);
        setSaveNote(result.ok ? "Draft saved." : result.signedOut ? "You’ve been signed out. Your words are kept on this device." : (result.error ?? "Not saved."));
        if (result.ok && latest.current === next) device.forget();
      } catch {
        setSaveNote("You seem to be offline. Your words are kept on this device.");
      }
    }, 1200);
  }

  const danger = detectDanger(draft.happened, draft.win, draft.hard, draft.question).kinds.length > 0;

  return (
    <form
      action={action}
      onSubmit={() => {
        clearTimeout(timer.current);
      }}
      className="space-y-6"
    >
      <input type="hidden" name="submission" value={submission} />
      {danger ? (
        <div aria-live="assertive">
          <p className="mb-3 font-medium">What you wrote sounds really hard. You don’t have to wait for a reply to get support — people are there right now:</p>
          <CrisisResources headingLevel={3} />
        </div>
      ) : null}

      <fieldset className="space-y-3" {...groupErrorProps(state, "mood", "mood")}>
        <legend className="font-semibold">How do you feel today, from 1 (awful) to 10 (great)?</legend>
        <div className="grid grid-cols-5 gap-2 sm:grid-cols-10">
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <label key={n} className="flex min-h-11 cursor-pointer items-center justify-center rounded-xl border-2 border-line bg-card has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
              <input type="radio" name="mood" value={n} checked={draft.mood === n} onChange={() => update({ ...draft, mood: n })} className="sr-only" />
              <span aria-hidden="true">{n}</span>
              <span className="sr-only">{`${n} — ${moodWords[n - 1]}`}</span>
            </label>
          ))}
        </div>
        <FieldError state={state} name="mood" inputId="mood" />
      </fieldset>

      {fields.map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={f.name} className="font-semibold">
            {f.label}
          </label>
          <textarea
            id={f.name}
            name={f.name}
            rows={f.rows}
            value={draft[f.name as FieldName]}
            onChange={(e) => update({ ...draft, [f.name]: e.target.value })}
            {...invalidProps(state, f.name, f.name)}
            className="w-full rounded-xl border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand"
          />
          <FieldError state={state} name={f.name} inputId={f.name} />
        </div>
      ))}

      <fieldset className="space-y-2" {...groupErrorProps(state, "sendTo", "sendTo")}>
        <legend className="font-semibold">Who is this for?</legend>
        <label className="flex items-center gap-3">
          <input type="radio" name="sendTo" value="coach" checked={sendTo === "coach"} onChange={() => setSendTo("coach")} className="size-5 accent-brand" />
          Send it to my coach
        </label>
        <label className="flex items-center gap-3">
          <input type="radio" name="sendTo" value="private" checked={sendTo === "private"} onChange={() => setSendTo("private")} className="size-5 accent-brand" />
          Keep it as a private journal entry (no coach will see it)
        </label>
        <FieldError state={state} name="sendTo" inputId="sendTo" />
      </fieldset>

      <FormError state={state} fields={["mood", "sendTo", ...fields.map((f) => f.name)]} summary="Not sent yet:">
        {state.signedOut ? (
          <>
            {" "}
            <a href="/signin?callbackUrl=/dojo/check-ins/new" target="_blank" rel="noopener" className="link">
              Sign in (opens a new tab)
            </a>
          </>
        ) : null}
      </FormError>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </button>
        <p aria-live="polite" className="text-sm text-muted">
          {saveNote}
        </p>
      </div>
    </form>
  );
}
