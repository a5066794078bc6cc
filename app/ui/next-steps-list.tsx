import Link from "next/link";
import type { NextStep } from "@/lib/viewer";

/** "What to do next" as a card: rendered on /progress, and by the catalog's client island from GET /api/me. */
export function NextStepsList({ steps }: { steps: NextStep[] }) {
  return (
    <section aria-labelledby="next-steps-heading" className="card space-y-3" data-testid="next-steps">
      <h2 id="next-steps-heading" className="text-lg font-semibold">
        What to do next
      </h2>
      <ol className="space-y-2 text-sm">
        {steps.map((step) => (
          <li key={step.key} className="flex flex-wrap items-baseline gap-x-2">
            <Link href={step.href} className="font-medium">
              {step.action}
            </Link>
            <span className="muted">— {step.why}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
