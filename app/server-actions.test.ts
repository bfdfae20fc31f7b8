// Every server action is a public POST endpoint. This lists all of them from the
// files under app/ and fails for any that was not built through the action layer
// (lib/actions/client.ts), or whose level is below what its part of the site needs.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionAccess, type Access } from "@/lib/actions/client";

const appDir = path.resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// A directive is the first statement of a file (after comments) or of a function body.
const fileDirective = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use server["']/;
const anyDirective = /["']use server["']\s*;?\s*\n/g;

const files = sourceFiles(appDir).map((file) => ({ file, rel: path.relative(appDir, file), text: fs.readFileSync(file, "utf8") }));
const actionFiles = files.filter((f) => fileDirective.test(f.text));

// The least each part of the site may use: members' pages act for a signed-in person, the console for coaches.
const floor: [RegExp, Access[]][] = [
  [/^\(coach\)\//, ["coach", "admin"]],
  [/^\(dojo\)\//, ["member", "dojo", "coach", "admin"]],
  [/^\(public\)\/signin\//, ["public"]],
  [/^\(public\)\/newsletter\//, ["public"]],
];
// Actions that need no session by design, each with its reason.
const publicByDesign: Record<string, string> = {
  "(dojo)/account/actions.ts#signOutAction": "signing out must work even when the session has already ended",
  "(dojo)/billing/buy/actions.ts#buyProductAction": "a product can be bought without an account: the buyer gives an email, and a sign-in link delivers it",
};

describe("server actions", () => {
  it("finds the action files (the scan itself works)", () => {
    expect(actionFiles.map((f) => f.rel)).toContain(path.join("(coach)", "coach", "check-ins", "actions.ts"));
    expect(actionFiles.length).toBeGreaterThanOrEqual(9);
  });

  it("are only declared in their own files: no inline 'use server' inside a component", () => {
    const inline = files.filter((f) => (f.text.match(anyDirective) ?? []).length > (fileDirective.test(f.text) ? 1 : 0)).map((f) => f.rel);
    expect(inline).toEqual([]);
  });

  it.each(actionFiles.map((f) => [f.rel, f.file] as const))("in %s: every export is built through the action layer at the right level", async (rel, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const exported = Object.entries(mod);
    expect(exported.length).toBeGreaterThan(0);
    const rule = floor.find(([pattern]) => pattern.test(rel));
    for (const [name, value] of exported) {
      const access = actionAccess(value);
      expect(access, `${rel}#${name} is not built through lib/actions/client.ts`).toBeDefined();
      if (!rule || !access) continue;
      const allowed = rule[1].includes(access) || (access === "public" && `${rel}#${name}` in publicByDesign);
      expect(allowed, `${rel}#${name} is a ${access} action; this part of the site needs ${rule[1].join(" or ")}`).toBe(true);
    }
  });
});
