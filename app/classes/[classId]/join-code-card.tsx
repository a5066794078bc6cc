import Link from "next/link";
import { disableJoiningAction, rotateJoinCodeAction } from "../actions";

export function JoinCodeCard({ classId, joinCode, archived }: { classId: string; joinCode: string | null; archived: boolean }) {
  return (
    <section aria-labelledby="join-heading" className="card">
      <h2 id="join-heading" className="text-lg font-semibold">
        Class code
      </h2>
      {joinCode ? (
        <>
          <p className="mt-2 font-mono text-3xl font-bold tracking-[0.2em]" aria-label={`Class code ${joinCode.split("").join(" ")}`}>
            {joinCode}
          </p>
          <p className="muted mt-2 text-sm">
            Students go to <strong>/join</strong> on this site and enter the code (small letters, spaces and dashes are fine), or open the join link, which fills it in. No email needed.
          </p>
          <p className="mt-2 text-sm">
            Join link: <a href={`/join?code=${joinCode}`} className="break-all font-mono">{`/join?code=${joinCode}`}</a>
          </p>
          <p className="mt-3" data-no-print>
            <Link href={`/classes/${classId}/join-code`} className="btn-secondary">
              Show large for the projector
            </Link>
          </p>
        </>
      ) : (
        <p className="muted mt-2 text-sm">{archived ? "Archived classes can't be joined." : "Joining is off. Make a new code to let students join."}</p>
      )}
      {archived ? null : (
        <div className="mt-4 flex flex-wrap gap-2" data-no-print>
          <form action={rotateJoinCodeAction}>
            <input type="hidden" name="classId" value={classId} />
            <button type="submit" className="btn-secondary">
              {joinCode ? "Make a new code" : "Turn joining on"}
            </button>
          </form>
          {joinCode ? (
            <form action={disableJoiningAction}>
              <input type="hidden" name="classId" value={classId} />
              <button type="submit" className="btn-secondary">
                Turn joining off
              </button>
            </form>
          ) : null}
        </div>
      )}
    </section>
  );
}
