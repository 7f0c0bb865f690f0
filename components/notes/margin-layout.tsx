"use client";

import { useLayoutEffect } from "react";
import { layOutMargin } from "@/lib/reading/margin-layout";
import { installMarginLayout } from "./margin-layout-script";
import { bootNotesMode, NOTES_MODE_KEY } from "./notes-mode-boot";

/**
 * Keeps the margin laid out after a client-side navigation (React does not run the page's inline layout script
 * then) and after React has rendered; the inline script already did the first layout on a full page load.
 */
export function MarginLayout() {
  useLayoutEffect(() => {
    // After a client-side navigation the page's inline scripts did not run: the reader's notes choice first.
    if (!document.documentElement.dataset.notes) bootNotesMode(NOTES_MODE_KEY);
    installMarginLayout(layOutMargin);
  }, []);
  return null;
}
