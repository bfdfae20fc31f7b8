import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { libraryFor, type LibraryItem } from "@/lib/products/library";
import { fileSize } from "@/lib/products/money";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Your library", robots: { index: false } };

const NOTICES: Record<string, { alert: boolean; text: string }> = {
  bought: { alert: false, text: "Thank you. It’s yours: the downloads are below, and so is your receipt." },
  owned: { alert: false, text: "You already own that, so nothing was charged. It’s below." },
  expired: { alert: true, text: "That download link had expired (they last a few minutes). Use the button below: it makes a fresh one." },
  invalid: { alert: true, text: "That download link isn’t valid for your account. Use the buttons below." },
  not_found: { alert: true, text: "We couldn’t find that file. It may have been replaced: try the list below." },
  ended: { alert: true, text: "That purchase was refunded or reversed, so its downloads are closed." },
  limit: { alert: true, text: "" },
};

const day = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });

function Status({ item }: { item: LibraryItem }) {
  switch (item.status) {
    case "refunded":
      return (
        <p className="rounded-xl bg-clay-soft px-3 py-2 text-sm">
          {item.duplicate
            ? `You paid for this twice, so the second payment was refunded in full on ${day(item.endedAt ?? item.paidAt)}. You still have the first one.`
            : `Refunded${item.endedAt ? ` on ${day(item.endedAt)}` : ""}: ${formatMoney(item.amountRefundedCents, item.currency)} went back to your card. Its downloads are closed.`}
        </p>
      );
    case "lost":
      return (
        <p className="rounded-xl bg-clay-soft px-3 py-2 text-sm">
          This payment was disputed with your bank, and the bank returned it to you{item.endedAt ? ` on ${day(item.endedAt)}` : ""}. Its downloads are closed. If that
          wasn’t what you meant, you can buy it again.
        </p>
      );
    case "disputed":
      return <p className="rounded-xl bg-clay-soft px-3 py-2 text-sm">This payment is being disputed with your bank. You keep the downloads while it’s decided.</p>;
    default:
      return null;
  }
}

export default async function LibraryPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser("/account/library");
  const items = await libraryFor(user);
  const { DOWNLOAD_LIMIT } = env();
  const noticeKey = (await searchParams).notice ?? "";
  const notice = NOTICES[noticeKey];
  const noticeText =
    noticeKey === "limit"
      ? `You’ve used all ${DOWNLOAD_LIMIT} downloads of that purchase. Files you saved before are still yours. If you’ve lost them, reply to your receipt email and we’ll sort it out.`
      : notice?.text;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/account" className="link">
          ← Your account
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold">Your library</h1>
      {notice && noticeText ? (
        <p role={notice.alert ? "alert" : "status"} className={notice.alert ? "rounded-xl bg-clay-soft px-4 py-3" : "rounded-xl bg-brand-soft px-4 py-3"}>
          {noticeText}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-5 leading-relaxed">
          Nothing here yet. Workbooks and audio you buy land here, ready to download.{" "}
          <Link href="/products" className="link">
            See what there is
          </Link>
          .
        </p>
      ) : (
        <ul className="space-y-4">
          {items.map((item) => (
            <li key={item.purchaseId} className="space-y-3 rounded-2xl border border-line bg-card p-5">
              <h2 className="font-serif text-2xl font-semibold break-words">{item.title}</h2>
              <p className="text-sm text-muted">
                Bought {day(item.paidAt)} for {formatMoney(item.amountCents, item.currency)}
                {item.receiptUrl ? (
                  <>
                    {" "}
                    ·{" "}
                    <a href={item.receiptUrl} className="link" rel="noreferrer" target="_blank">
                      Receipt<span className="sr-only"> for {item.title} (opens in a new tab)</span>
                    </a>
                  </>
                ) : null}
              </p>
              <Status item={item} />
              {item.files.length > 0 ? (
                <>
                  <ul className="space-y-2">
                    {item.files.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-center justify-between gap-2">
                        <span className="min-w-0 break-all">
                          {f.fileName} <span className="text-sm text-muted">({f.contentType === "application/pdf" ? "PDF" : "audio"}, {fileSize(f.sizeBytes)})</span>
                        </span>
                        {item.downloadsLeft > 0 ? (
                          <a href={f.href} className="btn-secondary min-h-9 py-1 text-sm" download>
                            Download<span className="sr-only"> {f.fileName}</span>
                          </a>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  <p className="text-sm text-muted">
                    {item.downloadsLeft > 0
                      ? `${item.downloadsLeft} of ${DOWNLOAD_LIMIT} downloads left. Save the files somewhere you’ll find them.`
                      : `You’ve used all ${DOWNLOAD_LIMIT} downloads. If you’ve lost the files, reply to your receipt email and we’ll sort it out.`}
                  </p>
                </>
              ) : null}
              {item.bonusLessons.length > 0 ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium">Bonus lessons</p>
                  <ul className="list-disc pl-5">
                    {item.bonusLessons.map((l) => (
                      <li key={l.slug}>
                        <a href={`/account/library/lessons/${l.slug}`} className="link">
                          {l.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
