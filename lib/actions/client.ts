import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { isAdmin, isCoach } from "@/lib/auth/roles";
import { getAccess } from "@/lib/billing/subscriptions";
import { isDatabaseUnavailable, logDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";
import { formToObject, typedText } from "./form-data";
import type { ActionState, FieldErrors, Refusal } from "./state";
import { validate } from "./validate";
import { log, reason, requestIdFrom, withRequestId } from "@/lib/log";

/**
 * The one way to write a server action. A server action is a public POST
 * endpoint whatever page rendered it, so each permission level is its own
 * client, and the check runs before the schema and the body:
 *
 *   export const replyAction = coachAction(replyInput, async ({ input, actor }) => { … });
 *
 * The body gets parsed input and the acting user, and answers nothing (done),
 * `{ ok: true, message?, data? }`, or a lib/ refusal `{ ok: false, error, fieldErrors? }`.
 * It may throw `ActionError` for a refusal fit to show, or call redirect().
 * lib/ functions still check the actor themselves: this layer is the first
 * lock, not the only one.
 */
export type Access = "public" | "member" | "dojo" | "coach" | "admin";

type ActorFor<A extends Access> = A extends "public" ? CurrentUser | null : CurrentUser;
type Outcome<Data> = void | { ok: true; message?: string; data?: Data } | (Refusal & { data?: Data });

export interface ServerAction<Input, Data> {
  (input: Input | FormData): Promise<ActionState<Data>>;
  // Last, so useActionState infers its state from this signature.
  (previous: ActionState<Data>, input: Input | FormData): Promise<ActionState<Data>>;
}

/** A refusal whose message is fit for the person who sent the form; any other error shows a generic line. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const SIGNED_OUT = "You’ve been signed out, so this wasn’t saved. Nothing you typed is lost: sign in again in a new tab, then try once more.";
const NO_ACCESS = "Your membership isn’t active right now, so this wasn’t saved.";
// Said to anyone without the role, as if there were nothing here: a refusal should not map the console.
const NOT_FOUND = "We couldn’t find that.";
const BROKEN = "Something went wrong on our side and this wasn’t saved. Please try again in a moment.";

const LAYER = Symbol.for("breakup-dojo.action-layer");

/** The request's id for the log: the load balancer's X-Request-Id, else a fresh one (and outside a request, in tests). */
async function actionRequestId(): Promise<string> {
  try {
    return requestIdFrom((await headers()).get("x-request-id"));
  } catch {
    return requestIdFrom(null);
  }
}

/** Which permission level built this action, or undefined if it was not built through the layer. */
export function actionAccess(fn: unknown): Access | undefined {
  return typeof fn === "function" ? (fn as { [LAYER]?: Access })[LAYER] : undefined;
}

async function admit(access: Access, currentUser: () => Promise<CurrentUser | null>): Promise<{ actor: CurrentUser | null } | ActionState<never>> {
  const user = await currentUser();
  if (access === "public") return { actor: user };
  if (!user) return { ok: false, signedOut: true, error: SIGNED_OUT };
  if (access === "coach" && !isCoach(user.role)) return { ok: false, error: NOT_FOUND };
  if (access === "admin" && !isAdmin(user.role)) return { ok: false, error: NOT_FOUND };
  if (access === "dojo" && !(await getAccess(user.id)).allowed) return { ok: false, error: NO_ACCESS };
  return { actor: user };
}

function refused<Data>(error: string, fieldErrors: FieldErrors | undefined, form: FormData | undefined): ActionState<Data> {
  return { ok: false, error, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}), ...(form ? { values: typedText(form) } : {}) };
}

function define<A extends Access>(access: A, currentUser: () => Promise<CurrentUser | null>) {
  return function action<S extends z.ZodType, Data = undefined>(
    schema: S,
    body: (ctx: { input: z.output<S>; actor: ActorFor<A> }) => Promise<Outcome<Data>>,
  ): ServerAction<z.input<S>, Data> {
    const run = async (...args: unknown[]): Promise<ActionState<Data>> => withRequestId(await actionRequestId(), () => perform(...args));
    const perform = async (...args: unknown[]): Promise<ActionState<Data>> => {
      const raw = args.length > 1 ? args[1] : args[0];
      const form = raw instanceof FormData ? raw : undefined;
      try {
        const admitted = await admit(access, currentUser);
        if (!("actor" in admitted)) return { ...admitted, ...(form ? { values: typedText(form) } : {}) };
        const parsed = validate(schema, form ? formToObject(form) : raw);
        if (!parsed.ok) return refused(parsed.error, parsed.fieldErrors, form);
        const outcome = await body({ input: parsed.data, actor: admitted.actor as ActorFor<A> });
        if (!outcome) return { ok: true };
        if (!outcome.ok) return { ...refused<Data>(outcome.error, outcome.fieldErrors, form), ...(outcome.data === undefined ? {} : { data: outcome.data }) };
        return outcome;
      } catch (err) {
        unstable_rethrow(err); // redirect() and notFound() are Next's control flow, not failures
        if (err instanceof ActionError) return refused(err.message, err.field ? { [err.field]: err.message } : undefined, form);
        if (isDatabaseUnavailable(err)) {
          logDatabaseUnavailable(`server action, ${access}`, err);
          return { ...refused<Data>(UNAVAILABLE_MESSAGE, undefined, form), retryAfter: RETRY_AFTER_SECONDS };
        }
        // reason(): the first line only; a failed query's later lines list its parameters, which can be personal.
        log.error("server action failed", { access, reason: reason(err) });
        return refused(BROKEN, undefined, form);
      }
    };
    Object.defineProperty(run, LAYER, { value: access });
    return run as ServerAction<z.input<S>, Data>;
  };
}

/**
 * The five clients, reading the acting user with `currentUser`. The app uses
 * the request's session (below); tests pass their own reader.
 */
export function actionClients(currentUser: () => Promise<CurrentUser | null>) {
  return {
    /** Anyone, signed in or not: the sign-in form, the newsletter's public pages. */
    publicAction: define("public", currentUser),
    /** Any signed-in person, paying or not: account settings, billing, deleting the account. */
    memberAction: define("member", currentUser),
    /** A signed-in member whose membership gives Dojo access now. */
    dojoAction: define("dojo", currentUser),
    /** Coaches and admins. */
    coachAction: define("coach", currentUser),
    /** Admins only. */
    adminAction: define("admin", currentUser),
  };
}

export const { publicAction, memberAction, dojoAction, coachAction, adminAction } = actionClients(getCurrentUser);
