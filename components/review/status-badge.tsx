import { statusLabel } from "./review-format";

/** An item's moderation status in words (never by colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`review-status review-status--${status}`}>{statusLabel(status)}</span>;
}
