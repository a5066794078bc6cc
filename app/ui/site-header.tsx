import Link from "next/link";
import { getSessionUser } from "@/lib/data/session";
import { countDueReviews } from "@/lib/data/review";
import { signOutAction } from "@/app/account/actions";
import { AccountMenu } from "./account-menu";
import { GuestMerge } from "./guest-merge";
import { NAV_ITEMS } from "./nav-items";

const ROLE_LABEL = { teacher: "Teacher", student: "Student", learner: "Self-learner" } as const;

export async function SiteHeader() {
  const user = await getSessionUser();
  const audience = user?.role ?? "guest";
  const items = NAV_ITEMS.filter((item) => item.audience.includes(audience));
  const dueReviews = user && (user.role === "learner" || user.role === "student") ? await countDueReviews() : 0;
  return (
    <header data-site-header className="border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-stone-900 no-underline hover:no-underline dark:text-stone-50">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-700 text-sm font-black text-white dark:bg-brand-300 dark:text-stone-950">
            CL
          </span>
          Civics Lab
        </Link>
        <nav aria-label="Main" className="relative order-3 -mx-1 w-full overflow-x-auto sm:order-none sm:w-auto">
          <ul className="flex gap-1">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-stone-700 no-underline hover:bg-stone-100 hover:no-underline dark:text-stone-200 dark:hover:bg-stone-800">
                  {item.label}
                  {item.href === "/review" && dueReviews > 0 ? (
                    <span data-testid="review-due-count" className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-brand-700 px-1.5 text-xs font-semibold leading-5 text-white dark:bg-brand-300 dark:text-stone-950">
                      {dueReviews}
                      <span className="sr-only"> due</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <AccountMenu name={user.name} username={user.username} roleLabel={ROLE_LABEL[user.role]} signOut={signOutAction} />
          ) : (
            <>
              <Link href="/sign-in" className="btn-secondary">
                Sign in
              </Link>
              <Link href="/sign-up" className="btn-primary">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
      {user && (user.role === "learner" || user.role === "student") ? <GuestMerge /> : null}
    </header>
  );
}
