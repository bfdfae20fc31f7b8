// The Docker image, without a Docker engine: the Dockerfile is read into its
// stages (harness/dockerfile.ts), its build stage's commands run in a copy of
// the repository with that stage's environment, its app stage's files are laid
// out as its COPY lines say, and its CMD runs with its ENV — beside its worker
// target's CMD, on PostgreSQL, with WORKERS=off as the image sets. Then a
// member and a coach use it. The Dockerfile's and compose.yaml's commands are
// checked against package.json and the repository, so they cannot drift.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SERVER_NODE_FLAGS } from "../scripts/next-start.mjs";
import { runToEnd } from "../scripts/lib/procs";
import { copyTree, type TreeCopy } from "../scripts/lib/snapshot";
import { parseDockerfile, type Stage } from "./harness/dockerfile";
import { Browser } from "./harness/http";
import { checkinFields, sentCheckinId, submissionOf } from "./harness/checkins";
import { actionNamed, appRoutes } from "./harness/routes";
import { enginesToTest, REPO } from "./harness/stack";
import { signInLink } from "./harness/wait";
import { stackWithWorld } from "./harness/world";

const stages = parseDockerfile(fs.readFileSync(path.join(REPO, "Dockerfile"), "utf8"));
const scripts = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const compose = parseYaml(fs.readFileSync(path.join(REPO, "compose.yaml"), "utf8")) as {
  services: Record<string, { command?: string[]; build?: { target?: string }; environment?: Record<string, string> }>;
};

