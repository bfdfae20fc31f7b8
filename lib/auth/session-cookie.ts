// The names Auth.js gives the session cookie (secure-prefixed behind https).
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
