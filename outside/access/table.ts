// What each role may do, in one place. The access test walks every page and
// route handler under app/ and every server action in the build, and fails for
// any that has no row here: a new route is a decision, not an accident.
//
// Signed-out visitors are sent to sign in (a private page is not a secret);
// signed-in people without the right to a record or a console get "not found",
// exactly as if it did not exist.
import type { Role } from "../harness/world";

export type PageOutcome =
  | { status: 200 }
  | { status: 404 }
  | { status: 405 }
  | { redirect: RegExp };

const ok = { status: 200 } as const;
const notFound = { status: 404 } as const;
const getNotAllowed = { status: 405 } as const;
const toSignIn = { redirect: /^\/signin\?callbackUrl=%2F/ };
const toPricing = { redirect: /^\/pricing\?from=dojo/ };
const toDojo = { redirect: /^\/dojo(\?|$)/ };
const toManage = { redirect: /^\/newsletter\/manage\?/ };

type Row = Record<Role, PageOutcome>;
const everyone = (o: PageOutcome): Row => ({ anonymous: o, memberA: o, memberB: o, lapsed: o, coach: o, admin: o });
/** Any signed-in person: their own account, their own check-ins. */
const signedIn: Row = { ...everyone(ok), anonymous: toSignIn };
/** Paying members only: coaches without a membership are sent to pricing like anyone else. */
const dojo: Row = { anonymous: toSignIn, memberA: ok, memberB: ok, lapsed: toPricing, coach: toPricing, admin: toPricing };
const console_: Row = { anonymous: toSignIn, memberA: notFound, memberB: notFound, lapsed: notFound, coach: ok, admin: ok };

/**
 * GET of every page and route handler, by URL pattern. Dynamic segments are
 * filled with member A's records and the coach console's (see access.test.ts),
 * so "memberB: 404" on a check-in means B asked for A's.
 */
export const pages: Record<string, Row> = {
  "/": everyone(ok),
  "/help": everyone(ok),
  "/pricing/[[...notice]]": everyone(ok), // plain /pricing
  "/pricing/result/[token]": everyone(ok), // pricing for a visitor carrying a quiz result: join links carry its token
  "/quiz": everyone(ok),
  "/ex-reached-out": everyone(ok), // public and anonymous: no database, nothing stored
  "/quiz/step": everyone(ok), // the quiz without JavaScript, one request per answered step
  "/quiz/result/[token]": everyone(notFound), // an unknown token
  "/quiz/complete": everyone(getNotAllowed), // POST only
  "/signin": { ...everyone(toDojo), anonymous: ok },
  "/signin/error": everyone(ok),
  "/signin/sent": everyone(ok),
  "/signin/verify": everyone(ok),
  "/newsletter": everyone(ok),
  "/newsletter/archive/[[...slug]]": everyone(notFound), // the world's issue is a draft: unpublished is not found
  "/newsletter/confirm": everyone(ok),
  "/newsletter/manage": everyone(ok),
  "/newsletter/unsubscribe": everyone(toManage),
  "/articles/index/[[...page]]": everyone(ok), // /articles (rewritten there)
  "/articles/[slug]": everyone(ok), // the seeded, published article
  "/articles/feed.xml": everyone(ok),
  "/products/index/[[...page]]": everyone(ok), // /products (rewritten there)
  "/products/[slug]": everyone(ok), // the seeded, published workbook
  // The step before Stripe: anyone may buy (signed out, by email).
  "/billing/buy/[slug]": everyone(ok),
  // Back from Stripe: without a real session id there is nothing to confirm.
  "/billing/products/done": everyone(notFound),
  "/dev/mailbox": everyone(notFound), // development only
  "/api/health": everyone(ok),
  "/api/ready": everyone(ok),
  "/api/auth/[...nextauth]": everyone(ok), // Auth.js's session endpoint answers everyone (null when signed out)
  "/api/auth/email-link": everyone(getNotAllowed),
  "/api/quiz": everyone(ok),
  "/api/quiz/events": everyone(getNotAllowed),
  "/api/quiz/responses": everyone(getNotAllowed),
  "/api/stripe/webhook": everyone(getNotAllowed),
  "/api/newsletter/issues/[id]/progress": { ...console_, anonymous: notFound },
  // Without ?plan= there is nothing to join (with one it starts a Checkout: the billing journeys in e2e/).
  "/join": { ...everyone(notFound), anonymous: toSignIn },
  "/billing/success": { anonymous: toSignIn, memberA: toDojo, memberB: toDojo, lapsed: ok, coach: ok, admin: ok },
  "/account": signedIn,
  "/account/billing": signedIn,
  "/account/export": signedIn,
  "/account/library": signedIn,
  // Nobody in the world owns a product that includes the lesson: not found, like any record not yours.
  "/account/library/lessons/[slug]": { ...everyone(notFound), anonymous: toSignIn },
  // Without a signed link's fields: back to the library, which says the link isn't valid.
  "/account/library/download": { ...everyone({ redirect: /^\/account\/library\?notice=invalid/ }), anonymous: toSignIn },
  "/dojo": dojo,
  "/dojo/search": dojo,
  "/dojo/ex-reached-out": dojo,
  "/dojo/lessons/[slug]": dojo,
  "/dojo/letters/[slug]": { ...everyone(notFound), anonymous: toSignIn }, // the world has no letter that went out
  "/dojo/check-ins": signedIn,
  "/dojo/check-ins/new": signedIn,
  "/dojo/check-ins/export": signedIn,
  // A's check-in: only A. Coaches read it in the console, not here.
  "/dojo/check-ins/[id]": { anonymous: toSignIn, memberA: ok, memberB: notFound, lapsed: notFound, coach: notFound, admin: notFound },
  "/coach": console_, // the dashboard; its money section is drawn for admins only (lib/dashboard/dashboard.test.ts)
  "/coach/export": console_, // ?table=funnel (below): the dashboard's coach tables as CSV
  "/coach/export/money": { ...console_, coach: notFound }, // ?table=mrr: money tables, admins only
  "/coach/check-ins": console_,
  "/coach/check-ins/[id]": console_,
  "/coach/lessons": console_,
  "/coach/lessons/[id]": console_,
  "/coach/articles": console_,
  "/coach/articles/[id]": console_,
  "/coach/products": console_,
  "/coach/products/[id]": console_,
  // Uploads are a form POST; a GET is not allowed.
  "/api/coach/products/[id]/files": everyone(getNotAllowed),
  "/coach/members": console_,
  "/coach/newsletter": console_,
  "/coach/newsletter/new": console_,
  "/coach/newsletter/[id]": console_,
  "/coach/newsletter/subscribers": console_,
  "/coach/newsletter/subscribers/export": console_,
};

