"use client";

import { useEffect } from "react";
import { offsetAtPoint, rangeForPassage } from "./range-for-passage";
import { useNotesShown } from "./notes-mode";
import { requestNotesPanel } from "./notes-panel";

type Passage = { id: string; paragraph: string; start: number; end: number; card: HTMLElement };

/** Highlight names, styled in globals.css: depth 1, 2 and 3+ of overlapping passages, and the one in focus. */
const DEPTH_HIGHLIGHTS = ["marginalia-note-1", "marginalia-note-2", "marginalia-note-3"] as const;
const ACTIVE_HIGHLIGHT = "marginalia-note-active";

function passagesOnPage(): Passage[] {
  return [...document.querySelectorAll<HTMLElement>(".note-card[data-start]")].map((card) => ({
    id: card.dataset.noteId!,
    paragraph: card.dataset.paragraph!,
    start: Number(card.dataset.start),
    end: Number(card.dataset.end),
    card,
  }));
}

/** Splits a paragraph's passages into runs covered by 1, 2 or 3+ of them, so overlaps read darker, not hidden. */
function depthRuns(passages: Passage[]): { start: number; end: number; depth: number }[] {
  const edges = [...new Set(passages.flatMap((passage) => [passage.start, passage.end]))].sort((a, b) => a - b);
  const runs: { start: number; end: number; depth: number }[] = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const [start, end] = [edges[index]!, edges[index + 1]!];
    const depth = passages.filter((passage) => passage.start <= start && passage.end >= end).length;
    if (depth > 0) runs.push({ start, end, depth });
  }
  return runs;
}

function caretPoint(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  return position ? { node: position.offsetNode, offset: position.offset } : null;
}

/**
 * Draws the annotated passages over the cached letter text with the CSS Custom Highlight API (no change to the
 * text's DOM, so selection, copying and the screen-reader text stay exactly the letter's). Hovering or focusing a
 * note marks its passage; hovering a passage marks its notes; clicking a passage moves focus to its first note.
 * Browsers without the API still show each note's quote on its card.
 */
export function NoteHighlights({ openNoteId }: { openNoteId: string | null }) {
  // With the notes off, the letter reads bare: no highlights either.
  const shown = useNotesShown();
  useEffect(() => {
    if (!shown || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const passages = passagesOnPage();
    const byParagraph = Map.groupBy(passages, (passage) => passage.paragraph);
    const depth = DEPTH_HIGHLIGHTS.map(() => new Highlight());
    for (const [anchor, list] of byParagraph) {
      const element = document.getElementById(anchor);
      if (!element) continue;
      for (const run of depthRuns(list)) {
        const range = rangeForPassage(element, run.start, run.end);
        if (range) depth[Math.min(run.depth, DEPTH_HIGHLIGHTS.length) - 1]!.add(range);
      }
    }
    DEPTH_HIGHLIGHTS.forEach((name, index) => CSS.highlights.set(name, depth[index]!));
    const active = new Highlight();
    active.priority = 1;
    CSS.highlights.set(ACTIVE_HIGHLIGHT, active);
    document.documentElement.dataset.highlightsDrawnAt = String(Math.round(performance.now()));

    let marked: Passage[] = [];
    function mark(next: Passage[]) {
      if (next.length === marked.length && next.every((passage, index) => passage === marked[index])) return;
      marked.forEach((passage) => passage.card.classList.remove("is-active"));
      active.clear();
      for (const passage of next) {
        passage.card.classList.add("is-active");
        const element = document.getElementById(passage.paragraph);
        const range = element && rangeForPassage(element, passage.start, passage.end);
        if (range) active.add(range);
      }
      marked = next;
    }
    const cardPassage = (target: EventTarget | null) => {
      const card = (target as Element | null)?.closest?.<HTMLElement>(".note-card[data-start]");
      return card ? passages.find((passage) => passage.card === card) : undefined;
    };
    function passagesAt(x: number, y: number): Passage[] {
      const point = caretPoint(x, y);
      const element = point && (point.node.parentElement?.closest<HTMLElement>(".block-text[id]") ?? null);
      if (!point || !element) return [];
      const offset = offsetAtPoint(element, point.node, point.offset);
      if (offset === null) return [];
      return (byParagraph.get(element.id) ?? []).filter((passage) => passage.start <= offset && offset < passage.end);
    }

    let frame = 0;
    function onPointerMove(event: PointerEvent) {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const card = cardPassage(event.target);
        mark(card ? [card] : passagesAt(event.clientX, event.clientY));
      });
    }
    function onFocusIn(event: FocusEvent) {
      const card = cardPassage(event.target);
      if (card) mark([card]);
    }
    function onClick(event: MouseEvent) {
      if (!document.getSelection()?.isCollapsed) return;
      const [first] = passagesAt(event.clientX, event.clientY);
      if (first && !(event.target as Element).closest("a, button")) {
        if (first.card.checkVisibility?.() === false) {
          // Folded away in the margin ("N more"): its paragraph's notes open in the panel instead.
          requestNotesPanel({ open: true, paragraph: first.paragraph });
          return;
        }
        first.card.focus();
        first.card.scrollIntoView({ block: "nearest" });
      }
    }
    document.addEventListener("pointermove", onPointerMove);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("click", onClick);
    const opened = openNoteId ? passages.find((passage) => passage.id === openNoteId) : undefined;
    if (opened) mark([opened]);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("pointermove", onPointerMove);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("click", onClick);
      marked.forEach((passage) => passage.card.classList.remove("is-active"));
      [...DEPTH_HIGHLIGHTS, ACTIVE_HIGHLIGHT].forEach((name) => CSS.highlights.delete(name));
    };
  }, [openNoteId, shown]);
  return null;
}
