// `expand[]`: replaces id strings in a response with the objects they name,
// along dotted paths (`subscription.latest_invoice`, `data.customer` in lists).
import { ApiError } from "./errors";
import { type Json, type JsonObject, isJsonObject } from "./json";

export interface ExpandSources {
  /** Any stored object by id, as JSON. */
  find(id: string): JsonObject | undefined;
  /** Fields that are absent unless expanded (`line_items` on a Checkout Session). */
  include(owner: JsonObject, field: string): Json | undefined;
}

const MAX_DEPTH = 4; // Stripe's limit

export function expand(object: JsonObject, paths: readonly string[], sources: ExpandSources): JsonObject {
  for (const path of paths) {
    const segments = path.split(".");
    if (segments.length > MAX_DEPTH || segments.some((segment) => segment === ""))
      throw new ApiError(400, "invalid_request_error", `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, {
        param: "expand",
      });
    expandAt(object, segments, path, sources);
  }
  return object;
}

function expandAt(node: Json, segments: readonly string[], path: string, sources: ExpandSources): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  if (Array.isArray(node)) {
    for (const element of node) expandAt(element, segments, path, sources);
    return;
  }
  if (!isJsonObject(node)) return;
  let value = node[field];
  if (value === undefined) {
    value = sources.include(node, field);
    if (value === undefined) throw notExpandable(path);
    node[field] = value;
  } else if (typeof value === "string") {
    const found = sources.find(value);
    if (!found) throw notExpandable(path);
    value = found;
    node[field] = value;
  } else if (value !== null && rest.length === 0 && !isJsonObject(value)) {
    throw notExpandable(path);
  }
  if (value !== null) expandAt(value, rest, path, sources);
}

function notExpandable(path: string): ApiError {
  return new ApiError(400, "invalid_request_error", `This property cannot be expanded (${path}).`, { param: "expand" });
}
