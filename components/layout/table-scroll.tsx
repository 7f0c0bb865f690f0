import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a narrow screen: a named region that takes focus, so that keyboard users can
 * scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
