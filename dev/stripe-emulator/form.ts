// Stripe's request encoding: application/x-www-form-urlencoded (or a query
// string) with bracket paths — `line_items[0][price]=p`, `expand[]=customer`,
// `metadata[userId]=u`. The SDK writes arrays as `key[0]`, `key[1]`; curl users
// write `key[]`. Both become arrays here.
import { ApiError, invalidParam, missingParam, unknownParam } from "./errors";

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const INDEX = /^\d+$/;

function splitKey(raw: string): string[] {
  const open = raw.indexOf("[");
  if (open <= 0) return [raw];
  const segments = [raw.slice(0, open)];
  const rest = raw.slice(open);
  const pattern = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match.index !== consumed) break;
    segments.push(match[1] ?? "");
    consumed = match.index + match[0].length;
  }
  // Anything after the last well-formed bracket is kept literally, as qs does.
  if (consumed !== rest.length) return [raw];
  return segments;
}

function malformed(key: string): ApiError {
  return new ApiError(400, "invalid_request_error", `Invalid array or object in parameter: ${key}`, { param: key });
}

function assign(container: FormObject | FormValue[], segment: string, value: FormValue, key: string): void {
  if (Array.isArray(container)) {
    if (segment === "") container.push(value);
    else if (INDEX.test(segment)) container[Number(segment)] = value;
    else throw malformed(key);
  } else {
    container[segment] = value;
  }
}

function read(container: FormObject | FormValue[], segment: string, key: string): FormValue | undefined {
  if (Array.isArray(container)) {
    if (segment === "") return undefined; // `a[][b]`: always a new element
    if (!INDEX.test(segment)) throw malformed(key);
    return container[Number(segment)];
  }
  return container[segment];
}

/** Parses `a[b][0]=c&...` into nested objects and arrays. */
export function parseForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const segments = splitKey(key);
    let container: FormObject | FormValue[] = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? "";
      const last = i === segments.length - 1;
      if (last) {
        assign(container, segment, value, key);
        break;
      }
      const nextIsIndex = INDEX.test(segments[i + 1] ?? "") || segments[i + 1] === "";
      let child = read(container, segment, key);
      if (child === undefined || typeof child === "string") {
        // `metadata=` followed by `metadata[k]=v`: the later, structured form wins.
        child = nextIsIndex ? [] : {};
        assign(container, segment, child, key);
      }
      container = child;
    }
  }
  return compact(root);
}

/** Drops holes left by sparse indices (`expand[1]` without `expand[0]`). */
function compact(object: FormObject): FormObject {
  const out: FormObject = {};
  for (const [key, value] of Object.entries(object)) out[key] = compactValue(value);
  return out;
}

function compactValue(value: FormValue): FormValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactValue);
  return compact(value);
}

/**
 * Typed, validating access to a parsed form, reporting problems the way
 * Stripe does (`Missing required param: x.`, `Invalid integer: y`,
 * `Received unknown parameter: z`) with the full bracket path as `param`.
 */
export class Params {
  constructor(
    private readonly values: FormObject,
    private readonly prefix = "",
  ) {}

  path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.values);
  }

  /** Refuses parameters Stripe itself doesn't know: a typo must fail here as it would there. */
  rejectUnknown(known: readonly string[]): void {
    for (const key of this.keys()) if (!known.includes(key)) throw unknownParam(this.path(key));
  }

  /** Parameters Stripe knows but the emulator doesn't act on. */
  ignored(supported: readonly string[]): string[] {
    return this.keys()
      .filter((key) => !supported.includes(key))
      .map((key) => this.path(key));
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw invalidParam(this.path(name), `Invalid string: ${this.path(name)} must be a string.`);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === "") throw missingParam(this.path(name));
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value === "true") return true;
    if (value === "false") return false;
    throw invalidParam(this.path(name), `Invalid boolean: ${value}`);
  }

  int(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidParam(this.path(name), `Invalid integer: ${value}`);
    const number = Number(value);
    if (bounds.min !== undefined && number < bounds.min)
      throw invalidParam(this.path(name), `This value must be greater than or equal to ${bounds.min}.`);
    if (bounds.max !== undefined && number > bounds.max)
      throw invalidParam(this.path(name), `This value must be less than or equal to ${bounds.max}.`);
    return number;
  }

  object(name: string): Params | undefined {
    const value = this.values[name];
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string" || Array.isArray(value))
      throw invalidParam(this.path(name), `Invalid object: ${this.path(name)} must be an object.`);
    return new Params(value, this.path(name));
  }

  /** An array of objects (`line_items[0][price]`). */
  objects(name: string): Params[] | undefined {
    const value = this.values[name];
    if (value === undefined || value === "") return undefined;
    if (!Array.isArray(value)) throw invalidParam(this.path(name), `Invalid array: ${this.path(name)} must be an array.`);
    return value.map((item, index) => {
      if (typeof item === "string" || Array.isArray(item))
        throw invalidParam(`${this.path(name)}[${index}]`, `Invalid object: ${this.path(name)}[${index}] must be an object.`);
      return new Params(item, `${this.path(name)}[${index}]`);
    });
  }

  /** An array of strings (`expand[]=a&expand[]=b`); a lone `expand=a` is accepted too. */
  strings(name: string): string[] {
    const value = this.values[name];
    if (value === undefined || value === "") return [];
    if (typeof value === "string") return [value];
    if (!Array.isArray(value)) throw invalidParam(this.path(name), `Invalid array: ${this.path(name)} must be an array.`);
    return value.map((item, index) => {
      if (typeof item !== "string") throw invalidParam(`${this.path(name)}[${index}]`, `Invalid string in ${this.path(name)}.`);
      return item;
    });
  }

  /**
   * Stripe's metadata update rules: `metadata[k]=v` sets, `metadata[k]=` unsets,
   * `metadata=` clears all. Returns the new metadata, or undefined when absent.
   */
  metadata(name: string, current: Record<string, string>): Record<string, string> | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (value === "") return {};
    if (typeof value === "string" || Array.isArray(value))
      throw invalidParam(this.path(name), "Invalid object: metadata must be a hash of string keys to string values.");
    const next: Record<string, string> = { ...current };
    for (const [key, entry] of Object.entries(value)) {
      const param = `${this.path(name)}[${key}]`;
      if (typeof entry !== "string") throw invalidParam(param, "Metadata values must be strings.");
      if (key.length > 40) throw invalidParam(param, "Metadata keys can be at most 40 characters long.");
      if (entry.length > 500) throw invalidParam(param, "Metadata values can be at most 500 characters long.");
      if (entry === "") delete next[key];
      else next[key] = entry;
    }
    if (Object.keys(next).length > 50) throw invalidParam(this.path(name), "Objects can have at most 50 metadata keys.");
    return next;
  }
}
