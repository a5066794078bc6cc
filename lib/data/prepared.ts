/**
 * Drizzle prepared statements, built once per database connection.
 *
 * A quiz submission runs about ten statements inside its write transaction.
 * Building each query with Drizzle and having SQLite compile it again on every
 * request cost more than running it (measured in docs/BENCHMARKS.md), so the
 * hot paths describe their statements once with `sql.placeholder`s and reuse
 * them. Variable-length id lists go in as one JSON array through `json_each`.
 */
import type { Database } from "../../db/open";

export function statementsFor<T>(build: (db: Database) => T): (db: Database) => T {
  const byConnection = new WeakMap<Database, T>();
  return (db) => {
    let statements = byConnection.get(db);
    if (!statements) {
      statements = build(db);
      byConnection.set(db, statements);
    }
    return statements;
  };
}
