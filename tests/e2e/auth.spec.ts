import { createUser, expect, signIn, test } from "./fixtures";

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
      await expect(page.locator("form [role=alert]")).toContainText(i < 4 ? "Wrong username or password" : "Too many failed sign-ins");
    }
    // Even the right password is refused while the account is locked.
    await page.getByLabel("Username or email").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toContainText("Too many failed sign-ins");
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
});
