import type { layOutMargin } from "@/lib/reading/margin-layout";

/**
 * Lays the letter's margin out and keeps it laid out. It runs twice over, on purpose:
 * - as an inline script right after the letter's blocks (MarginLayoutScript), serialised with toString, so the
 *   margin is final before the first paint and nothing shifts (CLS);
 * - from MarginLayout's effect after a client-side navigation, where React does not run inline scripts.
 * Installing twice is harmless: window listeners are installed once, and each run lays out the current page.
 *
 * Self-contained like layOutMargin (no imports at run time, no closures over module scope).
 *
 * Wide screens (the margin column exists): every paragraph's notes section is positioned absolutely beside its
 * paragraph (`.margin-laid-out`), moved with a transform to where layOutMargin says, and cards that do not fit are
 * marked `data-collapsed` behind an "N more" button that opens the notes panel. Narrow screens: the sections stay in
 * the flow under their paragraph, collapsed to one line (`.notes-collapsible`) until opened. Notes off, or the panel
 * open on a wide screen: the margin is not laid out at all.
 */
export function installMarginLayout(layOut: typeof layOutMargin): void {
  type State = { frame: number; observer: ResizeObserver | null; observed: Element[] };
  const globals = window as unknown as { __marginaliaMargin?: State };
  const WIDE = "(min-width: 72.0625rem)";

  function sectionsOf(root: Element): HTMLElement[] {
    return Array.from(root.querySelectorAll<HTMLElement>(".block-notes > .paragraph-notes"));
  }

  function pinnedTarget(): string | null {
    const id = decodeURIComponent(window.location.hash.slice(1));
    return id.indexOf("note-") === 0 ? id : null;
  }

  function isPinned(card: HTMLElement, target: string | null): boolean {
    return (
      card.id === target ||
      card.hasAttribute("data-open") ||
      card.contains(document.activeElement) ||
      card.querySelector('[aria-expanded="true"]') !== null
    );
  }

  function reset(root: Element, sections: HTMLElement[]) {
    root.classList.remove("margin-laid-out");
    for (const section of sections) {
      section.style.transform = "";
      for (const card of Array.from(section.querySelectorAll<HTMLElement>(":scope > [data-collapsed]"))) card.removeAttribute("data-collapsed");
      const more = section.querySelector<HTMLElement>("[data-notes-more]");
      if (more) more.hidden = true;
      const link = section.querySelector<HTMLElement>("[data-notes-all]");
      if (link) link.hidden = false;
    }
  }

  function layOutNow() {
    const root = document.querySelector<HTMLElement>(".edition");
    if (!root) return;
    // Normally set by the page's first inline script; not run after a client-side navigation.
    document.documentElement.dataset.jsMargin = "";
    const sections = sectionsOf(root);
    const target = pinnedTarget();
    root.classList.add("notes-collapsible");
    // Narrow screens: open the paragraph a note permalink points into, or that holds an open thread.
    for (const section of sections) {
      const cards = Array.from(section.querySelectorAll<HTMLElement>(":scope > .note-card"));
      if (cards.some((card) => isPinned(card, target)) && !section.classList.contains("is-expanded")) {
        section.classList.add("is-expanded");
        section.querySelector("[data-notes-toggle]")?.setAttribute("aria-expanded", "true");
      }
    }
    const html = document.documentElement;
    const wide = window.matchMedia(WIDE).matches;
    if (!wide || html.dataset.notes === "off" || html.dataset.notesPanel === "open") {
      reset(root, sections);
      return;
    }
    // Measure with every card shown and the "N more" line in place (left visible if it is: it may hold focus).
    for (const section of sections) {
      section.style.transform = "";
      for (const card of Array.from(section.querySelectorAll<HTMLElement>(":scope > [data-collapsed]"))) card.removeAttribute("data-collapsed");
    }
    root.classList.add("margin-laid-out");
    const origin = root.getBoundingClientRect().top;
    const inputs = sections.map((section) => {
      const block = section.closest(".block")!;
      const cards = Array.from(section.querySelectorAll<HTMLElement>(":scope > .note-card"));
      const more = section.querySelector<HTMLElement>("[data-notes-more]");
      const link = section.querySelector<HTMLElement>("[data-notes-all]");
      if (more) more.hidden = false;
      if (link) link.hidden = true;
      const footer = section.querySelector<HTMLElement>(".paragraph-notes-more");
      const sectionTop = section.getBoundingClientRect().top;
      const tops = cards.map((card) => card.getBoundingClientRect().top - sectionTop);
      const footerTop = footer ? footer.getBoundingClientRect().top - sectionTop : section.offsetHeight;
      const heights = cards.map((card, index) => (index + 1 < cards.length ? tops[index + 1]! : footerTop) - tops[index]!);
      const moreHeight = footer ? section.offsetHeight - footerTop : 0;
      return {
        anchorTop: block.getBoundingClientRect().top - origin,
        headerHeight: cards.length ? tops[0]! : footerTop,
        cardHeights: heights,
        pinned: cards.flatMap((card, index) => (isPinned(card, target) ? [index] : [])),
        moreHeight,
        hasMore: link !== null,
        cards,
        section,
      };
    });
    const text = root.querySelector(".edition-text");
    const footnotes = root.querySelector(".footnotes");
    const end = ((footnotes ?? text)?.getBoundingClientRect().bottom ?? origin) - origin;
    const placements = layOut(inputs, { gap: 16, end });
    placements.forEach((placement, index) => {
      const input = inputs[index]!;
      input.section.style.transform = placement.top === input.anchorTop ? "" : `translateY(${Math.round(placement.top - input.anchorTop)}px)`;
      const shown: Record<number, boolean> = {};
      for (const card of placement.shown) shown[card] = true;
      input.cards.forEach((card, card_index) => {
        if (!shown[card_index]) card.setAttribute("data-collapsed", "");
      });
      const hiddenHere = input.cards.length - placement.shown.length;
      const more = input.section.querySelector<HTMLElement>("[data-notes-more]");
      const link = input.section.querySelector<HTMLElement>("[data-notes-all]");
      if (hiddenHere === 0) {
        if (more) more.hidden = true;
        if (link) link.hidden = false;
      } else if (more) {
        const total = Number(input.section.dataset.notesTotal) || input.cards.length;
        const count = total - placement.shown.length;
        // An attribute, not text: React would take changed text for a hydration mismatch and render the page anew.
        more.dataset.count = `${count} more`;
      }
    });
    html.dataset.marginLaidOutAt = String(Math.round(performance.now()));
    if (!html.dataset.marginLaidOutFirstAt) html.dataset.marginLaidOutFirstAt = html.dataset.marginLaidOutAt;
    const state = globals.__marginaliaMargin!;
    // Watch what can change a height: a thread opening, a reply form, an image of a note body, fonts.
    const watched: Element[] = [root, ...sections];
    if (state.observed.length !== watched.length || state.observed.some((element, index) => element !== watched[index])) {
      state.observer?.disconnect();
      state.observed = watched;
      if (typeof ResizeObserver !== "undefined") {
        let first = true;
        state.observer = new ResizeObserver(() => {
          // The observer reports every element once when it starts observing: nothing has changed yet.
          if (first) return void (first = false);
          schedule();
        });
        for (const element of watched) state.observer.observe(element);
      }
    }
  }

  function schedule() {
    const state = globals.__marginaliaMargin!;
    if (state.frame) return;
    state.frame = requestAnimationFrame(() => {
      state.frame = 0;
      layOutNow();
    });
  }

  if (!globals.__marginaliaMargin) {
    globals.__marginaliaMargin = { frame: 0, observer: null, observed: [] };
    window.addEventListener("resize", schedule);
    window.addEventListener("hashchange", schedule);
    window.addEventListener("marginalia:relayout", schedule);
    // At once, for a change the next line of code depends on (the panel closing gives focus back into the margin).
    window.addEventListener("marginalia:relayout-now", () => layOutNow());
    document.addEventListener("focusin", (event) => {
      if ((event.target as Element | null)?.closest?.(".block-notes")) schedule();
    });
    document.fonts?.ready.then(schedule);
    // Delegated, so the buttons work before (and whatever) React hydrates.
    document.addEventListener("click", (event) => {
      const element = event.target as Element | null;
      const toggle = element?.closest?.<HTMLElement>("[data-notes-toggle]");
      if (toggle) {
        const section = toggle.closest(".paragraph-notes");
        const open = !section?.classList.contains("is-expanded");
        section?.classList.toggle("is-expanded", open);
        toggle.setAttribute("aria-expanded", String(open));
        return;
      }
      const more = element?.closest?.<HTMLElement>("[data-notes-more]");
      if (more) {
        const section = more.closest<HTMLElement>(".paragraph-notes");
        window.dispatchEvent(new CustomEvent("marginalia:notes-panel", { detail: { open: true, paragraph: section?.dataset.notesFor ?? null, returnFocus: more } }));
      }
    });
  }
  layOutNow();
}
