// The hosted pages a customer's browser visits: Checkout (/c/pay/:id) and the
// Customer Portal (/p/session/:id). GET renders, POST acts and then redirects
// (303) so a refresh never submits twice.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { Billing, FormField, FormProblem } from "./billing";
import { isCardProblem, validateCard } from "./cards";
import { ApiError } from "./errors";
import { readBody, redirect, sendHtml } from "./http";
import { type PortalPlan, checkoutPage, formatDate, messagePage, portalPage, receiptPage } from "./pages";
import type { Store } from "./store";

const NOTICES: Record<string, string> = {
  canceled: "Your plan is canceled. It stays active until the date shown, then ends.",
  renewed: "Your plan will renew as usual.",
  card: "Your card was updated. It will be used for your next payment.",
};

export class HostedPages {
  constructor(
    private readonly store: Store,
    private readonly billing: Billing,
    private readonly businessName: string,
  ) {}

  async checkout(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const session = this.billing.checkoutSession(id);
    if (!session || session.status !== "open") {
      this.closedCheckout(res, session);
      return;
    }
    if (req.method !== "POST") {
      this.renderCheckout(res, 200, session, {});
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const value = (name: FormField): string => form.get(name) ?? "";
    const outcome = this.billing.completeCheckout(id, {
      email: value("email"),
      name: value("name"),
      promotionCode: value("promotion_code"),
      card: validateCard({ number: value("number"), expiry: value("expiry"), cvc: value("cvc") }),
    });
    if (outcome.kind === "completed") redirect(res, outcome.redirectTo);
    else if (outcome.kind === "closed") this.closedCheckout(res, outcome.session);
    else
      this.renderCheckout(res, outcome.problem.status, session, {
        // Card number and CVC are not sent back; the rest is kept so a decline costs one field, not five.
        email: value("email"),
        name: value("name"),
        expiry: value("expiry"),
        promotion_code: value("promotion_code"),
      }, outcome.problem);
  }

  receipt(res: ServerResponse, chargeId: string): void {
    const charge = this.store.charges.get(chargeId);
    if (!charge) sendHtml(res, 404, messagePage("Receipt not found", "There is no receipt at this address."));
    else sendHtml(res, 200, receiptPage(charge, this.businessName));
  }

  async portal(req: IncomingMessage, res: ServerResponse, id: string, url: URL): Promise<void> {
    const session = this.store.portalSessions.get(id);
    const customer = session ? this.store.customers.get(session.customer) : undefined;
    if (!session || !customer) {
      sendHtml(res, 404, messagePage("This link isn't valid", "This billing portal link is unknown. Go back and open the portal again."));
      return;
    }
    if (req.method !== "POST") {
      const notice = NOTICES[url.searchParams.get("notice") ?? ""];
      this.renderPortal(res, 200, session, customer, { notice });
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const action = form.get("action");
    if (action === "cancel" || action === "renew") {
      const subscriptionId = form.get("subscription") ?? "";
      const subscription = this.store.subscriptions.get(subscriptionId);
      // Only the portal's own customer's plans can be changed from it.
      if (!subscription || subscription.customer !== customer.id) {
        sendHtml(res, 404, messagePage("Plan not found", "That plan doesn't belong to this account.", { href: `/p/session/${id}`, text: "Back to your plan" }));
        return;
      }
      try {
        this.billing.setCancelAtPeriodEnd(subscription.id, action === "cancel");
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        this.renderPortal(res, 400, session, customer, { error: error.message });
        return;
      }
      redirect(res, `/p/session/${encodeURIComponent(id)}?notice=${action === "cancel" ? "canceled" : "renewed"}`);
      return;
    }
    if (action === "card") {
      const card = validateCard({ number: form.get("number") ?? "", expiry: form.get("expiry") ?? "", cvc: form.get("cvc") ?? "" });
      const values = { expiry: form.get("expiry") ?? "" };
      if (isCardProblem(card)) {
        this.renderPortal(res, 400, session, customer, { problem: { status: 400, field: card.field, message: card.decline.message }, values });
        return;
      }
      const result = this.billing.updateCard(customer.id, card, customer.name ?? null);
      if (!result.ok) {
        this.renderPortal(res, 402, session, customer, { problem: { status: 402, field: "number", message: result.decline.message }, values });
        return;
      }
      redirect(res, `/p/session/${encodeURIComponent(id)}?notice=card`);
      return;
    }
    sendHtml(res, 400, messagePage("Unknown action", "The form sent an action this page doesn't know.", { href: `/p/session/${id}`, text: "Back to your plan" }));
  }

  private renderCheckout(
    res: ServerResponse,
    status: number,
    session: Stripe.Checkout.Session,
    values: { email?: string; name?: string; expiry?: string; promotion_code?: string },
    problem?: FormProblem,
  ): void {
    const plan = this.store.checkoutPlans.get(session.id);
    const lineItem = plan?.lineItems[0];
    const price = lineItem?.price;
    const product = price ? this.store.products.get(typeof price.product === "string" ? price.product : price.product.id) : undefined;
    if (!plan || !lineItem || !price || !product) {
      sendHtml(res, 500, messagePage("Something went wrong", "This checkout session has no plan."));
      return;
    }
    const customer = typeof session.customer === "string" ? this.store.customers.get(session.customer) : undefined;
    sendHtml(
      res,
      status,
      checkoutPage({
        session,
        product,
        price,
        quantity: lineItem.quantity ?? 1,
        trialPeriodDays: plan.trialPeriodDays,
        email: customer?.email ?? session.customer_email,
        values,
        problem,
        businessName: this.businessName,
      }),
    );
  }

  private closedCheckout(res: ServerResponse, session: Stripe.Checkout.Session | undefined): void {
    if (!session) {
      sendHtml(res, 404, messagePage("This checkout link isn't valid", "We couldn't find this checkout. Go back to the site and start again."));
    } else if (session.status === "complete") {
      const successUrl = session.success_url?.replaceAll("{CHECKOUT_SESSION_ID}", session.id);
      sendHtml(
        res,
        200,
        messagePage(
          session.mode === "payment" ? "You've already paid" : "You're already subscribed",
          "This checkout is complete; nothing more to pay.",
          successUrl ? { href: successUrl, text: `Continue to ${this.businessName}` } : undefined,
        ),
      );
    } else {
      sendHtml(
        res,
        410,
        messagePage(
          "This checkout has expired",
          `This checkout link expired on ${formatDate(session.expires_at)}. Go back and start again.`,
          session.cancel_url ? { href: session.cancel_url, text: `Return to ${this.businessName}` } : undefined,
        ),
      );
    }
  }

  private renderPortal(
    res: ServerResponse,
    status: number,
    session: Stripe.BillingPortal.Session,
    customer: Stripe.Customer,
    extra: { notice?: string; error?: string; problem?: FormProblem; values?: { expiry?: string } },
  ): void {
    const plans: PortalPlan[] = [];
    for (const subscription of this.store.subscriptionsOf(customer.id)) {
      if (subscription.status === "canceled" || subscription.status === "incomplete_expired") continue;
      const price = subscription.items.data[0]?.price;
      if (!price) continue;
      const product = this.store.products.get(typeof price.product === "string" ? price.product : price.product.id);
      plans.push({ subscription, product, price });
    }
    sendHtml(
      res,
      status,
      portalPage({
        session,
        customer,
        plans,
        card: this.billing.defaultCard(customer),
        notice: extra.notice,
        error: extra.error,
        problem: extra.problem,
        values: extra.values ?? {},
        businessName: this.businessName,
      }),
    );
  }
}
