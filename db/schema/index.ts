// Every table, one file per area. Tables only: no business rules live here (see ARCHITECTURE.md).
// Area files import only what they reference (users from ./auth), never this index, so there is no import circle.
export * from "./articles";
export * from "./auth";
export * from "./billing";
export * from "./cache";
export * from "./checkins";
export * from "./email";
export * from "./lessons";
export * from "./newsletter";
export * from "./products";
export * from "./quiz";
export * from "./rate-limits";
