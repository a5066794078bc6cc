import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/tables";
import { verifyPassword } from "@/lib/passwords/password";
import { deleteOwnAccount } from "@/lib/data/privacy";
import { SIGN_UP_CONFLICT, changeOwnPassword, createAccount, endAllSessionsOfCurrentUser, getOwnAccount } from "@/lib/data/users";
import { signUpSchema } from "@/lib/validations/auth";
import { createTestDb } from "../helpers/db";
import { TEST_PASSWORD, seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  db = await createTestDb();
  signOutTestUser();
});

async function row(id: string) {
  const [found] = await db.select().from(users).where(eq(users.id, id));
  return found;
}

describe("creating accounts", () => {
  it("creates a learner with a hashed password and lowercased names", async () => {
    const input = signUpSchema.parse({ role: "learner", displayName: "Ada", username: "  Ada.Reader ", email: "Ada@Example.org", password: "purple giraffes argue" });
    const { id } = await createAccount(input);
    const created = await row(id);
    expect(created).toMatchObject({ username: "ada.reader", email: "ada@example.org", role: "learner", tokenVersion: 0 });
    expect(created!.passwordHash).not.toContain("purple");
    await expect(verifyPassword(created!.passwordHash, "purple giraffes argue")).resolves.toBe(true);
  });

  it("refuses taken usernames and emails, in either field, with one message that doesn't say which (no email enumeration), and stores nothing", async () => {
    await createAccount({ role: "teacher", displayName: "T", username: "teach", email: "t@school.org", password: "purple giraffes argue" });
    const before = await db.$count(users);
    const messages = await Promise.all(
      [
        { username: "teach", email: null },
        { username: "other", email: "t@school.org" },
        // Someone can't take a username equal to another account's email (sign-in accepts either).
        { username: "t@school.org", email: null },
      ].map((clash) => createAccount({ role: "learner", displayName: "X", password: "purple giraffes argue", ...clash }).then(() => "created", (error: Error) => error.message)),
    );
    expect(messages).toEqual([SIGN_UP_CONFLICT, SIGN_UP_CONFLICT, SIGN_UP_CONFLICT]);
    expect(SIGN_UP_CONFLICT).not.toMatch(/exists|already (has|have) an? account with/i);
    expect(await db.$count(users)).toBe(before);
  });

  it("refuses weak passwords before touching the database", async () => {
    await expect(createAccount({ role: "learner", displayName: "X", username: "weak", email: null, password: "password123" })).rejects.toThrow(/most common/);
    expect(await db.$count(users)).toBe(0);
  });

  it("validates sign-up input: markup in names, SQL in usernames, wrong types, oversized fields", () => {
    const base = { role: "learner", displayName: "Ada", username: "ada", email: "", password: "purple giraffes argue" };
    const fieldErrors = (input: unknown) => {
      const result = signUpSchema.safeParse(input);
      return result.success ? {} : (result.error.flatten().fieldErrors as Record<string, string[]>);
    };
    expect(fieldErrors({ ...base, displayName: "<img src=x onerror=alert(1)>" }).displayName?.[0]).toMatch(/angle brackets/);
    expect(fieldErrors({ ...base, username: "x'); DROP TABLE users;--" }).username?.[0]).toMatch(/Use letters, numbers/);
    expect(fieldErrors({ ...base, displayName: "" }).displayName?.[0]).toMatch(/Enter a name/);
    expect(fieldErrors({ ...base, displayName: "a".repeat(61) }).displayName?.[0]).toMatch(/at most 60/);
    expect(fieldErrors({ ...base, role: "admin" }).role?.[0]).toMatch(/teacher or self-learner/);
    expect(fieldErrors({ ...base, role: "student" }).role?.[0]).toMatch(/teacher or self-learner/);
    expect(fieldErrors({ ...base, email: "not-an-email" }).email?.[0]).toMatch(/valid email/);
    expect(fieldErrors({ ...base, password: 12345678 }).password).toBeDefined();
    // Apostrophes are names, not attacks.
    expect(fieldErrors({ ...base, displayName: "Siobhán O'Brien" })).toEqual({});
  });
});

describe("changing passwords and ending sessions", () => {
  it("requires a signed-in user", async () => {
    await expect(changeOwnPassword(TEST_PASSWORD, "a new long passphrase")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(deleteOwnAccount(TEST_PASSWORD)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(endAllSessionsOfCurrentUser()).rejects.toMatchObject({ code: "unauthorized" });
    await expect(getOwnAccount()).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("changes only the caller's password, checks the current one, and bumps the token version", async () => {
    const alice = await seedUser();
    const bob = await seedUser();
    signInAs(alice);
    await expect(changeOwnPassword("wrong current password", "a new long passphrase")).rejects.toThrow(/current password is not right/);
    await expect(changeOwnPassword(TEST_PASSWORD, "password")).rejects.toThrow(/at least 8|most common/);
    await changeOwnPassword(TEST_PASSWORD, "a new long passphrase");
    const after = await row(alice.id);
    expect(after!.tokenVersion).toBe(alice.tokenVersion + 1);
    await expect(verifyPassword(after!.passwordHash, "a new long passphrase")).resolves.toBe(true);
    // Bob is untouched: another user cannot change his password or end his sessions.
    const bobAfter = await row(bob.id);
    expect(bobAfter!.passwordHash).toBe(bob.passwordHash);
    expect(bobAfter!.tokenVersion).toBe(bob.tokenVersion);
  });

  it("signing out everywhere bumps only the caller's token version", async () => {
    const alice = await seedUser();
    const bob = await seedUser();
    signInAs(alice);
    await endAllSessionsOfCurrentUser();
    expect((await row(alice.id))!.tokenVersion).toBe(1);
    expect((await row(bob.id))!.tokenVersion).toBe(0);
  });

  it("deletes only the caller's account, after checking the password", async () => {
    const alice = await seedUser();
    const bob = await seedUser();
    signInAs(alice);
    await expect(deleteOwnAccount("not my password")).rejects.toThrow(/not right/);
    expect(await row(alice.id)).toBeDefined();
    await deleteOwnAccount(TEST_PASSWORD);
    expect(await row(alice.id)).toBeUndefined();
    expect(await row(bob.id)).toBeDefined();
  });

  it("never returns the password hash to pages", async () => {
    const alice = await seedUser();
    signInAs(alice);
    const account = await getOwnAccount();
    expect(JSON.stringify(account)).not.toContain("argon2");
    expect(account).not.toHaveProperty("passwordHash");
  });
});
