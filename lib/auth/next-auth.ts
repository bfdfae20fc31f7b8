import "server-only";
import { randomBytes } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb, tables } from "@/lib/db";
import { recordFunnelStep } from "@/lib/quiz/funnel";
import { authSecret, env } from "@/lib/env";
import { LINK_MINUTES } from "./email-link";
import { safeCallbackPath } from "./redirects";

const SESSION_DAYS = 30;

// Auth.js verifies sign-in links and creates database sessions. Links are
// issued by lib/auth/email-link.ts (rate limits, outbox), so the provider's
// own sender is never used. The config is lazy: `next build` evaluates this
// module and must not open a database.
export const { handlers, auth, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: tables.users,
      accountsTable: tables.accounts,
      sessionsTable: tables.sessions,
      verificationTokensTable: tables.verificationTokens,
    }),
    secret: authSecret(),
    trustHost: true,
    session: {
      strategy: "database",
      maxAge: SESSION_DAYS * 86_400,
      // Never extended: 30 days is the absolute lifetime. Idle expiry is ours (lib/auth/current-user.ts).
      updateAge: SESSION_DAYS * 86_400,
      generateSessionToken: () => randomBytes(32).toString("base64url"),
    },
    providers: [
      Nodemailer({
        server: "smtp://unused.invalid",
        from: env().EMAIL_FROM,
        maxAge: LINK_MINUTES * 60,
        sendVerificationRequest: () => {
          throw new Error("sign-in links are issued by lib/auth/email-link.ts");
        },
      }),
    ],
    // signOut: Auth.js's own sign-out page would skip clearing what the device keeps (see /account).
    pages: { signIn: "/signin", verifyRequest: "/signin/sent", error: "/signin/error", signOut: "/account" },
    callbacks: {
      redirect: ({ url }) => new URL(safeCallbackPath(url, env().APP_URL), env().APP_URL).toString(),
    },
    events: {
      // The funnel's sign-up step: a count, nothing about who.
      async createUser() {
        await recordFunnelStep(db, { step: "signed_up" });
      },
      async signIn({ user }) {
        // ADMIN_EMAILS makes those addresses admin (and so coach) when they sign in.
        if (user.id && user.email && env().ADMIN_EMAILS.includes(user.email.toLowerCase())) {
          await db.update(tables.users).set({ role: "admin" }).where(eq(tables.users.id, user.id));
        }
      },
    },
  };
});
