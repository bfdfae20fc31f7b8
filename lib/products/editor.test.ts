import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { productFiles, productLessons, products, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { seed } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addProductFile, cleanFileName, createProduct, detectFileKind, productForEditing, removeProductFile, saveProduct } from "./editor";
import { setFileStoreForTests } from "./storage/configured";
import { localFileStore } from "./storage/local";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("what a product file really is", () => {
  it("goes by the first bytes, never the name", () => {
    expect(detectFileKind(bytes("%PDF-1.7 ..."))).toEqual({ ext: "pdf", type: "application/pdf" });
    expect(detectFileKind(bytes("ID3\u0004..."))).toEqual({ ext: "mp3", type: "audio/mpeg" });
    expect(detectFileKind(new Uint8Array([0xff, 0xfb, 0x90, 0x00]))).toEqual({ ext: "mp3", type: "audio/mpeg" });
    expect(detectFileKind(bytes("\u0000\u0000\u0000\u0020ftypM4A "))).toEqual({ ext: "m4a", type: "audio/mp4" });
    expect(detectFileKind(bytes("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).toEqual({ ext: "wav", type: "audio/wav" });
    expect(detectFileKind(bytes("OggS\u0000"))).toEqual({ ext: "ogg", type: "audio/ogg" });
    expect(detectFileKind(bytes("<html><script>"))).toBeNull();
    expect(detectFileKind(bytes("MZ\u0090"))).toBeNull();
  });

  it("keeps a clean name with the real extension", () => {
    expect(cleanFileName("C:\\Users\\me\\My Workbook.PDF", "pdf")).toBe("My Workbook.pdf");
    expect(cleanFileName('../../evil"\r\nname.exe', "mp3")).toBe("evilname.mp3");
    expect(cleanFileName("", "pdf")).toBe("download.pdf");
  });
});

describe.each(testDatabases())("coaches' products on $kind", (target) => {
  let handle: DbHandle;
  let dir: string;
  let coach: CurrentUser;
  let member: CurrentUser;

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await seed(handle.db);
    dir = await mkdtemp(path.join(tmpdir(), "dojo-editor-"));
    setFileStoreForTests(localFileStore(dir));
    const [c] = await handle.db.insert(users).values({ email: `coach-${target.kind}@example.com`, role: "coach" }).returning({ id: users.id });
    const [m] = await handle.db.insert(users).values({ email: `member-${target.kind}@example.com` }).returning({ id: users.id });
    coach = { id: c?.id ?? "", email: "c", role: "coach", timeZone: "UTC", sessionToken: "t" };
    member = { id: m?.id ?? "", email: "m", role: "member", timeZone: "UTC", sessionToken: "t" };
  });
  afterAll(async () => {
    setFileStoreForTests(undefined);
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  const valid = { title: "Evenings", summary: "", descriptionMd: "A description long enough to publish.", price: "12.50", currency: "eur", status: "draft", bonusLessonIds: [] };

  it("only coaches create, edit and upload", async () => {
    await expect(createProduct(member, { title: "Nope" })).rejects.toThrow();
    await expect(saveProduct(member, 1, valid)).rejects.toThrow();
    await expect(addProductFile(member, 1, { name: "a.pdf", bytes: bytes("%PDF-") })).rejects.toThrow();
  });

  it("saves a price typed as text, refuses a bad one and changes nothing", async () => {
    const created = await createProduct(coach, { title: "Calm evenings" });
    if (!created.ok) throw new Error(created.error);
    expect(await saveProduct(coach, created.id, valid)).toMatchObject({ ok: true, slug: "calm-evenings" });
    const stored = await handle.db.query.products.findFirst({ where: eq(products.id, created.id) });
    expect(stored).toMatchObject({ priceCents: 1250, currency: "eur", status: "draft" });
    // The action layer hands over its parsed input (cents): lib accepts its own output.
    expect((await saveProduct(coach, created.id, { ...valid, price: 1300 })).ok).toBe(true);

    for (const price of ["0.50", "twelve", "12.345", "-3"]) {
      const refused = await saveProduct(coach, created.id, { ...valid, price, title: "Changed" });
      expect(refused, price).toMatchObject({ ok: false, fieldErrors: { price: expect.stringContaining("at least 1.00") } });
    }
    expect((await handle.db.query.products.findFirst({ where: eq(products.id, created.id) }))?.title).toBe("Evenings");
  });

  it("will not publish without a file, then does once there is one; bonus lessons are kept", async () => {
    const created = await createProduct(coach, { title: "Evenings audio" });
    if (!created.ok) throw new Error(created.error);
    expect(await saveProduct(coach, created.id, { ...valid, status: "published" })).toMatchObject({ ok: false, error: expect.stringContaining("Add at least one file") });

    expect(await addProductFile(coach, created.id, { name: "notes.pdf", bytes: bytes("just text") })).toMatchObject({ ok: false, code: "type" });
    expect(await addProductFile(coach, created.id, { name: "empty.pdf", bytes: new Uint8Array() })).toMatchObject({ ok: false, code: "empty" });
    expect(await readdir(dir)).toEqual([]);
    const added = await addProductFile(coach, created.id, { name: "evenings.mp3", bytes: bytes("ID3 audio") });
    if (!added.ok) throw new Error(added.error);
    expect(await readdir(dir)).toHaveLength(1);

    const [lesson] = await handle.db.query.lessons.findMany({ columns: { id: true }, limit: 1 });
    expect(await saveProduct(coach, created.id, { ...valid, status: "published", bonusLessonIds: [String(lesson?.id)] })).toMatchObject({ ok: true });
    expect(await handle.db.select().from(productLessons).where(eq(productLessons.productId, created.id))).toHaveLength(1);
    expect(await saveProduct(coach, created.id, { ...valid, bonusLessonIds: ["999999"] })).toMatchObject({ ok: false });
    expect(await handle.db.select().from(productLessons).where(eq(productLessons.productId, created.id))).toHaveLength(1);

    const editing = await productForEditing(coach, created.id);
    expect(editing?.files).toEqual([{ id: added.fileId, fileName: "evenings.mp3", contentType: "audio/mpeg", sizeBytes: 9 }]);
    expect(await removeProductFile(coach, created.id, added.fileId)).toEqual({ ok: true });
    expect(await readdir(dir)).toEqual([]);
    expect(await handle.db.select().from(productFiles).where(eq(productFiles.productId, created.id))).toEqual([]);
    expect(await removeProductFile(coach, created.id, added.fileId)).toMatchObject({ ok: false });
  });
});
