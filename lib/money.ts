// Amounts of money as stored (integers in the currency's minor unit, as Stripe sends them) and
// as people and spreadsheets read them. Client-safe: server pages and the coach's price field share it.

const digitsCache = new Map<string, number>();
/** Minor units per major unit of a currency (ISO 4217 as Intl knows it: 2 for USD, 0 for JPY, 3 for KWD). */
export function fractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  let d = digitsCache.get(code);
  if (d === undefined) {
    d = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, d);
  }
  return d;
}

/** An amount in minor units as a plain decimal in major units ("1234.50", "1200" for yen): for CSV. */
export function decimalAmount(minor: number, currency: string): string {
  const d = fractionDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (d === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(d + 1, "0");
  return `${sign}${s.slice(0, -d)}.${s.slice(-d)}`;
}

/**
 * An amount for people: "$1,234.50", "¥1,200", "−$15.00". `wholeWithoutDecimals` writes a whole
 * amount without them ("$19" rather than "$19.00"), as the membership plans are shown.
 */
export function formatMoney(minor: number, currency: string, { wholeWithoutDecimals = false } = {}): string {
  const d = fractionDigits(currency);
  const shown = wholeWithoutDecimals && minor % 10 ** d === 0 ? 0 : d;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: shown, maximumFractionDigits: d }).format(minor / 10 ** d);
}
