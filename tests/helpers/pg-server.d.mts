// Types for pg-server.mjs (the project doesn't type-check JavaScript).
export declare const PG_ADMIN_URL: string;
export declare const PG_ENABLE_HINT: string;
export declare function postgresProblem(): Promise<string | null>;
export declare function pgUrlFor(name: string): string;
