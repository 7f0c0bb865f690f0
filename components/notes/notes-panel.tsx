"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { NoteView } from "@/lib/annotations/note-view";
import type { NotesPageView } from "@/lib/annotations/notes-view-params";
import { NoteCard } from "./note-card";
import { listNotePage } from "./note-requests";
import { notesPanelQuery } from "./notes-panel-query";

/** Opens, closes or toggles the panel from anywhere on the page ("N more", the toolbar, the keyboard shortcut). */
export type NotesPanelRequest = { open?: boolean; paragraph?: string | null; returnFocus?: HTMLElement | null };
export const NOTES_PANEL_EVENT = "marginalia:notes-panel";
export const NOTES_PANEL_SHORTCUT = "Alt+Shift+N";

export function requestNotesPanel(request: NotesPanelRequest) {
  window.dispatchEvent(new CustomEvent<NotesPanelRequest>(NOTES_PANEL_EVENT, { detail: request }));
}

type PanelView = Omit<NotesPageView, "ignored" | "cursor" | "note">;
type Loaded = { key: string; notes: NoteView[]; nextCursor: string | null };

function labelOf(paragraph: string): string {
  return document.getElementById(paragraph)?.closest(".block")?.querySelector(".paragraph-number")?.getAttribute("aria-label")?.replace(/^Link to /, "") ?? paragraph;
}

/** The anchors of the letter's blocks in reading order, to follow the text as it scrolls. */
function blockOrder(): Map<string, number> {
  return new Map([...document.querySelectorAll<HTMLElement>(".edition .block[data-anchor]")].map((block, index) => [block.dataset.anchor!, index]));
}

/**
 * The notes panel: every note the reader may see, in the page's filters and sort, beside the text (a sidebar on wide
 * screens, a sheet on phones). It follows the letter: the notes of the paragraphs in view come first in view, unless
 * the reader is working in the panel. Alt+Shift+N opens and closes it; focus moves into it and back.
 */
