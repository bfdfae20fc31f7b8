"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { buyProductAction } from "../actions";

/** One button for a member; an email field first for anyone else. Works without JavaScript. */
export function BuyForm({ slug, price, signedIn }: { slug: string; price: string; signedIn: boolean }) {
  const [state, action, pending] = useActionState(buyProductAction, idle);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="slug" value={slug} />
      {signedIn ? null : (
        <div className="flex flex-col gap-1">
          <label htmlFor="buy-email" className="font-medium">
            Your email
          </label>
          <input
            id="buy-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email}
            {...invalidProps(state, "email", "buy-email", "buy-email-help")}
            className="rounded-lg border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand"
          />
          <FieldError state={state} name="email" inputId="buy-email" />
          <p id="buy-email-help" className="text-sm text-muted">
            Your receipt and a link to your downloads go here. No account or password needed.
          </p>
        </div>
      )}
      <FormError state={state} fields={["email"]} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Opening checkout…" : `Pay ${price}`}
      </button>
    </form>
  );
}
