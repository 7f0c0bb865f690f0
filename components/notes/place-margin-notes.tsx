"use client";

import { useEffect } from "react";

/**
 * Moves each paragraph's notes into that paragraph's `.block-notes` column (margin on wide screens, under the text on
 * narrow ones) and adds an "N notes" link to its margin tools. The letter's HTML is cached and the same for every
 * reader, so per-reader notes are placed after load. Everything is put back on unmount, so React finds its nodes.
 */
export function PlaceMarginNotes() {
  useEffect(() => {
    const aside = document.querySelector<HTMLElement>("[data-margin-notes]");
    if (!aside) return;
    const undo: (() => void)[] = [];
    for (const group of aside.querySelectorAll<HTMLElement>("[data-notes-for]")) {
      const anchor = group.dataset.notesFor!;
      const block = document.querySelector(`.block[data-anchor="${CSS.escape(anchor)}"]`);
      const slot = block?.querySelector(".block-notes");
      if (!slot) continue;
      const nextSibling = group.nextSibling;
      slot.append(group);
      undo.push(() => aside.insertBefore(group, nextSibling));
      const tools = block!.querySelector(".paragraph-tools");
      if (tools) {
        const count = document.createElement("a");
        count.className = "notes-count";
        count.href = `#${group.id}`;
        // The group's heading reads "2 notes on paragraph 3": the same words in the margin and for screen readers.
        count.textContent = group.querySelector("[data-notes-count]")?.textContent ?? "";
        count.setAttribute("aria-label", group.querySelector("h2")?.textContent ?? "");
        tools.append(count);
        undo.push(() => count.remove());
      }
    }
    const wasHidden = aside.hidden;
    aside.hidden = aside.querySelector("[data-notes-for]") === null;
    undo.push(() => (aside.hidden = wasHidden));
    return () => undo.reverse().forEach((step) => step());
  }, []);
  return null;
}
