"use client";

/** Picks a question type and adds an empty question of that type at the end of the list. */
import { useState } from "react";
import { NEW_TYPES } from "./blank-question";
import { TYPE_LABEL, type Kind } from "./question-labels";

export function AddQuestion({ onAdd }: { onAdd: (type: Kind) => void }) {
  const [newType, setNewType] = useState<Kind>("single");
  return (
    <div className="card flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="new-type" className="field-label">
          New question type
        </label>
        <select id="new-type" className="field-input" value={newType} onChange={(e) => setNewType(e.target.value as Kind)}>
          {NEW_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="btn-secondary" onClick={() => onAdd(newType)}>
        Add question
      </button>
    </div>
  );
}
