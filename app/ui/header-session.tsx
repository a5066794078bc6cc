"use client";

import Link from "next/link";
import { signOutAction } from "@/app/account/actions";
import { AccountMenu } from "./account-menu";
import { GuestMerge } from "./guest-merge";
import { NAV_ITEMS } from "./nav-items";
import { useViewer } from "./use-viewer";

const ROLE_LABEL = { teacher: "Teacher", student: "Student", learner: "Self-learner" } as const;

/**
 * The per-reader half of the header: navigation for the reader's role, the review due count,
 * the account menu or the sign-in links. Until GET /api/me answers (a few ms), the items every
 * audience shares are shown and the account area keeps its space, so nothing jumps.
 */
export function HeaderSession() {
  const viewer = useViewer();
  const user = viewer?.user ?? null;
  const audience = viewer === undefined ? null : (user?.role ?? "guest");
  const items = audience === null ? NAV_ITEMS.filter((item) => item.href === "/quizzes") : NAV_ITEMS.filter((item) => item.audience.includes(audience));
  const dueReviews = user && (user.role === "learner" || user.role === "student") ? user.dueReviews : 0;
  return (
    <>
      <nav aria-label="Main" className="relative order-3 -mx-1 w-full overflow-x-auto sm:order-none sm:w-auto">
        <ul className="flex min-h-9 gap-1">
          {items.map((item) => (
            <li key={item.href + item.label}>
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
      <div className="ml-auto flex min-h-10 items-center gap-2" aria-busy={viewer === undefined}>
        {viewer === undefined ? null : user ? (
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
      {user && (user.role === "learner" || user.role === "student") ? (
        <div className="order-4 w-full">
          <GuestMerge />
        </div>
      ) : null}
    </>
  );
}
