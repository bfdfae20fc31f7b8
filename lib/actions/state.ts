// What every server action answers, and what its form renders. Client-safe:
// forms import the type and the idle state; nothing here touches the server.

/** One message per field, keyed by the field's name in the form. */
export type FieldErrors = Partial<Record<string, string>>;

export interface ActionState<Data = undefined> {
  /** Unset before the first submit; true when the action did what was asked. */
  ok?: boolean;
  /** A success notice for a status line ("Saved."). */
  message?: string;
  /** What went wrong that belongs to no single field. */
  error?: string;
  /** What is wrong with each field, shown next to it. */
  fieldErrors?: FieldErrors;
  /** The text fields as submitted, so a refused form can show them again (React resets uncontrolled forms). */
  values?: Partial<Record<string, string>>;
  /** The session had ended: the form says so and keeps the text. */
  signedOut?: boolean;
  /** The database could not be reached: nothing was changed, and the same form may be sent again after this many seconds. */
  retryAfter?: number;
  data?: Data;
}

/** The state a form starts in, before anything was sent. */
export const idle: ActionState<never> = Object.freeze({});

/** What lib/ functions answer when they refuse: the reason, per field where there is one. */
export interface Refusal {
  ok: false;
  error: string;
  fieldErrors?: FieldErrors;
}
