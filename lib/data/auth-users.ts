/**
 * The only user lookups that run without a signed-in user: they serve the
 * sign-in flow itself (lib/auth/config.ts). Everything else about users goes
 * through lib/data/users.ts, which checks the caller.
 */
import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/tables";
import { preparedRows, statementsFor } from "./prepared";

export async function findUserByLogin(login: string) {
  const normalized = login.trim().toLowerCase();
  const [user] = await getDb()
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, passwordHash: users.passwordHash, tokenVersion: users.tokenVersion, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(or(eq(users.username, normalized), eq(users.email, normalized)))
    .limit(1);
  return user;
}

/** Runs on every signed-in request (lib/data/session-token.ts), so it is prepared once per connection. */
const authStatements = statementsFor((db) => ({
  state: preparedRows(
    db,
    "auth_user_state",
    db
      .select({ tokenVersion: users.tokenVersion, role: users.role, displayName: users.displayName, username: users.username, mustChangePassword: users.mustChangePassword })
      .from(users)
      .where(eq(users.id, sql.placeholder("userId"))),
  ),
}));

export async function getUserAuthState(userId: string) {
  return authStatements(getDb()).state.get({ userId });
}
