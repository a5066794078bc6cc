/** Says that the draft is published, where the lesson is, and whether saved changes still wait to be published. */
import Link from "next/link";

export function PublishedNotice({ lessonId, version, changesWaiting }: { lessonId: string; version: number | null; changesWaiting: boolean }) {
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
      <p className="font-semibold">
        Published as a private lesson and quiz{version ? ` (version ${version})` : ""}.
      </p>
      <p className="mt-1">
        Only you and the classes you assign it to can see it: <Link href={`/lessons/${lessonId}`}>open the lesson</Link>. You can still correct it here; publishing your changes
        makes a new version, and students&apos; past results keep the version they answered.
      </p>
      {changesWaiting ? <p className="mt-1 font-semibold">Saved changes are waiting to be published.</p> : null}
    </div>
  );
}
