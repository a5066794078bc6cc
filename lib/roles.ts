/**
 * Who a user is to the app. A domain type, below the schema: db/schema.ts and
 * db/schema.pg.ts import it for the users.role column.
 */
export const ROLES = ["teacher", "student", "learner"] as const;
export type Role = (typeof ROLES)[number];
