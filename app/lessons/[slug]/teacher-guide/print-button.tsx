"use client";

/** Opens the browser's print dialog; the page's print stylesheet lays the guide out for A4 or Letter. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="btn-primary" data-no-print>
      Print this guide
    </button>
  );
}
