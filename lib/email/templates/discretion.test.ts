import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { renderMarkdown } from "@/lib/markdown/render";
import { emailTemplates, type EmailTemplateName, type EmailTemplateParams } from "./index";
import { renderEmail, type RenderedEmail } from "./layout";

// The two promises every email keeps (DESIGN.md, "Email"), checked over the
// whole registry:
//
// 1. No check-in text. Each template is rendered with every string it takes set
//    to something holding a secret, as if a caller had passed check-in text
//    through any parameter. The secret may come back only inside the links it
//    was given (a link is not prose); anywhere else in the subject, the text
//    part or the HTML part, it is a leak.
//
// 2. A neutral inbox. What someone glancing at a shared inbox sees without
//    opening the email, the subject and the preview line (the hidden preheader,
//    else the start of the text), must not say what the app is about: no
//    breakups, exes, no contact, check-ins, coaching, healing or relationships.
//    And the subject never depends on what the caller passes, so no name,
//    count or text of anyone's can reach it. A product name alone ("Dojo", the
//    sender's default name) tells an onlooker nothing, so it is allowed.
//
// Newsletter issues carry the coach's own subject and body: readers asked for
// them, and they are nobody's check-in. Those fields are declared as authored
// below and filled with neutral words the email must carry; everything the
// template adds around them is held to the same rules.

const TELLING = /break ?-?ups?|\bex(es)?\b|no[- ]?contact|check[- ]?ins?\b|coach|heal|relationship|heartbreak|therap|counsel|dating|divorce|dumped/i;

/** Stands in for what a member wrote in a check-in, or what a coach wrote back. */
const secretFor = (n: number) => `qzxSecretCheckinWords${n}`;

interface Case<N extends EmailTemplateName> {
  /** Parameter sets to render, built around the secret; every string in them must hold it, unless authored. */
  params: (secret: string) => EmailTemplateParams<N>[];
  /** Fields that are the coach's published words rather than anyone's private text. */
  authored?: string[];
}

const AUTHORED_SUBJECT = "Letters from the week";
const AUTHORED_BODY = "Short weeks are still weeks. Take the walk anyway.";

const cases: { [N in EmailTemplateName]: Case<N> } = {
  signInLink: { params: (s) => [{ url: `https://dojo.test/signin/verify?token=${s}`, minutes: 10 }] },
  paymentFailed: { params: (s) => [{ billingUrl: `https://dojo.test/account/billing?from=${s}` }] },
  purchaseReady: { params: (s) => [{ url: `https://dojo.test/signin/verify?token=${s}`, minutes: 10, signInUrl: `https://dojo.test/signin?${s}` }] },
  checkinReply: { params: (s) => [{ url: `https://dojo.test/dojo/check-ins/${s}` }] },
  coachDigest: {
    params: (s) => [
      { waiting: 3, urgent: 1, queueUrl: `https://dojo.test/coach/check-ins?${s}` },
      { waiting: 1, urgent: 0, queueUrl: `https://dojo.test/coach/check-ins?${s}` },
    ],
  },
  newsletterConfirm: { params: (s) => [{ confirmUrl: `https://dojo.test/newsletter/confirm?token=${s}`, hours: 48 }] },
  newsletterAlreadySubscribed: { params: (s) => [{ manageUrl: `https://dojo.test/newsletter/manage?token=${s}` }] },
  newsletterIssue: {
    authored: ["subject", "bodyHtml", "bodyMd"],
    params: (s) =>
      [false, true].map((test) => ({
        subject: AUTHORED_SUBJECT,
        bodyHtml: renderMarkdown(AUTHORED_BODY),
        bodyMd: AUTHORED_BODY,
        manageUrl: `https://dojo.test/newsletter/manage?token=${s}`,
        unsubscribeUrl: `https://dojo.test/newsletter/unsubscribe?token=${s}`,
        siteUrl: `https://dojo.test/${s}`,
        test,
      })),
  },
};

/** Every string in the params, by field name, so a case cannot leave a text field without the secret. */
function stringFields(params: object): [string, string][] {
  return Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string");
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The inbox preview: the hidden preheader when there is one, else the start of the text part. */
function inboxPreview(mail: RenderedEmail): string {
  const preheader = /<div style="display:none[^"]*">([^<]*)<\/div>/.exec(mail.html)?.[1];
  return `${preheader ?? ""} ${mail.text.slice(0, 140)}`;
}

