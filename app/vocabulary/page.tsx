import type { Metadata } from "next";
import Link from "next/link";
import { getVocabularyDeck } from "@/lib/data/vocabulary";
import { VocabularyPractice } from "./vocabulary-practice";

export const metadata: Metadata = { title: "Vocabulary practice" };

/** Open to everyone: signed-in readers get the words of the lessons they've read; guests', from this browser's reading progress. */
export default async function VocabularyPage() {
  const deck = await getVocabularyDeck();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="page-title">Vocabulary</h1>
        <p className="muted mt-2 max-w-2xl">
          The key words of the lessons you&apos;ve read, a few at a time.
          {deck.readLessonIds ? (
            <>
              {" "}
              Questions you answered in quizzes come back in <Link href="/review">Review</Link>.
            </>
          ) : (
            " Without an account, this browser remembers what you've read."
          )}
        </p>
      </div>
      <VocabularyPractice terms={deck.terms} readLessonIds={deck.readLessonIds} lessons={deck.lessons} />
    </div>
  );
}
