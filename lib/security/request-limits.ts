// Transitional: the request limits moved to lib/data/request-limits.ts (they count in the database). This alias
// stays only for app/import/actions.ts, which another branch owns; delete it once that import points there.
export { limitArticleImport } from "../data/request-limits";