function stageNamed(name: string): Stage {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage ${name}`);
  return found;
}

/** `npm run x` → x; `npm ci …` → "ci"; anything else → null. */
function npmScript(command: string): string | null {
  const m = /^npm (?:run (\S+)|(ci)\b)/.exec(command);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** A package.json script that runs `node …` (or tsx), as argv. */
function scriptArgv(name: string): string[] {
  const script = scripts[name];
  if (!script) throw new Error(`package.json has no script ${name}`);
  return script.split(/\s+/);
}

describe("the Dockerfile and compose.yaml agree with the repository", () => {
  it("builds with package.json's own commands and ships what the server reads at run time", () => {
    const build = stageNamed("build");
    expect(build.runs.map(npmScript)).toEqual(["build"]);
    expect(build.env.BUILD_STANDALONE).toBe("1");
    expect(stageNamed("deps").runs.map(npmScript)).toEqual(["ci"]);
    const app = stageNamed("app");
    // The server finds its migrations and the seeded curriculum under its working directory.
    expect(app.copies.map((c) => c.src)).toEqual(expect.arrayContaining(["/app/.next/standalone", "/app/.next/static", "/app/drizzle", "/app/content"]));
    for (const c of app.copies.filter((x) => !x.src.startsWith("/app/.next"))) expect(fs.existsSync(path.join(REPO, c.src.replace(/^\/app\//, ""))), c.src).toBe(true);
  });

  it("starts the server as npm start does, with the same V8 flags, as a user without root, checked by /api/health", () => {
    const app = stageNamed("app");
    expect(app.cmd).toEqual(["node", ...SERVER_NODE_FLAGS, "server.js"]);
    expect(app.user).toBe("node");
    expect(app.env.WORKERS).toBe("off");
    expect(app.healthcheck?.join(" ")).toContain("/api/health");
    expect(appRoutes().some((r) => r.pattern === "/api/health" && r.kind === "route")).toBe(true);
  });

  it("starts the worker with package.json's worker command", () => {
    const worker = stageNamed("worker");
    expect(worker.cmd).toEqual(scriptArgv("worker"));
    expect(worker.user).toBe("node");
  });

  it("compose.yaml runs migrations once, the app with WORKERS=off, the worker, and dev stand-ins that exist", () => {
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual(["app", "db", "migrate", "smtp-sink", "stripe", "worker"]);
    for (const [name, service] of Object.entries(s)) {
      const command = service.command?.join(" ") ?? "";
      const npm = npmScript(command);
      if (npm) expect(scripts[npm], `${name}: npm run ${npm}`).toBeDefined();
      const file = /--import tsx (\S+)/.exec(command)?.[1];
      if (file) expect(fs.existsSync(path.join(REPO, file)), `${name}: ${file}`).toBe(true);
      if (service.build?.target) expect(stages.map((x) => x.name), name).toContain(service.build.target);
    }
    expect(s.migrate?.command).toEqual(["npm", "run", "db:migrate"]);
    expect(s.app?.environment?.WORKERS).toBe("off");
  });
});

describe.runIf(enginesToTest().includes("postgres"))("the image's app and worker, run as the Dockerfile says, on postgres", () => {
  let tree: TreeCopy | undefined;
  let runtime = "";

  beforeAll(async () => {
    // The build stage: the repository copied in (COPY . .), node_modules from `npm ci` (here: the installed
    // one, hard-linked), then its RUN commands with its ENV.
    tree = copyTree(REPO, "dojo-image-");
    const build = stageNamed("build");
    for (const command of build.runs) {
      const [cmd = "", ...args] = command.split(/\s+/);
      // NODE_ENV as in the image's build stage (unset there; `next build` means production), not the test runner's.
      await runToEnd("image-build", cmd, args, { cwd: tree.dir, env: { NODE_ENV: "production", ...build.env } });
    }
    // The app stage's file layout, from its COPY --from=build lines.
    runtime = path.join(tree.dir, ".image-app");
    for (const c of stageNamed("app").copies) {
      if (c.from !== "build") throw new Error(`the app stage copies from ${c.from}: teach this test`);
      const src = path.join(tree.dir, c.src.replace(/^\/app\/?/, ""));
      const dest = path.join(runtime, c.dest.replace(/^\.\/?/, ""));
      fs.cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
    }
  }, 600_000);
  afterAll(() => tree?.remove());

  const app = stageNamed("app");
  const worker = stageNamed("worker");
  const [appCmd = "", ...appArgs] = app.cmd ?? [];
  const [workerCmd = "", ...workerArgs] = worker.cmd ?? [];
  const ctx = stackWithWorld("postgres", {
    workers: 1,
    server: (port) => ({ cwd: runtime, cmd: appCmd === "node" ? process.execPath : appCmd, args: appArgs, env: { ...app.env, PORT: String(port) } }),
    worker: () => ({ cwd: tree?.dir ?? "", cmd: workerCmd === "node" ? process.execPath : workerCmd, args: workerArgs, env: { ...worker.env } }),
  });

  it("is the standalone server, alive, ready, and serving its own static files", async () => {
    expect(ctx.stack.instances[0]?.proc.tail()).toMatch(/WORKERS=off/);
    const anonymous = new Browser(ctx.stack.url);
    expect((await anonymous.get("/api/health")).status).toBe(200);
    const ready = await anonymous.get("/api/ready");
    expect(JSON.parse(ready.text)).toEqual({ status: "ok", db: "postgres" });
    const home = await anonymous.get("/");
    expect(home.status).toBe(200);
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(home.text)?.[1];
    expect(css, "the home page links its stylesheet").toBeDefined();
    expect((await anonymous.get(css ?? "")).status).toBe(200);
  });

  it("signs a visitor in with a link the worker emails, and takes a member's check-in", async () => {
    const email = `image-${Date.now()}@outside.example`;
    const visitor = new Browser(ctx.stack.url);
    expect((await visitor.postJson("/api/auth/email-link", { email })).status).toBe(202);
    // The app runs no background work (WORKERS=off): the email arrives only because the worker sent it.
    const link = await signInLink(ctx.stack.sinkUrl, email);
    await visitor.request(`/api/auth/callback/nodemailer${link.search}`, { method: "POST" });
    expect((await visitor.get("/account")).status).toBe(200);

    const member = ctx.world.browser("memberB", ctx.stack.url);
    const form = await member.get("/dojo/check-ins/new");
    const submission = submissionOf(form.text) ?? "";
    const submit = actionNamed("submitCheckinAction", runtime);
    const sent = await member.action("/dojo/check-ins/new", submit.id, checkinFields(submission, "Written in the image", 4));
    expect(sentCheckinId(sent.redirect), sent.redirect ?? "no redirect").toBeDefined();
    expect((await member.get(sent.redirect ?? "")).text).toContain("Written in the image");
  });
});
