"use client";

import { createContext, useCallback, useContext, useEffect, useId, useRef, useState } from "react";

const STORAGE_KEY = "marginalia.review.shortcuts";

/** Whether single-key shortcuts are on: the decision buttons show their key only then. */
const ShortcutsContext = createContext(true);
export const useShortcutsEnabled = () => useContext(ShortcutsContext);

/** Keys that act on the item that holds the focus: each clicks that item's button marked data-shortcut. */
const ACTION_KEYS = new Set(["a", "h", "s"]);

export const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ["j", "n"], does: "Next item" },
  { keys: ["k", "p"], does: "Previous item" },
  { keys: ["a"], does: "Approve the item" },
  { keys: ["h"], does: "Hide the item (asks for the reason; Enter hides, Escape cancels)" },
  { keys: ["s"], does: "Mark the item as spam" },
  { keys: ["?"], does: "Show or hide this list" },
];

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable='true'], [contenteditable='']") !== null;
}

/**
 * The queue's keyboard layer (WCAG 2.1.4): single-key shortcuts act only while the focus is inside the queue and not
 * in a text field, and they can be turned off (remembered in this browser). Items are server-rendered articles marked
 * data-review-item; the keys move the focus between them and press the buttons of the one that holds it.
 */
export function ReviewQueueKeys({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  const regionRef = useRef<HTMLElement>(null);
  const helpRef = useRef<HTMLDetailsElement>(null);
  const [enabled, setEnabled] = useState(true);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    // Read after hydration: the server cannot know this browser's choice.
    setEnabled(window.localStorage.getItem(STORAGE_KEY) !== "off");
  }, []);

  const toggle = (on: boolean) => {
    setEnabled(on);
    try {
      window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page.
    }
    setAnnouncement(on ? "Single-key shortcuts on." : "Single-key shortcuts off.");
  };

  const move = useCallback((from: HTMLElement | null, step: 1 | -1) => {
    const items = [...(regionRef.current?.querySelectorAll<HTMLElement>("[data-review-item]") ?? [])];
    if (!items.length) return;
    const index = from ? items.indexOf(from) : -1;
    const next = index === -1 ? items[step === 1 ? 0 : items.length - 1] : items[index + step];
    if (!next) {
      setAnnouncement(step === 1 ? "This is the last item on this page." : "This is the first item on this page.");
      return;
    }
    next.focus();
    setAnnouncement("");
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    if (!enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    const key = event.key;
    const current = (event.target as HTMLElement).closest<HTMLElement>("[data-review-item]");
    if (key === "j" || key === "n") move(current, 1);
    else if (key === "k" || key === "p") move(current, -1);
    else if (key === "?") {
      if (helpRef.current) helpRef.current.open = !helpRef.current.open;
    } else if (ACTION_KEYS.has(key) && current) {
      const button = current.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]:not(:disabled)`);
      if (!button) {
        setAnnouncement("That decision is not available for this item.");
        return;
      }
      button.click();
    } else return;
    event.preventDefault();
  };

  return (
    <ShortcutsContext.Provider value={enabled}>
      <details className="review-shortcuts" ref={helpRef}>
        <summary>Keyboard shortcuts</summary>
        <p id={`${id}-hint`}>
          While the focus is in the queue (and not in a text field), single keys act on the item that holds it. Tab into
          the first item, or click one, to start.
        </p>
        <dl className="review-shortcut-list">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.does}>
              <dt>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index ? " or " : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
        <p className="choice">
          <input id={`${id}-toggle`} type="checkbox" checked={enabled} onChange={(event) => toggle(event.target.checked)} />
          <label htmlFor={`${id}-toggle`}>Single-key shortcuts</label>
        </p>
      </details>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <section ref={regionRef} className="review-queue" aria-label={label} aria-describedby={enabled ? `${id}-hint` : undefined} onKeyDown={onKeyDown}>
        {children}
      </section>
    </ShortcutsContext.Provider>
  );
}
