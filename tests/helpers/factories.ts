/**
 * Test data factories: each returns the rows it created, with unique names,
 * so tests never depend on each other's data.
 */
import { getDb } from "@/db/client";
import { writerFor } from "@/db/open";
import { users } from "@/db/tables";
import type { Role } from "@/lib/roles";
import { hashPassword } from "@/lib/passwords/password";

let counter = 0;

export const TEST_PASSWORD = "correct horse battery staple";

/** Hashing once keeps the suites fast; every factory user shares this password. */
let passwordHash: Promise<string> | undefined;

export async function seedUser(options: { role?: Role; username?: string; displayName?: string; email?: string | null } = {}) {
  counter += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const role = options.role ?? "learner";
  const username = options.username ?? `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  // Seeding writes straight to the writer connection (the app writes only through writeTransaction).
  const [user] = await writerFor(getDb())
    .insert(users)
    .values({ role, username, displayName: options.displayName ?? `Test ${role} ${counter}`, email: options.email ?? null, passwordHash: await passwordHash })
    .returning();
  return user!;
}
