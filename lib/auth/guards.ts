import "server-only";
import type { CurrentUser } from "./current-user";
import { ForbiddenError } from "./sessions";
import { isAdmin, isCoach } from "./roles";

// The role checks every lib/ function makes of its actor, next to the data. The action
// layer (lib/actions/client.ts) checks the same before an action runs; these stay as the
// lock that holds whoever calls.

export function assertCoach(actor: CurrentUser | null): asserts actor is CurrentUser {
  if (!actor || !isCoach(actor.role)) throw new ForbiddenError("coaches only");
}

export function assertAdmin(actor: CurrentUser | null): asserts actor is CurrentUser {
  if (!actor || !isAdmin(actor.role)) throw new ForbiddenError("admins only");
}
