import type { PublicQuestion } from "@/lib/data/quizzes";
import { writingLines } from "@/lib/interop/paper";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function Lines({ count, label }: { count: number; label: string }) {
  return (
    <ol className="paper-lines" aria-label={label}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <span className="paper-line-number" aria-hidden="true">
            {i + 1}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Choices({ choices, mark }: { choices: { id: string; text: string }[]; mark: "circle" | "box" }) {
  return (
    <ul className="paper-choices">
      {choices.map((choice, i) => (
        <li key={choice.id}>
          <span className={mark === "circle" ? "paper-circle" : "paper-box"} aria-hidden="true" />
          <span>
            <span className="font-semibold">{LETTERS[i]}.</span> {choice.text}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One question as printed for students: prompts, choices with bubbles, and numbered lines for written answers. No keys. */
export function PaperQuestion({ question, number }: { question: PublicQuestion; number: number }) {
  const { data } = question;
  const prompt = <p className="paper-prompt">{data.prompt}</p>;
  let body: React.ReactNode = null;
  switch (data.type) {
    case "single":
      body = <Choices choices={data.choices} mark="circle" />;
      break;
    case "multiple":
      body = (
        <>
          <p className="paper-hint">Tick every answer that is right.</p>
          <Choices choices={data.choices} mark="box" />
        </>
      );
      break;
    case "true_false":
      body = <Choices choices={[{ id: "t", text: "True" }, { id: "f", text: "False" }]} mark="circle" />;
      break;
    case "ordering":
      body = (
        <>
          <p className="paper-hint">Number the events from 1 (first) to {data.items.length} (last).</p>
          <ul className="paper-choices">
            {data.items.map((item) => (
              <li key={item.id}>
                <span className="paper-blank-short" aria-hidden="true" /> {item.text}
              </li>
            ))}
          </ul>
        </>
      );
      break;
    case "matching":
      body = (
        <>
          <p className="paper-hint">Write the letter of the match on each line. {data.right.length > data.left.length ? "One letter is not used." : ""}</p>
          <div className="paper-matching">
            <ol>
              {data.left.map((left) => (
                <li key={left.id}>
                  <span className="paper-blank-short" aria-hidden="true" /> {left.text}
                </li>
              ))}
            </ol>
            <ul>
              {data.right.map((right, i) => (
                <li key={right.id}>
                  <span>
                    <span className="font-semibold">{LETTERS[i]}.</span> {right.text}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </>
      );
      break;
    case "short_answer":
      body = <Lines count={writingLines(data.maxLength)} label={`Lines for your answer to question ${number}`} />;
      break;
    case "numeric":
      body = (
        <p className="paper-answer">
          Answer: <span className="paper-blank-long" aria-hidden="true" /> {data.unit ?? ""}
        </p>
      );
      break;
    case "cloze": {
      const blankIds = data.segments.flatMap((segment) => ("blank" in segment ? [segment.blank] : []));
      body = (
        <p className="paper-cloze">
          {data.segments.map((segment, i) => {
            if (!("blank" in segment)) return <span key={i}>{segment.text}</span>;
            return (
              <span key={i} className="whitespace-nowrap">
                <span className="paper-blank-number">({blankIds.indexOf(segment.blank) + 1})</span>
                <span className="paper-blank-long" aria-hidden="true" />
              </span>
            );
          })}
        </p>
      );
      break;
    }
  }
  return (
    <li className="paper-question">
      <span className="paper-number">{number}.</span>
      <div className="min-w-0 flex-1">
        {prompt}
        {body}
      </div>
    </li>
  );
}
