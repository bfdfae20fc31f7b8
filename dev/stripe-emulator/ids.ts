import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  // 256 % 62 bias is irrelevant here: ids only need to be unique, not uniform.
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** An id with Stripe's prefix (`cus_`, `sub_`, `cs_test_`, ...), so code that sniffs prefixes behaves as with Stripe. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}${randomToken(length)}`;
}

export function newRequestId(): string {
  return newId("req_", 14);
}

/** Invoice numbers are `<customer prefix>-<sequence>`, the prefix being 8 upper-case characters. */
export function newInvoicePrefix(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}
