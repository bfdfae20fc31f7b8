"use client";

import { useActionState, useState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { EditorInput, editorField, MarkdownHtml, MarkdownTextarea, MarkdownWorkspace, SavedLine } from "@/app/components/markdown-editor";
import { idle } from "@/lib/actions/state";
import type { ProductForEditing } from "@/lib/products/editor";
import { CURRENCIES, parsePrice, priceText } from "@/lib/products/money";
import { formatMoney } from "@/lib/money";
import { saveProductAction } from "../actions";

/** Title, price and summary, then the description's Markdown beside the page as buyers will see it, then bonus lessons. */
export function ProductEditor({ editing }: { editing: ProductForEditing }) {
  const { product } = editing;
  const [state, action, pending] = useActionState(saveProductAction, idle);
  const [title, setTitle] = useState(product.title);
  const [summary, setSummary] = useState(product.summary);
  const [price, setPrice] = useState(priceText(product.priceCents));
  const [currency, setCurrency] = useState(product.currency);
  const [description, setDescription] = useState(product.descriptionMd);
  const [bonus, setBonus] = useState(new Set(editing.bonusLessonIds));
  const published = product.status === "published";
  const cents = parsePrice(price);

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={product.id} />
      <EditorInput id="title" name="title" label="Title" value={title} onChange={setTitle} state={state} maxLength={120} />
      <div className="grid gap-3 sm:grid-cols-2">
        <EditorInput id="price" name="price" label="Price" inputMode="decimal" value={price} onChange={setPrice} state={state} help="Such as 24 or 24.50." />
        <div>
          <label htmlFor="currency" className="text-sm font-medium">
            Currency
          </label>
          <select id="currency" name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)} {...invalidProps(state, "currency", "currency")} className={editorField}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </select>
          <FieldError state={state} name="currency" inputId="currency" />
        </div>
      </div>
      <div>
        <label htmlFor="summary" className="text-sm font-medium">
          Summary
        </label>
        <textarea id="summary" name="summary" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} {...invalidProps(state, "summary", "summary", "summary-help")} className={editorField} />
        <FieldError state={state} name="summary" inputId="summary" />
        <p id="summary-help" className="text-xs text-muted">
          One sentence for the list of products.
        </p>
      </div>
      <MarkdownWorkspace
        title={title}
        editors={<MarkdownTextarea id="description" name="descriptionMd" label="Description (Markdown)" rows={16} value={description} onChange={setDescription} state={state} />}
      >
        <p className="text-lg font-semibold">{cents !== null ? formatMoney(cents, currency) : "—"}</p>
        {summary ? <p className="text-lg leading-relaxed text-muted">{summary}</p> : null}
        <MarkdownHtml source={description} />
      </MarkdownWorkspace>
      <fieldset className="space-y-2 rounded-2xl border border-line bg-card p-4">
        <legend className="px-1 text-sm font-medium">Bonus lessons (buyers read them from their library, membership or not)</legend>
        {editing.lessons.length === 0 ? <p className="text-sm text-muted">There are no lessons yet.</p> : null}
        <div className="grid gap-1 sm:grid-cols-2">
          {editing.lessons.map((l) => (
            <label key={l.id} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="bonusLessonIds"
                value={l.id}
                checked={bonus.has(l.id)}
                onChange={(e) => {
                  const next = new Set(bonus);
                  if (e.target.checked) next.add(l.id);
                  else next.delete(l.id);
                  setBonus(next);
                }}
                className="mt-1"
              />
              <span>
                {l.title}
                {l.status === "draft" ? <span className="text-muted"> (draft)</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormError state={state} fields={["title", "summary", "descriptionMd", "price", "currency"]} summary="Not saved:">
        {" "}Nothing was lost: your text is still here.
      </FormError>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="status" value={product.status} className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : published ? "Save" : "Save draft"}
        </button>
        <button type="submit" name="status" value={published ? "draft" : "published"} className="btn-secondary" disabled={pending}>
          {published ? "Take off sale" : "Publish"}
        </button>
        <SavedLine state={state} updatedAt={product.updatedAt} />
      </div>
    </form>
  );
}
