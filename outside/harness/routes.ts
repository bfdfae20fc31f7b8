// Every way into the app, found at test time rather than listed by hand: pages
// and route handlers from the files under app/, server actions from the
// production build's action manifest (each with the page that serves it).
// A route or action added tomorrow shows up here without anyone remembering to.
import fs from "node:fs";
import path from "node:path";
import { REPO } from "./stack";

export interface Route {
  /** The URL pattern, e.g. /dojo/check-ins/[id]. */
  pattern: string;
  kind: "page" | "route";
  /** The file it comes from, relative to app/. */
  file: string;
  /** HTTP methods a route handler exports (pages answer GET). */
  methods: string[];
}

export interface ServerAction {
  id: string;
  /** e.g. app/(dojo)/dojo/check-ins/actions.ts */
  filename: string;
  exportedName: string;
  /** `filename#exportedName`, without the leading app/. */
  key: string;
  /** URL patterns of the pages whose bundles carry the action. */
  pages: string[];
  /** The first of `pages`, the one a test posts to. */
  page: string;
}

const APP = path.join(REPO, "app");

/** `(group)` folders are not part of the URL; `_private` folders are not routes. */
function urlOf(dirParts: string[]): string {
  const parts = dirParts.filter((p) => !/^\(.*\)$/.test(p));
  return "/" + parts.join("/");
}

function walk(dir: string, parts: string[] = []): Route[] {
  const out: Route[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue;
      out.push(...walk(path.join(dir, entry.name), [...parts, entry.name]));
      continue;
    }
    const file = path.join(...parts, entry.name);
    if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) out.push({ pattern: urlOf(parts), kind: "page", file, methods: ["GET"] });
    if (/^route\.(ts|js)$/.test(entry.name)) {
      const text = fs.readFileSync(path.join(dir, entry.name), "utf8");
      const methods = [...text.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1] ?? "");
      const reexported = [...text.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => (m[1] ?? "").split(",").map((s) => s.trim().split(/\s+as\s+/).pop() ?? ""));
      const all = [...new Set([...methods, ...reexported.filter((m) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(m))])];
      out.push({ pattern: urlOf(parts), kind: "route", file, methods: all });
    }
  }
  return out;
}

/** Every page and route handler under app/, sorted by URL. */
export function appRoutes(): Route[] {
  return walk(APP).sort((a, b) => a.pattern.localeCompare(b.pattern) || a.kind.localeCompare(b.kind));
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

/** Every server action in the production build (the repository's, or the one under `root`), with the pages that serve it. */
export function serverActions(root = REPO): ServerAction[] {
  const manifestFile = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const pages = Object.keys(entry.workers)
        .filter((w) => w.endsWith("/page"))
        .map((w) => urlOf(w.replace(/^app\//, "").replace(/\/page$/, "").split("/")))
        .sort((a, b) => a.length - b.length || a.localeCompare(b));
      return {
        id,
        filename: entry.filename,
        exportedName: entry.exportedName,
        key: `${entry.filename.replace(/^app\//, "")}#${entry.exportedName}`,
        pages,
        page: pages[0] ?? "/",
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The server action exported as `name` (from the repository's build, or the one under `root`). */
export function actionNamed(name: string, root = REPO): ServerAction {
  const found = serverActions(root).find((a) => a.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

/** A pattern with its dynamic segments filled in: fill("/dojo/check-ins/[id]", { id }) → /dojo/check-ins/<id>. */
export function fill(pattern: string, params: Record<string, string>): string {
  // An optional catch-all ([[...name]]) takes its value when there is one, and is left out otherwise.
  const withOptional = pattern.replace(/\/\[\[\.\.\.([^\]]+)\]\]/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? "" : `/${encodeURIComponent(value)}`;
  });
  return withOptional.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(value);
  });
}
