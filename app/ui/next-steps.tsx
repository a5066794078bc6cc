import type { SessionUser } from "@/lib/data/session";
import { listMyNextSteps } from "@/lib/data/next-steps";
import { NextStepsList } from "./next-steps-list";

/** "What to do next" for the signed-in reader (lib/data/next-steps.ts), rendered on the server. */
export async function NextSteps({ limit = 4, includeReading = true }: { user: SessionUser; limit?: number; includeReading?: boolean }) {
  return <NextStepsList steps={await listMyNextSteps({ limit, includeReading })} />;
}
