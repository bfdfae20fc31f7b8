// Client-safe role helpers: an admin is also a coach.
export type Role = "member" | "coach" | "admin";

export const isCoach = (role: Role) => role === "coach" || role === "admin";
export const isAdmin = (role: Role) => role === "admin";
