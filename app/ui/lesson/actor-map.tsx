import type { ActorEntry } from "@/lib/data/lessons";

const GROUPS: { kind: ActorEntry["kind"]; title: string }[] = [
  { kind: "country", title: "Countries" },
  { kind: "person", title: "People" },
  { kind: "organization", title: "Organizations" },
];

/**
 * Who's who and where each stands, grouped by kind. Plain server-rendered
 * lists: nothing to operate but links, so keyboards, screen readers and
 * printers all get the same thing.
 */
export function ActorMap({ actors }: { actors: ActorEntry[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {GROUPS.map((group) => {
        const members = actors.filter((actor) => actor.kind === group.kind);
        if (members.length === 0) return null;
        return (
          <section key={group.kind} aria-labelledby={`actors-${group.kind}`}>
            <h3 id={`actors-${group.kind}`} className="text-sm font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300">
              {group.title} <span className="font-normal">({members.length})</span>
            </h3>
            <ul className="mt-2 space-y-3">
              {members.map((actor) => (
                <li key={actor.id} className="card p-4">
                  <p className="font-semibold">{actor.name}</p>
                  <p className="mt-0.5 text-sm muted">{actor.role}</p>
                  <p className="mt-2 text-sm">
                    <span className="font-semibold">Position: </span>
                    {actor.position}
                  </p>
                  <p className="mt-2 text-xs">
                    <a href={actor.source} rel="noopener noreferrer external">
                      Source<span className="sr-only"> for {actor.name}</span>
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
