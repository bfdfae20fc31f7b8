import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/app/components/action-form";
import { requireCoach } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { productForEditing } from "@/lib/products/editor";
import { fileSize } from "@/lib/products/money";
import { removeProductFileAction } from "../actions";
import { ProductEditor } from "./product-editor";

export const metadata: Metadata = { title: "Edit product", robots: { index: false } };

const UPLOAD_NOTICES: Record<string, { ok: boolean; text: string }> = {
  uploaded: { ok: true, text: "File added." },
  empty: { ok: false, text: "No file was chosen, or it was empty. Pick the file again." },
  type: { ok: false, text: "Only PDF and audio files (MP3, M4A, WAV, OGG) can be added. That file is neither, so nothing was added." },
  size: { ok: false, text: "That file is too large, so nothing was added. Make it smaller, or split it into parts." },
  failed: { ok: false, text: "The file couldn’t be stored, so nothing was added. Please try again." },
};

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ upload?: string }> }) {
  const { id } = await params;
  const coach = await requireCoach(`/coach/products/${id}`);
  const productId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const editing = productId ? await productForEditing(coach, productId) : null;
  if (!editing) notFound();
  const { product, files } = editing;
  const notice = UPLOAD_NOTICES[(await searchParams).upload ?? ""];
  return (
    <div className="space-y-6">
      <p>
        <Link href="/coach/products" className="link">
          ← All products
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold break-words">Edit “{product.title}”</h1>
      <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">
        {product.status === "published" ? (
          <>
            On sale at{" "}
            <Link href={`/products/${product.slug}`} className="link break-all">
              /products/{product.slug}
            </Link>
            .
          </>
        ) : (
          <>A draft: only coaches can see it. Add a file and a description, then publish.</>
        )}
      </p>

      <section aria-labelledby="files-heading" className="space-y-3 rounded-2xl border border-line bg-card p-4">
        <h2 id="files-heading" className="font-serif text-xl font-semibold">
          Files
        </h2>
        {notice ? (
          <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "rounded-xl bg-brand-soft px-3 py-2" : "rounded-xl bg-alert-soft px-3 py-2 text-alert"}>
            {notice.text}
          </p>
        ) : null}
        {files.length === 0 ? (
          <p className="text-muted">No files yet. Buyers download these from their library.</p>
        ) : (
          <ul className="divide-y divide-line">
            {files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-all">
                  {f.fileName} <span className="text-sm text-muted">({fileSize(f.sizeBytes)})</span>
                </span>
                <ActionForm action={removeProductFileAction}>
                  <input type="hidden" name="productId" value={product.id} />
                  <input type="hidden" name="fileId" value={f.id} />
                  <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" aria-label={`Remove ${f.fileName}`}>
                    Remove
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <form action={`/api/coach/products/${product.id}/files`} method="post" encType="multipart/form-data" className="space-y-2">
          <label htmlFor="file" className="block text-sm font-medium">
            Add a PDF or audio file (up to {env().PRODUCT_FILE_MAX_MB} MB)
          </label>
          <input id="file" name="file" type="file" required accept="application/pdf,audio/mpeg,audio/mp4,audio/x-m4a,audio/wav,audio/ogg,.pdf,.mp3,.m4a,.wav,.ogg" className="block w-full text-sm" />
          <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
            Upload
          </button>
        </form>
      </section>

      <ProductEditor key={product.updatedAt.toISOString()} editing={editing} />
    </div>
  );
}
