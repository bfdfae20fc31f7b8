// The copy of an unsent check-in kept on this device, for when the server cannot
// take it (offline, signed out): the "nothing is lost" half of autosave.
//
// Members may share the device with their ex, so it is never readable text:
// - it is encrypted (AES-GCM, WebCrypto) with a key the server derives for this
//   member and hands only to their signed-in page (deviceDraftKeys in lib/checkins).
//   After a DATA_KEY rotation the page hands the earlier key too: a copy locked
//   before it still opens, and is locked with the new key when next kept.
//   The key is per member rather than per session, so words kept after a session
//   expired open again once the member signs back in;
// - it lives only until the server holds the same words (the form forgets it after
//   a successful save), and sign-out, account deletion and sending remove it.
// Without WebCrypto (a page served over plain HTTP) nothing is kept on the device.

const STORAGE_KEY = "dojo-checkin-draft";

export interface DeviceCopy<T> {
  draft: T;
  /** When it was typed (ISO): an older copy than the server's draft is ignored. */
  at: string;
}

/** Removes the copy (sign-out, account deletion, a sent check-in). Safe to call anywhere in the browser. */
export function clearDeviceDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // no storage: nothing kept
  }
}

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** `base64urlKeys`: this member's keys, newest first; the newest locks, any of them opens. */
export function deviceDraftStore<T>(base64urlKeys: string[]) {
  const keys: Promise<CryptoKey[]> = Promise.all(
    base64urlKeys.map(async (k) => {
      try {
        return await crypto.subtle.importKey("raw", fromBase64(k), "AES-GCM", false, ["encrypt", "decrypt"]);
      } catch {
        return null;
      }
    }),
  ).then((list) => list.filter((k): k is CryptoKey => k !== null));
  // Encryption is asynchronous: only the newest call may write, and forget() cancels writes under way.
  let latest = 0;

  return {
    async keep(draft: T): Promise<void> {
      const mine = ++latest;
      const [k] = await keys;
      if (!k) return;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify({ draft, at: new Date().toISOString() } satisfies DeviceCopy<T>));
      const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, k, plain);
      if (mine !== latest) return;
      try {
        localStorage.setItem(STORAGE_KEY, `v1.${toBase64(iv)}.${toBase64(sealed)}`);
      } catch {
        // no storage (private mode, full): the server draft still protects the text
      }
    },

    /** The copy, if there is one this member's key opens; anything else is removed. */
    async read(): Promise<DeviceCopy<T> | null> {
      let stored: string | null = null;
      try {
        stored = localStorage.getItem(STORAGE_KEY);
      } catch {
        return null;
      }
      const [version, iv, body] = stored?.split(".") ?? [];
      const all = await keys;
      if (!stored || all.length === 0) return null;
      if (version === "v1" && iv && body) {
        for (const k of all) {
          try {
            const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(iv) }, k, fromBase64(body));
            return JSON.parse(new TextDecoder().decode(plain)) as DeviceCopy<T>;
          } catch {
            // not this key: try the next
          }
        }
      }
      // Another member's copy, an old plain-text one, or damaged: unreadable here, so not kept.
      clearDeviceDraft();
      return null;
    },

    forget(): void {
      latest++;
      clearDeviceDraft();
    },
  };
}
