// Stand-in for the `server-only` package in Vitest.
export {};
