import crypto from "node:crypto";
import { hash } from "@node-rs/argon2";
import { createUser, expect, openTestDb, signIn, test, type E2EUser } from "./fixtures";

/** A class owned by `teacher` with this join code, straight in the database. */
function createClassWithCode(teacher: E2EUser, code: string, name = "Period 2 civics"): string {
  const id = crypto.randomUUID();
  const db = openTestDb();
  try {
    db.prepare("delete from classes where join_code = ?").run(code);
    db.prepare("insert into classes (id, teacher_id, name, join_code, created_at, updated_at) values (?, ?, ?, ?, ?, ?)").run(id, teacher.id, name, code, Date.now(), Date.now());
  } finally {
    db.close();
  }
  return id;
}

test.describe("accounts", () => {
  test("sign up as a self-learner, sign out, sign back in", async ({ page }) => {
    const username = `newlearner${Date.now().toString(36)}`;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Ada Reader");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("a quiet river at dawn");
    await page.getByRole("button", { name: "Create account" }).click();
    const menu = page.getByRole("button", { name: /account menu/i });
    await expect(menu).toContainText("Ada Reader");

    await menu.click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await signIn(page, { username, password: "a quiet river at dawn" });
  });

  test("sign-up explains weak passwords and taken usernames and keeps nothing", async ({ page }) => {
    const existing = await createUser("learner");
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone");
    await page.getByLabel("Username").fill(existing.username);
    await page.getByLabel("Password").fill("password1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("most common")).toBeVisible();

    // The form keeps what was typed (except the password).
    await expect(page.getByLabel("Your name")).toHaveValue("Someone");
    await expect(page.getByLabel("Username")).toHaveValue(existing.username);
    await page.getByLabel("Password").fill("a long unusual passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("That username or email can't be used for a new account.")).toBeVisible();

    await page.getByLabel("Username").fill("<script>x</script>");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(/Use letters, numbers/)).toBeVisible();
  });

  test("wrong password gets a clear message; repeated failures are rate limited", async ({ page }) => {
    const user = await createUser("learner");
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i += 1) {
      await page.getByLabel("Username or email").fill(user.username);
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      // Wait for this attempt's answer: the previous message is still on screen until it arrives.
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
      await expect(page.locator("form [role=alert]")).toContainText(i < 4 ? "Wrong username or password" : "Too many wrong passwords for this account");
    }
    // Even the right password is refused while the account is locked.
    await page.getByLabel("Username or email").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toContainText("Too many wrong passwords for this account");
  });

  test("protected pages send signed-out visitors to sign in and back", async ({ page }) => {
    const user = await createUser("teacher");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
    await page.getByLabel("Username or email").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  });

  test("a copied session cookie stops working after sign-out", async ({ page, browser }) => {
    const user = await createUser("learner");
    await signIn(page, user);
    const cookies = await page.context().cookies();
    const other = await browser.newContext();
    await other.addCookies(cookies);
    const stolen = await other.newPage();
    await stolen.goto("/account");
    await expect(stolen.getByRole("heading", { name: "Account", exact: true })).toBeVisible();

    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test("a session cookie stops working after a password change", async ({ page, browser }) => {
    const user = await createUser("learner");
    await signIn(page, user);
    const other = await browser.newContext();
    await other.addCookies(await page.context().cookies());

    await page.goto("/account");
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password").fill("a brand new secret phrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=password-changed/);

    const stolen = await other.newPage();
    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await other.close();

    await signIn(page, { username: user.username, password: "a brand new secret phrase" });
  });

  test("next-auth's own sign-out route ends the session too: a copied cookie stops working", async ({ page, browser }) => {
    const user = await createUser("learner");
    await signIn(page, user);
    const other = await browser.newContext();
    await other.addCookies(await page.context().cookies());
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
    expect(response.status()).toBeLessThan(400);
    const stolen = await other.newPage();
    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await other.close();
  });
});

test.describe("a class can always get in (issue #19)", () => {
  test("a code typed any way works; a wrong one explains itself and keeps every field; the join link fills the code in", async ({ page }) => {
    const teacher = await createUser("teacher");
    createClassWithCode(teacher, "PERD22");
    const username = `joiner${Date.now().toString(36)}`;
    await page.goto("/join?code=perd-22");
    await expect(page.getByLabel("Class code")).toHaveValue("PERD22");

    await page.getByLabel("Class code").fill("demo22");
    await page.getByLabel("Your name").fill("Jo Student");
    await page.getByLabel("Choose a username").fill(username);
    await page.getByLabel("Choose a password").fill("a river of small stones");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page.getByText(/never use the letters O, I or L/).first()).toBeVisible();
    await expect(page.getByLabel("Class code")).toHaveValue("demo22");
    await expect(page.getByLabel("Your name")).toHaveValue("Jo Student");
    await expect(page.getByLabel("Choose a username")).toHaveValue(username);
    await expect(page.getByLabel("Choose a password")).toHaveValue("a river of small stones");

    await page.getByLabel("Class code").fill(" perd 22 ");
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(page).toHaveURL(/\/assignments\?joined=1/);
    await expect(page.getByText(/Too many/)).toHaveCount(0);
  });

  test("the teacher can show the code large for the projector, with the join link", async ({ page }) => {
    const teacher = await createUser("teacher");
    const classId = createClassWithCode(teacher, "K7M2QX", "Projector class");
    await signIn(page, teacher, `/classes/${classId}`);
    await page.getByRole("link", { name: "Show large for the projector" }).click();
    await expect(page).toHaveURL(new RegExp(`/classes/${classId}/join-code$`));
    const code = page.getByLabel("Class code K 7 M 2 Q X");
    await expect(code).toBeVisible();
    expect(parseFloat(await code.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThan(80);
    await expect(page.getByText(/\/join\?code=K7M2QX/)).toBeVisible();
  });

  test("a one-time password must be changed before anything else", async ({ page }) => {
    const teacher = await createUser("teacher");
    const classId = createClassWithCode(teacher, "Q7W3ZN", "One-time class");
    const oneTime = "maple-orbit-47";
    const student = { id: crypto.randomUUID(), username: `printed${Date.now().toString(36)}`, password: oneTime };
    const db = openTestDb();
    try {
      const passwordHash = await hash(oneTime, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      db.prepare("insert into users (id, username, display_name, password_hash, role, token_version, must_change_password, created_at, updated_at) values (?, ?, 'Printed Student', ?, 'student', 0, 1, ?, ?)").run(student.id, student.username, passwordHash, Date.now(), Date.now());
      db.prepare("insert into class_members (class_id, student_id, created_at) values (?, ?, ?)").run(classId, student.id, Date.now());
    } finally {
      db.close();
    }
    await page.goto("/sign-in");
    await page.getByLabel("Username or email").fill(student.username);
    await page.getByLabel("Password").fill(oneTime);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/password$/);
    for (const path of ["/", "/assignments", "/lessons", "/account", "/progress"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/account\/password$/);
    }
    await page.getByLabel("One-time password from your teacher").fill(oneTime);
    await page.getByLabel("Your new password").fill("my own secret river");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page).not.toHaveURL(/\/account\/password/);
    await page.goto("/assignments");
    await expect(page).toHaveURL(/\/assignments$/);
    // The printed password no longer works.
    const check = openTestDb();
    const row = check.prepare("select must_change_password as m from users where id = ?").get(student.id) as { m: number };
    check.close();
    expect(row.m).toBe(0);
  });
});
