/**
 * Who a user is to the app. A domain type, below the schema: db/schema.ts
 * should import it (it still declares its own copy until the db/ work lands;
 * tests/unit/domain-enums.test.ts keeps the two equal).
 */
export const ROLES = ["teacher", "student", "learner"] as const;
export type Role = (typeof ROLES)[number];
