// Plain JSON values. Objects leave the typed store as JSON copies, so that
// expansion, event snapshots and diffs can work on them without knowing their type.
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A deep copy as plain JSON: what the wire carries, detached from the store. */
export function toJson(value: object): JsonObject {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  return copy as JsonObject;
}

/**
 * Top-level fields of `before` whose value differs in `after`, with their old
 * value: Stripe's `previous_attributes` on `*.updated` events.
 */
export function previousAttributes(before: JsonObject, after: JsonObject): JsonObject {
  const previous: JsonObject = {};
  for (const key of Object.keys(before)) {
    const old = before[key];
    if (old !== undefined && JSON.stringify(old) !== JSON.stringify(after[key])) previous[key] = old;
  }
  return previous;
}
