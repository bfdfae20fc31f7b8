"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/lib/actions/client";
import { rowId } from "@/lib/actions/fields";
import { PRODUCTS_TAG } from "@/lib/products/catalogue";
import { createProduct, newProductInput, productInput, removeProductFile, saveProduct } from "@/lib/products/editor";

/** The public pages read products through Next's cache: expiring the tag rebuilds them on their next view. */
function refreshPublicPages(id: number, slug?: string) {
  updateTag(PRODUCTS_TAG);
  revalidatePath("/products");
  if (slug) revalidatePath(`/products/${slug}`);
  revalidatePath("/coach/products");
  revalidatePath(`/coach/products/${id}`);
}

export const createProductAction = coachAction(newProductInput, async ({ input, actor }) => {
  const outcome = await createProduct(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/coach/products");
  redirect(`/coach/products/${outcome.id}`);
});

export const saveProductAction = coachAction(productInput.extend({ id: rowId() }), async ({ input: { id, ...product }, actor }) => {
  const outcome = await saveProduct(actor, id, product);
  if (!outcome.ok) return outcome;
  refreshPublicPages(id, outcome.slug);
  return { ok: true, message: product.status === "published" ? "Saved. It’s on sale." : "Saved as a draft. Only coaches can see it." };
});

export const removeProductFileAction = coachAction(z.object({ productId: rowId(), fileId: rowId() }), async ({ input, actor }) => {
  const outcome = await removeProductFile(actor, input.productId, input.fileId);
  if (!outcome.ok) return outcome;
  refreshPublicPages(input.productId);
  return { ok: true, message: "File removed." };
});
