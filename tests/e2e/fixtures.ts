/**
 * Shared Playwright fixtures. Every test fails if the page requests any host
 * other than the app itself (no third parties, ever), and gets helpers to
 * create accounts straight in the test database.
 */
import { test as base, expect, type Page } from "@playwright/test";
import BetterSqlite3 from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";

export const E2E_PASSWORD = "correct horse battery staple";

type Role = "teacher" | "student" | "learner";

export interface E2EUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Opens the server's database (WAL: safe alongside the running server). */
export function openTestDb(): BetterSqlite3.Database {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error("E2E_DATABASE_PATH is not set (playwright.config.ts sets it)");
  const db = new BetterSqlite3(file);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return db;
}

let passwordHash: Promise<string> | undefined;

export async function createUser(role: Role, overrides: Partial<Pick<E2EUser, "username" | "displayName">> = {}): Promise<E2EUser> {
  passwordHash ??= hash(E2E_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const user: E2EUser = {
    id: crypto.randomUUID(),
    username: overrides.username ?? `${role}-${crypto.randomBytes(4).toString("hex")}`,
    displayName: overrides.displayName ?? `E2E ${role}`,
    role,
    password: E2E_PASSWORD,
  };
  const db = openTestDb();
  try {
    const now = Date.now();
    db.prepare(
      "insert into users (id, username, display_name, password_hash, role, token_version, must_change_password, created_at, updated_at) values (?, ?, ?, ?, ?, 0, 0, ?, ?)",
    ).run(user.id, user.username, user.displayName, await passwordHash, role, now, now);
  } finally {
    db.close();
  }
  return user;
}

export async function signIn(page: Page, user: Pick<E2EUser, "username" | "password">, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible();
}

export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const allowed = new URL(baseURL ?? "http://127.0.0.1").host;
      const foreign: string[] = [];
      context.on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol === "data:" || url.protocol === "blob:") return;
        if (url.host !== allowed) foreign.push(request.url());
      });
      await use(foreign);
      expect(foreign, "requests to hosts other than the app").toEqual([]);
    },
    { auto: true },
  ],
});

/** No serious or critical axe violations on the page as it stands, in light and in dark. */
export async function expectNoSeriousAxe(page: Page, label: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${label} (${colorScheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

export { expect };
