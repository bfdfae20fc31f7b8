import "server-only";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { isCoach } from "@/lib/auth/roles";

/** Every newsletter operation for staff starts here: coaches and admins only. */
export function assertCoach(actor: CurrentUser | null): asserts actor is CurrentUser {
  if (!actor || !isCoach(actor.role)) throw new ForbiddenError("coaches only");
}
