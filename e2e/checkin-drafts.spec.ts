import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signInLinkFor } from "./mail";
import { becomeMember } from "./members";

/** Everything this origin keeps in the browser's storage, as text. */
function deviceStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) dump.push(`${store.key(i)}=${store.getItem(store.key(i)!)}`);
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(storeName).objectStore(storeName).getAll();
          req.onsuccess = () => resolve(req.result);
        });
        dump.push(`${name}/${storeName}=${JSON.stringify(values)}`);
      }
      db.close();
    }
    return dump.join("\n");
  });
}

const happened = (page: Page) => page.getByLabel("What happened since last time?");

const waysOut = [
  { name: "Sign out", leave: (page: Page) => page.getByRole("button", { name: "Sign out", exact: true }).click(), lands: /\/$/ },
  { name: "Sign out of all devices", leave: (page: Page) => page.getByRole("button", { name: "Sign out of all devices" }).click(), lands: /\/signin\?signedOut=all$/ },
  {
    name: "Delete my account",
    leave: async (page: Page, email: string) => {
      await page.getByText("Delete my account").click();
      await page.getByLabel(`Type ${email} to confirm`).fill(email);
      await page.getByRole("button", { name: "Delete everything" }).click();
    },
    lands: /\/\?accountDeleted=1$/,
  },
];

for (const way of waysOut) {
  test(`${way.name}: no words of a check-in stay readable on the device`, async ({ page, context }) => {
    const email = await becomeMember(page, "draft-out");
    await page.goto("/dojo/check-ins/new");
    const saved = `Saw their car outside the gym ${Date.now()}`;
    await happened(page).fill(saved);
    await expect(page.getByText("Draft saved.")).toBeVisible();

    // Offline: the server cannot take the next words, so the device keeps them, encrypted.
    await context.setOffline(true);
    const unsent = `and I nearly texted them ${Date.now()}`;
    await happened(page).fill(`${saved} ${unsent}`);
    await expect(page.getByText("You seem to be offline. Your words are kept on this device.")).toBeVisible();
    const whileOffline = await deviceStorage(page);
    expect(whileOffline).toContain("dojo-checkin-draft=v1.");
    expect(whileOffline).not.toContain("gym");
    expect(whileOffline).not.toContain("texted");
    await context.setOffline(false);

    await page.goto("/account");
    await way.leave(page, email);
    await expect(page).toHaveURL(way.lands);
    const after = await deviceStorage(page);
    expect(after).not.toContain("dojo-checkin-draft");
    expect(after).not.toContain("gym");
    expect(after).not.toContain("texted");
  });
}

test("words that could not be saved (signed out) survive a reload and come back after signing in again", async ({ page, context }) => {
  const email = await becomeMember(page, "draft-kept");
  const firstLink = await signInLinkFor(email);
  await page.goto("/dojo/check-ins/new");
  await context.clearCookies();
  const words = `The silence is loud tonight ${Date.now()}`;
  await happened(page).fill(words);
  await expect(page.getByText("You’ve been signed out. Your words are kept on this device.")).toBeVisible();
  expect(await deviceStorage(page)).not.toContain("silence");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  let link = firstLink;
  await expect.poll(async () => (link = await signInLinkFor(email)), { timeout: 20_000 }).not.toBe(firstLink);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dojo\/check-ins\/new$/);
  await expect(happened(page)).toHaveValue(words);
  await expect(page.getByText("Restored what you were writing on this device.")).toBeVisible();
  // Once the server has the words, the device copy goes.
  await happened(page).fill(`${words}.`);
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect.poll(() => deviceStorage(page)).not.toContain("dojo-checkin-draft");
});
