import { getCurrentUser } from "@/lib/auth/current-user";
import { isCoach } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { addProductFile } from "@/lib/products/editor";

// A product file upload: a plain form POST (multipart), so it works without JavaScript.
// A route rather than a server action because files may be far larger than an
// action's body limit; this one has its own (PRODUCT_FILE_MAX_MB). Answers with a
// redirect back to the product's page, whose notice says what happened.

const back = (id: number, upload: string) => new Response(null, { status: 303, headers: { location: `/coach/products/${id}?upload=${upload}` } });
const notFound = () => new Response("Not found", { status: 404 });

export const POST = route("POST /api/coach/products/[id]/files", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return notFound();
  const productId = Number(id);
  // Only a form on this site may post here (the session cookie is SameSite=Lax too).
  const origin = request.headers.get("origin");
  if (origin !== new URL(env().APP_URL).origin) return new Response("Forbidden", { status: 403 });
  const actor = await getCurrentUser();
  if (!actor) return new Response(null, { status: 303, headers: { location: `/signin?callbackUrl=${encodeURIComponent(`/coach/products/${id}`)}` } });
  if (!isCoach(actor.role)) return notFound();

  const maxBytes = env().PRODUCT_FILE_MAX_MB * 1024 * 1024;
  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) return back(productId, "empty");
  // The form's own fields and boundaries add a little to the file.
  if (length > maxBytes + 64 * 1024) {
    await request.body?.cancel();
    return back(productId, "size");
  }
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return back(productId, "empty");
  }
  if (!(file instanceof File) || file.size === 0) return back(productId, "empty");
  const outcome = await addProductFile(actor, productId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (outcome.ok) return back(productId, "uploaded");
  if (outcome.code === "not_found") return notFound();
  return back(productId, outcome.code);
});
