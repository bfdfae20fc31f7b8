import "server-only";
import { env } from "@/lib/env";
import { confirmToken, manageToken } from "./tokens";

const url = (path: string, params: Record<string, string> = {}) => {
  const u = new URL(path, env().APP_URL);
  u.search = new URLSearchParams(params).toString();
  return u.toString();
};

export const confirmUrl = (subscriberId: string, nonce: string, now?: Date) => url("/newsletter/confirm", { token: confirmToken(subscriberId, nonce, now) });
export const manageUrl = (subscriberId: string) => url("/newsletter/manage", { token: manageToken(subscriberId) });
/** The RFC 8058 one-click address: a POST there unsubscribes; a GET shows the manage page. */
export const unsubscribeUrl = (subscriberId: string) => url("/newsletter/unsubscribe", { token: manageToken(subscriberId) });
export const archiveUrl = (path: string) => url(path);

/** The mailto: half of List-Unsubscribe: a configured address, else the sender's own. */
export function unsubscribeMailto(): string {
  const { NEWSLETTER_UNSUBSCRIBE_MAILTO, EMAIL_FROM } = env();
  const address = NEWSLETTER_UNSUBSCRIBE_MAILTO ?? /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(EMAIL_FROM)?.[1] ?? EMAIL_FROM.trim();
  return `mailto:${address}?subject=unsubscribe`;
}

/** Both List-Unsubscribe headers, for one recipient. */
export function listUnsubscribeHeaders(subscriberId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(subscriberId)}>, <${unsubscribeMailto()}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
