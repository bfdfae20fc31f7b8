// An HTTP client that behaves like a browser where it matters to the server:
// it keeps cookies, sends Origin on writes, never follows redirects on its own
// (tests look at them), and calls server actions the way React's client does:
// POST to the page with a `Next-Action` header and a body from React's own
// `encodeReply`, so the server cannot tell it from a real form submission.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** `location` for redirects (plain or a server action's `x-action-redirect`). */
  redirect: string | null;
}

export interface ActionAnswer extends Answer {
  /** The value the action returned (its ActionState), when the response carried one. */
  result: unknown;
}

export class Browser {
  private cookies = new Map<string, string>();

  constructor(
    public base: string,
    cookies: Record<string, string> = {},
  ) {
    for (const [k, v] of Object.entries(cookies)) this.cookies.set(k, v);
  }

  /** The same cookies against another instance of the app. */
  on(base: string): Browser {
    return new Browser(base, Object.fromEntries(this.cookies));
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Answer> {
    const url = new URL(path, this.base);
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.cookieHeader())) headers.set(k, v);
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", new URL(this.base).origin);
    const res = await fetch(url, { ...init, headers, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(30_000) });
    this.keep(res);
    const text = await res.text();
    const redirect = res.headers.get("x-action-redirect")?.split(";")[0] ?? res.headers.get("location");
    return { status: res.status, headers: res.headers, text, redirect };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request(path, { headers });
  }

  postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });
  }

  /**
   * Calls server action `actionId` from `page` as a `useActionState` form does:
   * arguments (previous state, the form's fields). `args` replaces them for
   * actions called another way.
   */
  async action(page: string, actionId: string, fields: Record<string, string | string[]>, args?: unknown[]): Promise<ActionAnswer> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    const body = await encodeReply(args ?? [{ ok: false }, form]);
    const answer = await this.request(page, {
      method: "POST",
      body,
      headers: { accept: "text/x-component", "next-action": actionId },
    });
    return { ...answer, result: actionResult(answer.text) };
  }
}

/**
 * The action's return value from a React Server Components response: rows are
 * `id:json`, the root row (0) names the result's row as `"a":"$@<id>"`.
 */
export function actionResult(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) rows.set(m[1], m[2]);
  }
  const parse = (s: string | undefined) => {
    if (s === undefined) return undefined;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return undefined;
    }
  };
  const root = parse(rows.get("0")) as { a?: unknown } | undefined;
  if (!root || !("a" in root)) return undefined;
  const ref = root.a;
  if (typeof ref === "string" && ref.startsWith("$@")) return parse(rows.get(ref.slice(2)));
  return ref;
}
