// A product's price in the coach's field, and file sizes. Client-safe: the coach's price field and
// the pages share it. Amounts are shown with lib/money's formatMoney.

/** Currencies the coach may price in; all have two decimal places, so cents convert the same way. */
export const CURRENCIES = ["usd", "eur", "gbp", "cad", "aud"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** "24", "24.5", "24.50" → 2450; anything else → null. */
export function parsePrice(text: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** 2450 → "24.50", for putting a stored price back in the field. */
export function priceText(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
