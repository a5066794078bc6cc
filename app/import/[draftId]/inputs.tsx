"use client";

/** Small labelled inputs shared by the question editor and its type-specific fields. */

export function TextArea({ id, label, value, onChange, rows = 2 }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea id={id} className="field-input text-sm field-sizing-content" rows={Math.max(rows, Math.min(8, Math.ceil(value.length / 60)))} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function TextInput({ id, label, value, onChange, className = "" }: { id: string; label: string; value: string; onChange: (v: string) => void; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} className="field-input text-sm" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export const splitList = (value: string) => value.split(/\s*;\s*/);

export function nextId(ids: string[], prefix: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = prefix ? `${prefix}${n}` : String.fromCharCode(96 + n);
    if (!ids.includes(candidate)) return candidate;
  }
}

