import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

// Every spec imports `test` from here (through ./fixtures): each page of the app a
// test opens, in its own context or in one it makes with browser.newContext(), is
// watched for Content-Security-Policy violations, and every HTML page the app
// serves must carry a policy. A normal journey that trips the policy fails its test.

/** Records violations where tests can read them (window.__cspViolations) and tells the console, which the guard reads. */
function watchViolations() {
  const seen: string[] = [];
  Object.defineProperty(window, "__cspViolations", { value: seen });
  document.addEventListener("securitypolicyviolation", (e) => {
    const line = `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.href}:${e.lineNumber}`;
    seen.push(line);
    console.error(`[csp-violation] ${line}`);
  });
}

export interface CspGuard {
  /** Violations seen so far in this test, on any watched page. */
  readonly violations: string[];
  /** Violations matching this are the test's own doing (it injects on purpose) and do not fail it. */
  expect(pattern: RegExp): void;
}

export const test = base.extend<{ cspGuard: CspGuard }>({
  cspGuard: [
    async ({ context, browser, baseURL }, use) => {
      const violations: string[] = [];
      const expected: RegExp[] = [];
      const missingPolicy: string[] = [];
      const watch = async (ctx: BrowserContext) => {
        await ctx.addInitScript(watchViolations);
        ctx.on("console", (msg) => {
          const text = msg.text();
          if (text.startsWith("[csp-violation]") || (msg.type() === "error" && text.includes("Content Security Policy"))) {
            violations.push(`${msg.page()?.url() ?? "?"}: ${text}`);
          }
        });
        ctx.on("response", (res) => {
          const html = res.headers()["content-type"]?.startsWith("text/html");
          if (res.request().resourceType() === "document" && res.url().startsWith(baseURL ?? "") && res.status() === 200 && html) {
            if (!res.headers()["content-security-policy"]) missingPolicy.push(res.url());
          }
        });
      };
      await watch(context);
      // Contexts a test makes itself (a coach beside a member) are watched too.
      const original = browser.newContext;
      const patched: Browser["newContext"] = async (options) => {
        const ctx = await original.call(browser, options);
        await watch(ctx);
        return ctx;
      };
      browser.newContext = patched;
      // Playwright returns from use() when the test ends, failed or not.
      await use({ violations, expect: (pattern) => expected.push(pattern) });
      browser.newContext = original;
      const unexpected = violations.filter((v) => !expected.some((p) => p.test(v)));
      expect(unexpected, "Content-Security-Policy violations on this test's pages").toEqual([]);
      expect(missingPolicy, "HTML pages served without a Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
