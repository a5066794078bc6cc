// Replaces lib/data/session-token.ts in integration tests: `auth()` returns the fake session from ./session.
import { currentTestSession } from "./session";

export const auth = async () => currentTestSession();
export const currentAuthState = async () => null;