export function NotesPanel({ slug, view, viewerId }: { slug: string; view: PanelView; viewerId: string | null }) {
  const [open, setOpen] = useState(false);
  const [paragraph, setParagraph] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const key = `${JSON.stringify(view)}|${paragraph ?? ""}`;

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      const result = await listNotePage(slug, notesPanelQuery(view, paragraph, cursor));
      setLoading(false);
      if (!result.ok) return setError(result.message);
      setError(null);
      setLoaded((previous) => ({
        key,
        notes: cursor && previous?.key === key ? [...previous.notes, ...result.data.notes] : result.data.notes,
        nextCursor: result.data.nextCursor,
      }));
    },
    // The view is the page's and changes only with a navigation, which renders the panel anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slug, key],
  );

  // Focus moves into the panel when it opens and back when it closes, once React has shown or hidden it (and the
  // margin, which the panel replaces on wide screens, is back).
  const focusAfterRender = useRef<"panel" | "back" | null>(null);
  const close = useCallback(() => {
    focusAfterRender.current = "back";
    setOpen(false);
  }, []);

  // Requests from the page, and the shortcut.
  useEffect(() => {
    function onRequest(event: Event) {
      const request = (event as CustomEvent<NotesPanelRequest>).detail ?? {};
      const next = request.open ?? !panel.current?.hasAttribute("data-open");
      if (next) {
        returnFocus.current = request.returnFocus ?? (document.activeElement as HTMLElement | null);
        focusAfterRender.current = "panel";
        setParagraph(request.paragraph ?? null);
        setOpen(true);
      } else close();
    }
    function onKey(event: KeyboardEvent) {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyN") {
        event.preventDefault();
        onRequest(new CustomEvent(NOTES_PANEL_EVENT, { detail: {} }));
      }
    }
    window.addEventListener(NOTES_PANEL_EVENT, onRequest);
    document.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener(NOTES_PANEL_EVENT, onRequest);
      document.removeEventListener("keydown", onKey);
    };
  }, [close]);

  // The page lays itself out around the panel (the margin steps aside for it on wide screens).
  useEffect(() => {
    document.documentElement.dataset.notesPanel = open ? "open" : "closed";
    window.dispatchEvent(new Event("marginalia:relayout-now"));
  }, [open]);
  useEffect(() => () => void delete document.documentElement.dataset.notesPanel, []);
  // After the page has taken the panel's state (declared after that effect, so it runs after it).
  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === "panel") heading.current?.focus();
    if (target === "back") {
      const back = returnFocus.current;
      const usable = back?.isConnected && back.checkVisibility?.() !== false;
      (usable ? back : document.querySelector<HTMLElement>("[data-notes-panel-button]"))?.focus();
    }
  }, [open, paragraph]);

  useEffect(() => {
    if (open && loaded?.key !== key && !loading) void load(null);
  }, [open, key, loaded, loading, load]);

  // Follow the letter: the first paragraph in view decides which notes come first in view.
  useEffect(() => {
    if (!open || typeof IntersectionObserver === "undefined") return;
    const order = blockOrder();
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const anchor = (entry.target as HTMLElement).dataset.anchor!;
          if (entry.isIntersecting) visible.add(anchor);
          else visible.delete(anchor);
        }
        const element = panel.current;
        if (!element || !list.current || element.matches(":hover") || element.contains(document.activeElement)) return;
        const first = [...visible].sort((a, b) => order.get(a)! - order.get(b)!)[0];
        if (!first) return;
        const cards = [...list.current.querySelectorAll<HTMLElement>(".note-card")];
        const at = order.get(first)!;
        const card =
          view.sort === "position"
            ? cards.find((candidate) => (order.get(candidate.dataset.paragraph ?? "") ?? -1) >= at)
            : cards.find((candidate) => candidate.dataset.paragraph === first);
        if (card) list.current.scrollTo({ top: card.offsetTop - list.current.offsetTop, behavior: "auto" });
      },
      { rootMargin: "-15% 0px -55% 0px" },
    );
    document.querySelectorAll(".edition .block[data-anchor]").forEach((block) => observer.observe(block));
    return () => observer.disconnect();
  }, [open, loaded, view.sort]);

  const notes = loaded?.key === key ? loaded.notes : [];
  return (
    <aside
      ref={panel}
      id="notes-panel"
      className="notes-panel"
      aria-labelledby="notes-panel-title"
      hidden={!open}
      data-open={open ? "" : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !(event.target as Element).closest("dialog, form")) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className="notes-panel-header">
        <h2 id="notes-panel-title" ref={heading} tabIndex={-1}>
          {paragraph ? `Notes on ${labelOf(paragraph)}` : "Notes"}
        </h2>
        <button type="button" className="button button--quiet" onClick={close} aria-keyshortcuts={NOTES_PANEL_SHORTCUT}>
          Close<span className="visually-hidden"> the notes panel</span>
        </button>
      </div>
      {paragraph ? (
        <p className="notes-panel-scope">
          <button type="button" className="link-button" onClick={() => setParagraph(null)}>
            All notes on the letter
          </button>
        </p>
      ) : null}
      <p className="notes-panel-status" role="status">
        {error ?? (loading && !notes.length ? "Loading notes…" : loaded?.key === key ? (notes.length === 1 ? "1 note" : `${notes.length}${loaded.nextCursor ? "+" : ""} notes`) : "")}
      </p>
      <ol className="notes-panel-list" ref={list}>
        {notes.map((note) => (
          <li key={note.id}>
            <NoteCard note={note} slug={slug} viewerId={viewerId} place="panel" />
          </li>
        ))}
      </ol>
      {loaded?.key === key && loaded.nextCursor ? (
        <p className="notes-panel-more">
          <button type="button" className="button" disabled={loading} onClick={() => void load(loaded.nextCursor)}>
            More notes
          </button>
        </p>
      ) : null}
    </aside>
  );
}