/** Query strings a page needs to be itself. */
export const queries: Record<string, string> = {
  "/coach/export": "?table=funnel&days=30",
  "/coach/export/money": "?table=mrr&days=30",
};

export type Level = "public" | "member" | "dojo" | "coach" | "admin";

/** Every server action by `file#export` (under app/), with the least a caller must be. */
export const actions: Record<string, Level> = {
  "(public)/signin/actions.ts#requestLinkAction": "public",
  "(public)/newsletter/actions.ts#signupAction": "public",
  "(public)/newsletter/actions.ts#confirmAction": "public",
  "(public)/newsletter/actions.ts#unsubscribeAction": "public",
  "(public)/newsletter/actions.ts#resubscribeAction": "public",
  "(dojo)/account/actions.ts#signOutAction": "public",
  "(dojo)/account/actions.ts#signOutEverywhereAction": "member",
  "(dojo)/account/actions.ts#manageBillingAction": "member",
  "(dojo)/account/actions.ts#deleteAccountAction": "member",
  "(dojo)/account/actions.ts#setNewsletterAction": "member",
  "(dojo)/join/actions.ts#continueToCheckout": "member",
  "(dojo)/dojo/check-ins/actions.ts#deleteCheckinAction": "member",
  "(dojo)/dojo/actions.ts#markLessonAction": "dojo",
  "(dojo)/dojo/actions.ts#noContactAction": "dojo",
  "(dojo)/dojo/check-ins/actions.ts#saveDraftAction": "dojo",
  "(dojo)/dojo/check-ins/actions.ts#submitCheckinAction": "dojo",
  "(dojo)/dojo/check-ins/actions.ts#logContactAction": "dojo",
  "(dojo)/dojo/ex-reached-out/actions.ts#readMessageAction": "dojo",
  "(dojo)/dojo/ex-reached-out/actions.ts#deleteSavedMessageAction": "member",
  "(coach)/coach/lessons/actions.ts#createModuleAction": "coach",
  "(coach)/coach/lessons/actions.ts#createLessonAction": "coach",
  "(coach)/coach/lessons/actions.ts#setModuleAnchorAction": "coach",
  "(coach)/coach/lessons/actions.ts#moveLessonAction": "coach",
  "(coach)/coach/lessons/actions.ts#reorderLessonsAction": "coach",
  "(coach)/coach/lessons/actions.ts#saveLessonAction": "coach",
  "(coach)/coach/lessons/actions.ts#restoreVersionAction": "coach",
  "(coach)/coach/articles/actions.ts#createArticleAction": "coach",
  "(coach)/coach/articles/actions.ts#saveArticleAction": "coach",
  "(coach)/coach/articles/actions.ts#restoreArticleVersionAction": "coach",
  "(coach)/coach/products/actions.ts#createProductAction": "coach",
  "(coach)/coach/products/actions.ts#saveProductAction": "coach",
  "(coach)/coach/products/actions.ts#removeProductFileAction": "coach",
  "(dojo)/billing/buy/actions.ts#buyProductAction": "public",
  "(coach)/coach/check-ins/actions.ts#claimAction": "coach",
  "(coach)/coach/check-ins/actions.ts#replyAction": "coach",
  "(coach)/coach/check-ins/actions.ts#noteAction": "coach",
  "(coach)/coach/check-ins/actions.ts#templateAction": "coach",
  "(coach)/coach/newsletter/actions.ts#issueAction": "coach",
  "(coach)/coach/newsletter/actions.ts#importAction": "coach",
  "(coach)/coach/members/actions.ts#grantCompAction": "admin",
  "(coach)/coach/members/actions.ts#revokeCompAction": "admin",
};

export type Refusal = "signedOut" | "notFound" | "noAccess";

/** How an action at `level` answers `role`: allowed, or the refusal the layer gives. */
export function actionOutcome(level: Level, role: Role): "allowed" | Refusal {
  if (level === "public") return "allowed";
  if (role === "anonymous") return "signedOut";
  if (level === "member") return "allowed";
  if (level === "dojo") return role === "memberA" || role === "memberB" ? "allowed" : "noAccess";
  if (level === "coach") return role === "coach" || role === "admin" ? "allowed" : "notFound";
  return role === "admin" ? "allowed" : "notFound";
}

/** What each refusal says: the words a person sees (lib/actions/client.ts). */
export const refusalWords: Record<Refusal, RegExp> = {
  signedOut: /signed out, so this wasn.t saved/,
  notFound: /couldn.t find that/,
  noAccess: /membership isn.t active/,
};
