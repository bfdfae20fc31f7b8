import { z } from "zod";

// Schema pieces for what HTML forms send: every value arrives as text.

/** A checkbox or a yes/no hidden field: ticked ("on", "yes", true) or not (absent, anything else). */
export const checkbox = () => z.preprocess((v) => v === true || v === "on" || v === "yes", z.boolean());

/** A numeric row id from a hidden field. */
export const rowId = () => z.coerce.number({ error: "That item doesn’t exist." }).int().positive("That item doesn’t exist.");
