// Transitional: the session checks moved to lib/data/session.ts (every DAL function starts with them). This alias
// stays only for files other branches own (lesson and import pages); delete it once they import lib/data/session.
export { requirePageUser, getSessionUser, requireUser, type SessionUser } from "../data/session";
