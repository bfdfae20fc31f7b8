import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniqueEmail, waitForEmail } from "./mail";
import { signIn, signInAsCoach } from "./members";
import { chargeFor, refundCharge } from "./stripe";

const WORKBOOK = "/products/no-contact-workbook";

/** Fills the Stripe emulator's hosted checkout in payment mode. */
async function pay(page: Page, card: string) {
  await expect(page.getByRole("heading", { name: /^Pay for / })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Sam Example");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
}

async function signInAndOpenWorkbook(page: Page, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await page.goto(`/signin?${new URLSearchParams({ callbackUrl: WORKBOOK })}`);
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${WORKBOOK}$`));
  return email;
}

test("a member buys the workbook with 4242, downloads it, and a refund takes it away and says so", async ({ page }) => {
  const email = await signInAndOpenWorkbook(page, "buyer");
  await page.getByRole("link", { name: /^Buy for \$19\.00/ }).click();
  await page.getByRole("button", { name: "Pay $19.00" }).click();
  await pay(page, "4242 4242 4242 4242");

  await expect(page).toHaveURL(/\/account\/library\?notice=bought$/);
  await expect(page.getByText("Thank you. It’s yours")).toBeVisible();
  await expect(page.getByRole("heading", { name: "The first 30 days: a no-contact workbook" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Receipt/ })).toHaveAttribute("href", /\/receipts\/ch_/);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download no-contact-workbook.pdf" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("no-contact-workbook.pdf");
  const bytes = await readFile((await download.path()) ?? "");
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await page.reload();
  await expect(page.getByText(/19 of 20 downloads left/)).toBeVisible();

  // Buying it again is refused: nothing to pay.
  await page.goto(`/billing/buy/no-contact-workbook`);
  await expect(page.getByText("You already own this, so there is nothing to pay.")).toBeVisible();

  // The coach refunds it from Stripe's dashboard: the library says so, and the download is gone.
  await refundCharge(await chargeFor(email));
  await expect
    .poll(async () => (await page.goto("/account/library"), await page.getByText(/^Refunded on /).count()), { timeout: 15_000 })
    .toBe(1);
  await expect(page.getByRole("link", { name: /^Download/ })).toHaveCount(0);
});

test("a declined card buys nothing", async ({ page }) => {
  await signInAndOpenWorkbook(page, "declined-buyer");
  await page.getByRole("link", { name: /^Buy for / }).click();
  await page.getByRole("button", { name: "Pay $19.00" }).click();
  await pay(page, "4000 0000 0000 0341");
  await expect(page.getByText("Your card was declined.").first()).toBeVisible();
  await page.goto("/account/library");
  await expect(page.getByText("Nothing here yet.")).toBeVisible();
});

test("buying signed out: pay with an email, and the emailed link opens the library", async ({ page }) => {
  const email = uniqueEmail("guest");
  await page.goto(WORKBOOK);
  await page.getByRole("link", { name: /^Buy for / }).click();
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Pay $19.00" }).click();
  await pay(page, "4242424242424242");
  await expect(page.getByRole("heading", { name: "Thank you. It’s yours" })).toBeVisible();

  const mail = await waitForEmail(email, "Your order is ready");
  const link = mail.text.match(/https?:\/\/\S+\/signin\/verify\?\S+/)?.[0] ?? "";
  expect(mail.text).not.toContain("no-contact");
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/library$/);
  await expect(page.getByRole("heading", { name: "The first 30 days: a no-contact workbook" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download no-contact-workbook.pdf" })).toBeVisible();
});

test("a coach adds a product with a PDF, a wrong file is refused, and publishing puts it in the catalogue", async ({ page }) => {
  await signInAsCoach(page, 15, "/coach/products");
  const title = `Calm evenings ${Date.now()}`;
  await page.getByLabel("New product title").fill(title);
  await page.getByRole("button", { name: "Start a draft" }).click();
  await expect(page.getByRole("heading", { name: `Edit “${title}”` })).toBeVisible();

  await page.getByLabel(/Add a PDF or audio file/).setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text, not a PDF") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only PDF and audio files" })).toBeVisible();

  await page.getByLabel(/Add a PDF or audio file/).setInputFiles({ name: "evenings.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("File added.")).toBeVisible();
  await expect(page.getByText("evenings.pdf")).toBeVisible();

  await page.getByLabel("Price").fill("12.5");
  await page.getByLabel("Currency").selectOption("eur");
  await page.getByLabel("Summary").fill("Short audio-free evenings plan.");
  await page.getByLabel("Description (Markdown)").fill("For the **evenings**, when it is quietest and hardest.");
  await page.getByRole("button", { name: "Publish" }).click();
  // The editor remounts with the saved product; the page's status line says where it is on sale.
  await expect(page.getByRole("status").filter({ hasText: "On sale at" })).toBeVisible();

  await page.goto("/products");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("€12.50").first()).toBeVisible();
  await expect(page.getByText("evenings.pdf")).toBeVisible();
});

test("without JavaScript, the buy form still reaches Stripe's checkout (the page's form-action allows it)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/billing/buy/no-contact-workbook");
  await page.getByLabel("Your email").fill(uniqueEmail("nojs"));
  await page.getByRole("button", { name: "Pay $19.00" }).click();
  await expect(page.getByRole("heading", { name: /^Pay for / })).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/c\/pay\/cs_test_/);
  await context.close();
});
