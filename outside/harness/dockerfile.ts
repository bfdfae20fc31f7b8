// Reads the repository's Dockerfile into stages, so a test can run exactly the
// commands, environment and file layout the image would have, without a Docker
// engine. Handles the instructions the Dockerfile uses (FROM … AS, WORKDIR, ENV,
// COPY [--from] [--chown], RUN, USER, EXPOSE, HEALTHCHECK … CMD, CMD in exec
// form) and refuses anything else, so a new instruction is a test failure rather
// than something silently skipped.

export interface Stage {
  name: string;
  from: string;
  workdir: string;
  env: Record<string, string>;
  runs: string[];
  copies: { from: string | null; src: string; dest: string }[];
  user: string | null;
  cmd: string[] | null;
  healthcheck: string[] | null;
}

/** Joins continuation lines and drops comments. */
function instructions(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (current === "" && (line.trim() === "" || line.trim().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    out.push((current + line.trim()).trim());
    current = "";
  }
  return out;
}

/** ENV a=1 b="two words": the pairs. */
function envPairs(rest: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S*)/g)) pairs[m[1] ?? ""] = m[3] ?? m[2] ?? "";
  return pairs;
}

function execForm(rest: string, what: string): string[] {
  const parsed: unknown = JSON.parse(rest);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === "string")) throw new Error(`${what} must be in exec form (a JSON array): ${rest}`);
  return parsed;
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const stage = () => {
    const s = stages.at(-1);
    if (!s) throw new Error("an instruction before the first FROM");
    return s;
  };
  for (const line of instructions(text)) {
    const [keyword = "", ...restParts] = line.split(" ");
    const rest = restParts.join(" ").trim();
    switch (keyword.toUpperCase()) {
      case "FROM": {
        const m = /^(\S+)\s+AS\s+(\S+)$/i.exec(rest);
        if (!m) throw new Error(`every stage needs a name: FROM ${rest}`);
        const base = stages.find((s) => s.name === m[1]);
        stages.push({
          name: m[2] ?? "",
          from: m[1] ?? "",
          workdir: base?.workdir ?? "/",
          env: { ...base?.env },
          runs: [],
          copies: [],
          user: base?.user ?? null,
          cmd: null,
          healthcheck: null,
        });
        break;
      }
      case "WORKDIR":
        stage().workdir = rest;
        break;
      case "ENV":
        Object.assign(stage().env, envPairs(rest));
        break;
      case "RUN":
        stage().runs.push(rest);
        break;
      case "USER":
        stage().user = rest;
        break;
      case "COPY": {
        const words = rest.split(/\s+/);
        const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length) ?? null;
        const paths = words.filter((w) => !w.startsWith("--"));
        const dest = paths.pop() ?? "";
        for (const src of paths) stage().copies.push({ from, src, dest });
        break;
      }
      case "CMD":
        stage().cmd = execForm(rest, "CMD");
        break;
      case "HEALTHCHECK": {
        const at = rest.indexOf("CMD ");
        if (at < 0) throw new Error(`HEALTHCHECK without CMD: ${rest}`);
        stage().healthcheck = execForm(rest.slice(at + 4), "HEALTHCHECK CMD");
        break;
      }
      case "EXPOSE":
        break;
      default:
        throw new Error(`outside/harness/dockerfile.ts does not know ${keyword}: teach it, so the image test runs what the image runs`);
    }
  }
  return stages;
}
