"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { NoteDialog, type NoteAssignment, type NoteTarget, type WritableGroup } from "./note-dialog";
import { passageFromRange, type SelectedPassage } from "./passage-from-selection";

const ANNOTATE_PARAGRAPH_ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M3 12.5l.6-2.6L10.4 3a1.4 1.4 0 012 2l-6.9 6.9zM9.5 4l2.5 2.5"/></svg>';

/** The label a paragraph's margin buttons already carry ("paragraph 3"), for the dialog's title. */
function labelOf(anchor: string): string {
  return document.querySelector<HTMLElement>(`button[data-action="cite"][data-anchor="${CSS.escape(anchor)}"]`)?.dataset.label ?? anchor;
}

/** Where the Annotate button goes: right after the selected paragraph's text, so Tab reaches it next. */
function slotAfter(paragraph: string): HTMLElement {
  const text = document.getElementById(paragraph)!;
  let slot = text.nextElementSibling as HTMLElement | null;
  if (!slot?.classList.contains("annotate-slot")) {
    slot = document.createElement("div");
    slot.className = "annotate-slot";
    text.after(slot);
  }
  return slot;
}

/**
 * Writing notes, for signed-in readers only (the page renders this component only for them, so anonymous readers
 * never load it). Select a passage inside one paragraph, with the mouse or Shift+arrows, and press Annotate (it
 * follows the paragraph, so Tab reaches it next); or use the margin tools' Annotate button for the whole paragraph.
 * Chromium extends a selection in read-only text with Shift+arrows but starts one from a caret only with caret
 * browsing (F7) on; the whole-paragraph button needs neither.
 */
export function NoteComposer({ slug, groups, assignment }: { slug: string; groups: WritableGroup[]; assignment?: NoteAssignment }) {
  const [selected, setSelected] = useState<(SelectedPassage & { slot: HTMLElement }) | null>(null);
  const [target, setTarget] = useState<NoteTarget | null>(null);
  const [opener, setOpener] = useState<HTMLElement | null>(null);

  useEffect(() => {
    function onSelectionChange() {
      const selection = document.getSelection();
      const passage = selection && selection.rangeCount > 0 ? passageFromRange(selection.getRangeAt(0)) : null;
      // Moving focus to the Annotate button must not take the passage away with it.
      if (!passage && document.activeElement?.closest(".annotate-slot")) return;
      setSelected(passage ? { ...passage, slot: slotAfter(passage.paragraph) } : null);
    }
    onSelectionChange(); // a passage selected while this code was still loading
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, []);

  // The margin tools are part of the cached letter HTML, the same for all readers: add the button for this reader.
  useEffect(() => {
    const added: HTMLElement[] = [];
    for (const cite of document.querySelectorAll<HTMLElement>('.paragraph-tools button[data-action="cite"]')) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "tool-button";
      button.dataset.action = "annotate-paragraph";
      button.dataset.anchor = cite.dataset.anchor!;
      button.setAttribute("aria-label", `Annotate ${cite.dataset.label}`);
      button.title = "Annotate paragraph";
      button.innerHTML = ANNOTATE_PARAGRAPH_ICON;
      cite.after(button);
      added.push(button);
    }
    function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action="annotate-paragraph"]');
      if (!button) return;
      const anchor = button.dataset.anchor!;
      setOpener(button);
      setTarget({ paragraph: anchor, label: labelOf(anchor), passage: null });
    }
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      added.forEach((button) => button.remove());
    };
  }, []);

  function annotateSelection() {
    // The selection as it is now: "selectionchange" arrives after the key that caused it, so a reader who extends
    // the selection and at once presses Tab and Enter (or the shortcut) would otherwise annotate one character short.
    const selection = document.getSelection();
    const passage = (selection && selection.rangeCount > 0 ? passageFromRange(selection.getRangeAt(0)) : null) ?? selected;
    if (!passage) return;
    setOpener(document.getElementById(passage.paragraph));
    setTarget({ paragraph: passage.paragraph, label: labelOf(passage.paragraph), passage: passage.selectors });
  }

  // Alt+Shift+A annotates the selected passage from wherever focus is. A modifier shortcut, not a single
  // character, so it cannot fire while someone types or uses speech input (WCAG 2.1.4).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyA")) return;
      if (!selected || target) return;
      event.preventDefault();
      annotateSelection();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  return (
    <>
      {selected && !target
        ? createPortal(
            <button type="button" className="button annotate-button" onClick={annotateSelection} aria-keyshortcuts="Alt+Shift+A" title="Annotate (Alt+Shift+A)">
              Annotate<span className="visually-hidden"> the selected passage of {labelOf(selected.paragraph)}</span>
            </button>,
            selected.slot,
          )
        : null}
      {target ? (
        <NoteDialog
          slug={slug}
          target={target}
          groups={groups}
          assignment={assignment}
          onClose={() => {
            setTarget(null);
            opener?.focus();
          }}
        />
      ) : null}
    </>
  );
}
