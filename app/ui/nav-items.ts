import type { Role } from "@/lib/roles";

export interface NavItem {
  href: string;
  label: string;
  /** Who sees it; "guest" means signed out. */
  audience: readonly (Role | "guest")[];
}

/** The main navigation, in order. Pages register themselves here. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/assignments", label: "My assignments", audience: ["student"] },
  { href: "/", label: "Today", audience: ["teacher"] },
  // A teacher's home is "Today"; the lesson catalogue sits below it.
  { href: "/#lessons-heading", label: "Lessons", audience: ["teacher"] },
  { href: "/", label: "Lessons", audience: ["guest", "learner", "student"] },
  { href: "/quizzes", label: "Quizzes", audience: ["guest", "learner", "student", "teacher"] },
  { href: "/review", label: "Review", audience: ["learner", "student"] },
  // Guests too: their read lessons are in this browser (app/vocabulary).
  { href: "/vocabulary", label: "Words", audience: ["guest", "learner", "student"] },
  { href: "/progress", label: "Progress", audience: ["learner", "student"] },
  { href: "/classes", label: "Classes", audience: ["teacher"] },
  { href: "/import", label: "Import article", audience: ["teacher"] },
  { href: "/join", label: "Join a class", audience: ["guest"] },
];
