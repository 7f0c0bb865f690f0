"use client";

import { useEffect } from "react";

/**
 * Adds an "N notes" link to each annotated paragraph's margin tools. The tools are part of the letter's cached HTML,
 * the same for every reader, so the per-reader count is added after load; it is removed again on unmount.
 */
export function NoteCountLinks() {
  useEffect(() => {
    const added: HTMLElement[] = [];
    for (const group of document.querySelectorAll<HTMLElement>("[data-notes-for]")) {
      const tools = document.querySelector(`.block[data-anchor="${CSS.escape(group.dataset.notesFor!)}"] .paragraph-tools`);
      if (!tools) continue;
      const count = document.createElement("a");
      count.className = "notes-count";
      count.href = `#${group.id}`;
      // The group's heading reads "2 notes on paragraph 3": the same words in the margin and for screen readers.
      count.textContent = group.querySelector("[data-notes-count]")?.textContent ?? "";
      count.setAttribute("aria-label", group.querySelector(".paragraph-notes-heading")?.textContent ?? "");
      tools.append(count);
      added.push(count);
    }
    return () => added.forEach((count) => count.remove());
  }, []);
  return null;
}
