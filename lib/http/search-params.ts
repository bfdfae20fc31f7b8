// Next hands a page its query string as an object of strings and string arrays;
// the flows that keep their state in the address (the quiz, "my ex reached out")
// read it as URLSearchParams, the same type the browser side uses. Client-safe.

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The page's query as URLSearchParams, repeated keys kept in order. */
export function toSearchParams(sp: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(sp)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}
