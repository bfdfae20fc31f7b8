// The hosted pages' HTML: plain server-rendered forms that work without
// JavaScript, load nothing from elsewhere, label every input, announce errors,
// and fit a 375px-wide screen. Every dynamic value goes through `escapeHtml`.
import type Stripe from "stripe";
import type { FormField, FormProblem } from "./billing";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString("en-US", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
}

/** "$19.00 per month", "$30.00 every 3 months". */
export function pricePhrase(price: Stripe.Price): string {
  const amount = formatMoney(price.unit_amount ?? 0, price.currency);
  const recurring = price.recurring;
  if (!recurring) return amount;
  return recurring.interval_count === 1 ? `${amount} per ${recurring.interval}` : `${amount} every ${recurring.interval_count} ${recurring.interval}s`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a2e;background:#f4f4f8}
main{max-width:30rem;margin:0 auto;padding:1rem}
.card{background:#fff;border:1px solid #d6d6e0;border-radius:12px;padding:1.25rem;margin:0 0 1rem}
.testmode{background:#fff4d6;color:#5c4400;border:1px solid #e8c66a;border-radius:8px;padding:.5rem .75rem;font-size:.875rem;margin:0 0 1rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.125rem;margin:0 0 .5rem}
.price{font-size:1.75rem;font-weight:700;margin:.25rem 0}
.muted{color:#4a4a5e}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dt{color:#4a4a5e}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
fieldset{border:0;margin:0;padding:0}
legend{font-weight:600;margin:1rem 0 .25rem;padding:0;font-size:1.0625rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{display:block;width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #8a8aa0;border-radius:8px;background:#fff;color:inherit;min-height:44px}
input[aria-invalid=true]{border-color:#b00020;border-width:2px}
.row{display:flex;gap:.75rem;align-items:flex-end}.row>div{flex:1;min-width:0}
.field-error{color:#b00020;font-size:.9375rem;margin:.25rem 0 0}
.alert{border:2px solid #b00020;background:#fdecef;color:#7a0016;border-radius:8px;padding:.75rem;margin:0 0 1rem}
.notice{border:2px solid #1b6e3a;background:#e8f5ec;color:#0f4a26;border-radius:8px;padding:.75rem;margin:0 0 1rem}
button{display:block;width:100%;font:inherit;font-weight:700;padding:.75rem 1rem;margin:1.25rem 0 0;border:0;border-radius:8px;background:#3b3b98;color:#fff;min-height:44px;cursor:pointer}
button.secondary{background:#fff;color:#3b3b98;border:2px solid #3b3b98}
button:hover{filter:brightness(1.1)}
a{color:#3b3b98}
:focus-visible{outline:3px solid #ff9f1c;outline-offset:2px}
.back{display:inline-block;margin:.5rem 0 1rem;padding:.5rem 0}
details{margin-top:.25rem}summary{cursor:pointer}
code{font-size:.9375rem}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="testmode"><strong>Test mode.</strong> This is the local Stripe emulator: no real card is charged.</p>
${body}
</main>
</body>
</html>
`;
}

const TEST_CARD_HINTS = `<details>
<summary>Test cards</summary>
<ul>
<li><code>4242 4242 4242 4242</code>: payment succeeds</li>
<li><code>4000 0000 0000 0341</code>: declined when charged</li>
</ul>
<p class="muted">Any future expiry date, any 3-digit CVC.</p>
</details>`;

interface FieldSpec {
  name: FormField;
  label: string;
  value?: string;
  type?: string;
  autocomplete: string;
  inputmode?: string;
  placeholder?: string;
  required?: boolean;
  maxlength?: number;
}

function field(spec: FieldSpec, problem: FormProblem | undefined): string {
  const invalid = problem?.field === spec.name;
  const errorId = `${spec.name}-error`;
  const attributes = [
    `id="${spec.name}"`,
    `name="${spec.name}"`,
    `type="${spec.type ?? "text"}"`,
    `autocomplete="${spec.autocomplete}"`,
    spec.inputmode ? `inputmode="${spec.inputmode}"` : "",
    spec.placeholder ? `placeholder="${escapeHtml(spec.placeholder)}"` : "",
    spec.maxlength ? `maxlength="${spec.maxlength}"` : "",
    spec.required ? "required" : "",
    spec.value ? `value="${escapeHtml(spec.value)}"` : "",
    invalid ? `aria-invalid="true" aria-describedby="${errorId}" autofocus` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const error = invalid && problem ? `<p class="field-error" id="${errorId}">${escapeHtml(problem.message)}</p>` : "";
  return `<div><label for="${spec.name}">${escapeHtml(spec.label)}</label><input ${attributes}>${error}</div>`;
}

function cardFields(problem: FormProblem | undefined, values: { expiry?: string }): string {
  return `<fieldset>
<legend>Card information</legend>
${field({ name: "number", label: "Card number", autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 1234 1234 1234", required: true, maxlength: 23 }, problem)}
<div class="row">
${field({ name: "expiry", label: "Expiry (MM / YY)", autocomplete: "cc-exp", inputmode: "numeric", placeholder: "MM / YY", required: true, maxlength: 9, value: values.expiry }, problem)}
${field({ name: "cvc", label: "CVC", autocomplete: "cc-csc", inputmode: "numeric", placeholder: "123", required: true, maxlength: 4 }, problem)}
</div>
</fieldset>`;
}

function alert(problem: FormProblem | undefined): string {
  return problem ? `<div class="alert" role="alert"><strong>${escapeHtml(problem.message)}</strong></div>` : "";
}

export interface CheckoutView {
  session: Stripe.Checkout.Session;
  product: Stripe.Product;
  price: Stripe.Price;
  quantity: number;
  trialPeriodDays: number | null;
  /** Known up front (customer or customer_email); otherwise the page asks. */
  email: string | null;
  values: { email?: string; name?: string; expiry?: string; promotion_code?: string };
  problem?: FormProblem;
  businessName: string;
}

export function checkoutPage(view: CheckoutView): string {
  const { session, product, price, problem } = view;
  const perPeriod = pricePhrase(price);
  const quantity = view.quantity > 1 ? ` × ${view.quantity}` : "";
  const trial = view.trialPeriodDays
    ? `<p><strong>${view.trialPeriodDays}-day free trial.</strong> Then ${escapeHtml(perPeriod)}${quantity}. Due today: ${escapeHtml(formatMoney(0, price.currency))}.</p>`
    : "";
  const oneTime = session.mode === "payment";
  const headline = oneTime ? `Pay for ${product.name}` : view.trialPeriodDays ? `Try ${product.name}` : `Subscribe to ${product.name}`;
  const email = view.email
    ? `<dl><dt>Email</dt><dd>${escapeHtml(view.email)}</dd></dl>`
    : field({ name: "email", label: "Email", type: "email", autocomplete: "email", required: true, value: view.values.email }, problem);
  const promotion = session.allow_promotion_codes
    ? field({ name: "promotion_code", label: "Promotion code (optional)", autocomplete: "off", value: view.values.promotion_code }, problem)
    : "";
  const back = session.cancel_url
    ? `<a class="back" href="${escapeHtml(session.cancel_url)}">← Cancel and return to ${escapeHtml(view.businessName)}</a>`
    : "";
  const body = `${back}
<div class="card">
<h1>${escapeHtml(headline)}</h1>
${oneTime ? `<p class="muted">One-time payment</p>` : `<p class="muted">${escapeHtml(price.nickname ?? "")} plan</p>`}
<p class="price">${escapeHtml(perPeriod)}${escapeHtml(quantity)}</p>
${trial}
</div>
<div class="card">
${alert(problem)}
<form method="post" action="/c/pay/${encodeURIComponent(session.id)}">
${email}
${cardFields(problem, view.values)}
${field({ name: "name", label: "Name on card", autocomplete: "cc-name", required: true, value: view.values.name }, problem)}
${promotion}
<button type="submit">${oneTime ? "Pay" : "Subscribe"}</button>
</form>
${TEST_CARD_HINTS}
</div>`;
  return layout(`${problem ? "Error: " : ""}${headline} · Checkout`, body);
}

/** A charge's receipt, as Stripe's `receipt_url` shows it. */
export function receiptPage(charge: Stripe.Charge, businessName: string): string {
  const refunded = charge.amount_refunded > 0
    ? `<p><strong>Refunded:</strong> ${escapeHtml(formatMoney(charge.amount_refunded, charge.currency))}</p>`
    : "";
  const body = `<div class="card">
<h1>Receipt from ${escapeHtml(businessName)}</h1>
<p class="price">${escapeHtml(formatMoney(charge.amount, charge.currency))}</p>
<dl><dt>Paid</dt><dd>${escapeHtml(formatDate(charge.created))}</dd>
<dt>For</dt><dd>${escapeHtml(charge.description ?? "")}</dd>
<dt>Receipt</dt><dd>${escapeHtml(charge.id)}</dd></dl>
${refunded}
</div>`;
  return layout(`Receipt · ${businessName}`, body);
}

/** Unknown, expired or already completed checkout links. */
export function messagePage(title: string, message: string, link?: { href: string; text: string }): string {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "";
  return layout(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${action}</div>`);
}

export interface PortalPlan {
  subscription: Stripe.Subscription;
  product: Stripe.Product | undefined;
  price: Stripe.Price;
}

export interface PortalView {
  session: Stripe.BillingPortal.Session;
  customer: Stripe.Customer;
  plans: PortalPlan[];
  card: Stripe.PaymentMethod | undefined;
  notice?: string;
  /** A plan action that failed. */
  error?: string;
  /** The card form's problem. */
  problem?: FormProblem;
  values: { expiry?: string };
  businessName: string;
}

function statusLine(subscription: Stripe.Subscription): { status: string; dateLabel: string; date: number | null } {
  const end = subscription.items.data[0]?.current_period_end ?? null;
  if (subscription.cancel_at_period_end) return { status: "Canceled", dateLabel: "Ends on", date: subscription.cancel_at ?? end };
  switch (subscription.status) {
    case "trialing":
      return { status: "Trial", dateLabel: "Trial ends on", date: subscription.trial_end ?? end };
    case "active":
      return { status: "Active", dateLabel: "Renews on", date: end };
    case "past_due":
      return { status: "Past due: the last payment failed", dateLabel: "Current period ends on", date: end };
    case "unpaid":
      return { status: "Unpaid: payments failed", dateLabel: "Current period ended on", date: end };
    default:
      return { status: subscription.status, dateLabel: "Period ends on", date: end };
  }
}

function planSection(plan: PortalPlan, sessionId: string): string {
  const { subscription, price } = plan;
  const headingId = `plan-${subscription.id}`;
  const line = statusLine(subscription);
  const action = subscription.cancel_at_period_end
    ? { value: "renew", label: "Renew plan", className: "" }
    : { value: "cancel", label: "Cancel plan", className: "secondary" };
  return `<section class="card" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(plan.product?.name ?? "Plan")} (${escapeHtml(price.nickname ?? price.id)})</h2>
<dl>
<dt>Price</dt><dd>${escapeHtml(pricePhrase(price))}</dd>
<dt>Status</dt><dd>${escapeHtml(line.status)}</dd>
${line.date !== null ? `<dt>${escapeHtml(line.dateLabel)}</dt><dd>${escapeHtml(formatDate(line.date))}</dd>` : ""}
</dl>
<form method="post" action="/p/session/${encodeURIComponent(sessionId)}">
<input type="hidden" name="action" value="${action.value}">
<input type="hidden" name="subscription" value="${escapeHtml(subscription.id)}">
<button type="submit" class="${action.className}" aria-describedby="${headingId}">${action.label}</button>
</form>
</section>`;
}

export function portalPage(view: PortalView): string {
  const { session, problem } = view;
  const plans = view.plans.length
    ? view.plans.map((plan) => planSection(plan, session.id)).join("\n")
    : `<div class="card"><p>You have no current plan.</p></div>`;
  const card = view.card?.card;
  const cardLine = card
    ? `<p>${escapeHtml(card.brand.charAt(0).toUpperCase() + card.brand.slice(1))} ending in ${escapeHtml(card.last4)}, expires ${String(card.exp_month).padStart(2, "0")}/${card.exp_year}</p>`
    : `<p>No card on file.</p>`;
  const notice = view.error
    ? `<div class="alert" role="alert"><strong>${escapeHtml(view.error)}</strong></div>`
    : view.notice
      ? `<div class="notice" role="status">${escapeHtml(view.notice)}</div>`
      : "";
  const back = session.return_url
    ? `<a class="back" href="${escapeHtml(session.return_url)}">← Return to ${escapeHtml(view.businessName)}</a>`
    : "";
  const body = `${back}
<h1>${escapeHtml(view.businessName)}: your plan</h1>
<p class="muted">Signed in as ${escapeHtml(view.customer.email ?? view.customer.id)}</p>
${notice}
${plans}
<section class="card" aria-labelledby="payment-method">
<h2 id="payment-method">Payment method</h2>
${cardLine}
${alert(problem)}
<form method="post" action="/p/session/${encodeURIComponent(session.id)}">
<input type="hidden" name="action" value="card">
${cardFields(problem, view.values)}
<button type="submit">Update card</button>
</form>
${TEST_CARD_HINTS}
</section>`;
  return layout(`${problem || view.error ? "Error: " : ""}Manage your plan · ${view.businessName}`, body);
}
