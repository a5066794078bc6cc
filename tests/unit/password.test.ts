import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/passwords/password";

describe("password policy", () => {
  it("rejects passwords shorter than 8 characters", () => {
    expect(passwordProblem("short1!")).toMatch(/at least 8/);
  });
  it("rejects very long passwords", () => {
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });
  it("rejects common passwords regardless of case", () => {
    expect(passwordProblem("password")).toMatch(/most common/);
    expect(passwordProblem("Password1")).toMatch(/most common/);
    expect(passwordProblem("qwertyuiop")).toMatch(/most common/);
  });
  it("rejects the username as password", () => {
    expect(passwordProblem("mynameisjo", { username: "MyNameIsJo" })).toMatch(/username/);
  });
  it("accepts a long unusual passphrase without composition rules", () => {
    expect(passwordProblem("purple giraffes argue politely")).toBeNull();
  });
});

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("purple giraffes argue politely");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hash, "purple giraffes argue politely")).resolves.toBe(true);
    await expect(verifyPassword(hash, "purple giraffes argue rudely")).resolves.toBe(false);
  });
  it("returns false for a missing account or a malformed hash", async () => {
    await expect(verifyPassword(null, "anything at all")).resolves.toBe(false);
    await expect(verifyPassword("not-a-hash", "anything at all")).resolves.toBe(false);
  });
});
