import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS, nextStartArgs } from "./next-start.mjs";

describe("the production start command", () => {
  it("npm start runs the server with the same V8 flags as the e2e stack and the benchmark", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(["node", ...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start"].join(" "));
  });
  it("puts the flags before the script and the port after it", () => {
    expect(nextStartArgs(4000)).toEqual([...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", "4000", "-H", "127.0.0.1"]);
  });
});
