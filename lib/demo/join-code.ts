/** The demo class's code (README "Demo"): it must be one the join form accepts (lib/validations/classes.ts). */
export const DEMO_JOIN_CODE = "PERD22";
