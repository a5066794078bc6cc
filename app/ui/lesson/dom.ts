/** Small DOM helpers shared by the lesson page's client islands. */

/** The first lesson paragraph whose top is in the viewport (or the one straddling its top edge). */
export function paragraphInView(): HTMLElement | null {
  const paragraphs = document.querySelectorAll<HTMLElement>("[data-paragraph]");
  for (const paragraph of paragraphs) {
    const rect = paragraph.getBoundingClientRect();
    if (rect.bottom > 80) return rect.top < window.innerHeight ? paragraph : null;
  }
  return null;
}

/** Brings a paragraph into view, marks it and moves focus there so keyboard and screen-reader users land on it too. */
export function revealParagraph(element: HTMLElement, options: { highlight: boolean }): void {
  if (options.highlight) {
    document.querySelectorAll("[data-highlight]").forEach((el) => el.removeAttribute("data-highlight"));
    element.setAttribute("data-highlight", "");
  }
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  element.focus({ preventScroll: true });
  keepInViewWhileLoading(element);
}

/**
 * After a client-side navigation the page's sent-once blocks (objectives, vocabulary, timeline…) arrive a moment
 * later from /api/html and push the text down, leaving the paragraph just revealed out of view. For a few seconds,
 * while the page grows and the reader hasn't scrolled or pressed anything, bring it back.
 */
function keepInViewWhileLoading(element: HTMLElement): void {
  if (typeof ResizeObserver === "undefined") return;
  let first = true;
  const observer = new ResizeObserver(() => {
    // The first call reports the size at the start: the scroll above is already under way.
    if (first) {
      first = false;
      return;
    }
    element.scrollIntoView({ block: "center", behavior: "auto" });
  });
  const stop = () => {
    observer.disconnect();
    for (const type of USER_MOVES) window.removeEventListener(type, stop, true);
  };
  for (const type of USER_MOVES) window.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(document.body);
  window.setTimeout(stop, 3000);
}

const USER_MOVES = ["wheel", "touchstart", "pointerdown", "keydown"] as const;