/** What is wrong with one rendered email, in words; empty when it is discreet. */
function problems(mail: RenderedEmail, params: object, secret: string, authored: string[] = []): string[] {
  const found: string[] = [];
  const links = stringFields(params)
    .filter(([k, v]) => !authored.includes(k) && /^https?:\/\//.test(v))
    .flatMap(([, v]) => [v, new URL(v).toString()])
    .flatMap((v) => [v, escapeHtml(v)])
    .sort((a, b) => b.length - a.length);
  const withoutLinks = (s: string) => links.reduce((acc, link) => acc.split(link).join(""), s);
  if (mail.subject.includes(secret)) found.push("the subject carries the secret");
  if (withoutLinks(mail.text).includes(secret)) found.push("the text part carries the secret outside a link");
  if (withoutLinks(mail.html).includes(secret)) found.push("the HTML part carries the secret outside a link");
  const telling = (where: string, s: string) => {
    const m = TELLING.exec(withoutLinks(s));
    if (m) found.push(`${where} says “${m[0]}”`);
  };
  telling("the subject", mail.subject);
  telling("the preview", inboxPreview({ ...mail, text: withoutLinks(mail.text), html: withoutLinks(mail.html) }));
  return found;
}

describe("every email template", () => {
  it("has a case here, and every template module's templates are in the registry", async () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(emailTemplates).sort());
    // A template written but not registered would escape this test: look at what the template files export.
    const registered = new Set<unknown>(Object.values(emailTemplates));
    const dir = import.meta.dirname;
    const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts" && f !== "layout.ts");
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      const exported = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (typeof value === "function" && name.endsWith("Email")) expect(registered.has(value), `${file}: ${name} is not in emailTemplates`).toBe(true);
      }
    }
  });

  for (const name of Object.keys(emailTemplates) as EmailTemplateName[]) {
    describe(name, () => {
      const render = emailTemplates[name] as (p: object) => RenderedEmail;
      const testCase = cases[name] as Case<EmailTemplateName> | undefined;
      const authored = testCase?.authored ?? [];

      it("has a case that puts the secret in every string it takes", () => {
        expect(testCase, `add a case for ${name} in discretion.test.ts`).toBeDefined();
        const sets = testCase?.params(secretFor(1)) ?? [];
        expect(sets.length).toBeGreaterThan(0);
        for (const params of sets) {
          for (const [field, value] of stringFields(params)) {
            if (!authored.includes(field)) expect(value, `${name}.${field}`).toContain(secretFor(1));
          }
        }
      });

      it("never carries check-in text, and shows the inbox nothing telling", () => {
        for (const params of testCase?.params(secretFor(1)) ?? []) {
          expect(problems(render(params), params, secretFor(1), authored)).toEqual([]);
        }
      });

      it("writes the same subject whatever it is given", () => {
        const [a, b] = [secretFor(1), secretFor(2)].map((s) => (testCase?.params(s) ?? []).map((p) => render(p).subject));
        expect(a).toEqual(b);
      });

      if (authored.length > 0) {
        it("carries the coach's own words, which are what the reader asked for", () => {
          for (const params of testCase?.params(secretFor(1)) ?? []) {
            const mail = render(params);
            expect(mail.subject).toContain(AUTHORED_SUBJECT);
            expect(mail.text).toContain(AUTHORED_BODY);
            expect(mail.html).toContain(AUTHORED_BODY);
          }
        });
      }
    });
  }
});

describe("email composition", () => {
  it("happens only in the templates folder", () => {
    // renderEmail is how an email's words become an email; anywhere else it would escape this test.
    const root = path.resolve(import.meta.dirname, "../../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && readFileSync(full, "utf8").includes("renderEmail")) offenders.push(path.relative(root, full));
      }
    };
    for (const top of ["app", "lib"]) walk(path.join(root, top));
    expect(offenders.filter((f) => !f.startsWith(path.join("lib", "email", "templates") + path.sep))).toEqual([]);
  });
});

describe("the discretion check itself", () => {
  const secret = secretFor(9);
  const url = `https://dojo.test/x/${secret}`;

  it("catches check-in text in the body, even when the link is allowed", () => {
    const note = `I texted them again ${secret}`;
    const leaky = { subject: "Your sign-in link", ...renderEmail({ heading: "Hello", paragraphs: [note], button: { label: "Open", url } }) };
    expect(problems(leaky, { url, note }, secret)).toEqual(["the text part carries the secret outside a link", "the HTML part carries the secret outside a link"]);
    const discreet = { subject: "Your sign-in link", ...renderEmail({ heading: "Hello", paragraphs: ["Something is waiting."], button: { label: "Open", url } }) };
    expect(problems(discreet, { url, note }, secret)).toEqual([]);
  });

  it("catches a telling subject or preview line, and a subject with the caller's text in it", () => {
    const telling = { subject: "Your coach replied to your check-in", ...renderEmail({ heading: "Day 12 of no contact", paragraphs: ["x"] }) };
    expect(problems(telling, {}, secret)).toEqual(["the subject says “coach”", "the preview says “no contact”"]);
    const withText = { subject: `Re: ${secret}`, ...renderEmail({ heading: "Hi", paragraphs: ["x"] }) };
    expect(problems(withText, {}, secret)).toContain("the subject carries the secret");
  });

});

describe("the sender", () => {
  it("has a neutral name by default", () => {
    const { EMAIL_FROM } = parseEnv({ NODE_ENV: "test" });
    expect(EMAIL_FROM).not.toMatch(TELLING);
  });
});
