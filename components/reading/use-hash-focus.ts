"use client";

import { useEffect } from "react";

/** Moves focus to the block named by the URL's fragment, on load and whenever the fragment changes. */
export function useHashFocus() {
  useEffect(() => {
    function focusTarget() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      const element = document.getElementById(id);
      if (!element) return;
      if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "start" });
    }
    focusTarget();
    window.addEventListener("hashchange", focusTarget);
    return () => window.removeEventListener("hashchange", focusTarget);
  }, []);
}
