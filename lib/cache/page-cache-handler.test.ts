import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { shareable } from "./page-cache-handler.mjs";

describe("the page cache's shared invalidations", () => {
  it("shares data tags and public pages, and leaves out the private pages that are never cached", () => {
    expect(shareable(["articles", "_N_T_/articles", "_N_T_/articles/does-no-contact-really-work", "_N_T_/newsletter/archive", "_N_T_/pricing"])).toEqual([
      "articles",
      "_N_T_/articles",
      "_N_T_/articles/does-no-contact-really-work",
      "_N_T_/newsletter/archive",
      "_N_T_/pricing",
    ]);
    expect(shareable(["_N_T_/dojo", "_N_T_/dojo/check-ins", "_N_T_/coach/articles/3", "_N_T_/account", "_N_T_/join"])).toEqual([]);
    // A public path that merely starts with the same letters is still shared.
    expect(shareable(["_N_T_/dojox", "_N_T_/joinus"])).toEqual(["_N_T_/dojox", "_N_T_/joinus"]);
  });

  it("treats every private area proxy.ts renders per request as private", () => {
    const privateSources = config.matcher.map((m) => m.source).filter((s) => !s.includes("(") && s !== "/signin/verify");
    for (const source of privateSources) {
      const path = source.replace("/:path*", "");
      expect(shareable([`_N_T_${path}`, `_N_T_${path}/x`]), path).toEqual([]);
    }
  });
});
