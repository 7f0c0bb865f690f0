"use client";

import { useLayoutEffect } from "react";
import { layOutMargin } from "@/lib/reading/margin-layout";
import { installMarginLayout } from "./margin-layout-script";

/**
 * Keeps the margin laid out after a client-side navigation (React does not run the page's inline layout script
 * then) and after React has rendered; the inline script already did the first layout on a full page load.
 */
export function MarginLayout() {
  useLayoutEffect(() => {
    installMarginLayout(layOutMargin);
  }, []);
  return null;
}
