/**
 * Password hashing (argon2id, OWASP parameters) and the password policy:
 * 8-128 characters, not one of the most common passwords. No composition
 * rules (ASVS 6.2.5).
 */
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

/** @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html */
// `Algorithm` is an ambient const enum that isolated modules can't read: 2 is Argon2id.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** How many of the most common passwords (ranked) are refused. */
const DENYLIST_SIZE = 10000;

let denylist: Set<string> | undefined;
function getDenylist(): Set<string> {
  denylist ??= new Set((dictionary["passwords-common"]).slice(0, DENYLIST_SIZE));
  return denylist;
}

/** Returns a message for the user when the password is not acceptable, else null. */
export function passwordProblem(password: string, context: { username?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lowered = password.toLowerCase();
  if (getDenylist().has(lowered)) return "That password is one of the most common ones. Choose another.";
  if (context.username && lowered === context.username.toLowerCase()) return "Your password can't be your username.";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified against when the account doesn't exist, so response time doesn't reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
