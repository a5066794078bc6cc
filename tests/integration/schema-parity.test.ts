/**
 * The SQLite schema (db/schema.ts) and its PostgreSQL twin (db/schema.pg.ts)
 * describe the same database: same tables, columns, logical types,
 * nullability, defaults, primary keys, indexes, unique and foreign keys.
 * Both engines' migrations are generated from these files, so this test is
 * what keeps the two engines from drifting apart.
 */
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { is, type Column } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as pg from "@/db/schema.pg";
import * as sqlite from "@/db/schema";

/** SQLite storage types as the app uses them → the PostgreSQL type each must become. */
function logicalType(column: Column, dialect: "sqlite" | "pg"): string {
  const type = column.getSQLType();
  const key = `${dialect}:${column.columnType}:${type}`;
  const map: Record<string, string> = {
    "sqlite:SQLiteText:text": "text",
    "pg:PgText:text": "text",
    "sqlite:SQLiteInteger:integer": "integer",
    "pg:PgInteger:integer": "integer",
    "sqlite:SQLiteTimestamp:integer": "timestamp",
    "pg:PgTimestamp:timestamp (3) with time zone": "timestamp",
    "sqlite:SQLiteBoolean:integer": "boolean",
    "pg:PgBoolean:boolean": "boolean",
    "sqlite:SQLiteTextJson:text": "json",
    "pg:PgJsonb:jsonb": "json",
    "sqlite:SQLiteReal:real": "double",
    "pg:PgDoublePrecision:double precision": "double",
  };
  const logical = map[key];
  if (!logical) throw new Error(`No mapping for ${key} (column ${column.name}): add it here and to db/schema.pg.ts's header`);
  return logical;
}

function describeColumn(column: Column, dialect: "sqlite" | "pg") {
  const identity = dialect === "pg" ? Boolean((column as unknown as { generatedIdentity?: unknown }).generatedIdentity) : Boolean((column as unknown as { autoIncrement?: boolean }).autoIncrement);
  return {
    name: column.name,
    type: logicalType(column, dialect),
    notNull: column.notNull,
    primary: column.primary,
    hasDefault: column.hasDefault && !identity,
    default: column.default === undefined ? null : JSON.stringify(column.default),
    defaultFn: Boolean(column.defaultFn),
    onUpdateFn: Boolean(column.onUpdateFn),
    enumValues: column.enumValues ?? null,
    autoIncrement: identity,
  };
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function describeTable(config: Config, dialect: "sqlite" | "pg") {
  const sortBy = <T>(list: T[], key: (t: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    name: config.name,
    columns: sortBy(config.columns.map((c: Column) => describeColumn(c, dialect)), (c) => c.name),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c: Column) => c.name)),
    indexes: sortBy(
      config.indexes.map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        columns: index.config.columns.map((c) => (c as Column).name),
      })),
      (i) => i.name ?? "",
    ),
    foreignKeys: sortBy(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map((c: Column) => c.name),
          table: dialect === "pg" ? pgConfig(ref.foreignTable as PgTable).name : sqliteConfig(ref.foreignTable as SQLiteTable).name,
          foreignColumns: ref.foreignColumns.map((c: Column) => c.name),
          onDelete: fk.onDelete ?? "no action",
          onUpdate: fk.onUpdate ?? "no action",
        };
      }),
      (f) => f.columns.join(","),
    ),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.columns.map((c: Column) => c.name)),
  };
}

function tablesOf(module: Record<string, unknown>, dialect: "sqlite" | "pg") {
  const out: Record<string, unknown> = {};
  for (const [exportName, value] of Object.entries(module)) {
    if (dialect === "sqlite" && is(value, SQLiteTable)) out[exportName] = describeTable(sqliteConfig(value), "sqlite");
    if (dialect === "pg" && is(value, PgTable)) out[exportName] = describeTable(pgConfig(value), "pg");
  }
  return out;
}

describe("one schema on two engines", () => {
  const sqliteTables = tablesOf(sqlite, "sqlite");
  const pgTables = tablesOf(pg, "pg");

  it("has the same tables under the same export names", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(20);
  });

  for (const name of Object.keys(sqliteTables)) {
    it(`${name}: columns, types, nullability, defaults, keys and indexes match`, () => {
      expect(pgTables[name]).toEqual(sqliteTables[name]);
    });
  }

  it("maps every column to a type (the mapping refuses anything unknown)", () => {
    const odd = { getSQLType: () => "blob", columnType: "SQLiteBlobBuffer", name: "x" } as unknown as Column;
    expect(() => logicalType(odd, "sqlite")).toThrow(/No mapping/);
  });
});
