"use client";

import { useEffect, useState } from "react";
import { CorrectionDialog } from "./correction-dialog";

const CORRECT_TEXT_ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M2 4h9M2 7h7M2 10h4M8.5 13.5l.5-2 4.2-4.2a1.1 1.1 0 011.5 1.5L10.5 13z"/></svg>';

type Target = { anchor: string; label: string };

/**
 * For admins: a "Correct text" button in each paragraph's margin tools, opening the correction dialog. The margin
 * tools are part of the cached letter HTML, the same for every reader, so the button is added here, for this
 * reader only (as the note composer adds "Annotate paragraph").
 */
export function CorrectionTool({ slug }: { slug: string }) {
  const [target, setTarget] = useState<Target | null>(null);
  const [opener, setOpener] = useState<HTMLElement | null>(null);

  useEffect(() => {
    const added: HTMLElement[] = [];
    for (const cite of document.querySelectorAll<HTMLElement>('.paragraph-tools button[data-action="cite"]')) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "tool-button";
      button.dataset.action = "correct-text";
      button.dataset.anchor = cite.dataset.anchor!;
      button.dataset.label = cite.dataset.label!;
      button.setAttribute("aria-label", `Correct the text of ${cite.dataset.label}`);
      button.title = "Correct text";
      button.innerHTML = CORRECT_TEXT_ICON;
      cite.parentElement!.append(button);
      added.push(button);
    }
    function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action="correct-text"]');
      if (!button) return;
      setOpener(button);
      setTarget({ anchor: button.dataset.anchor!, label: button.dataset.label ?? button.dataset.anchor! });
    }
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      added.forEach((button) => button.remove());
    };
  }, []);

  return target ? (
    <CorrectionDialog
      slug={slug}
      anchor={target.anchor}
      label={target.label}
      onClose={() => {
        setTarget(null);
        opener?.focus();
      }}
    />
  ) : null;
}
