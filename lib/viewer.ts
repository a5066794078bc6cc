/**
 * What GET /api/me answers: the per-reader parts of pages that are cached for
 * everyone (the header's account menu and due count, a lesson's progress and
 * saved level). Shared by the route and the client islands that ask for it.
 */
import type { Role } from "./roles";

export interface ViewerProgress {
  sectionsRead: string[];
  lastAnchor: string | null;
  completed: boolean;
}

export interface Viewer {
  user: { name: string; username: string; role: Role; dueReviews: number; mustChangePassword: boolean } | null;
  lesson: { readingLevel: number | null; progress: ViewerProgress | null } | null;
}
