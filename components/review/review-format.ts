/** How the review pages write durations and times: short, unambiguous, UTC. */

export function formatDuration(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 && hours < 10 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "2026-11-25 14:03 UTC" from an ISO time. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

export const STATUS_LABELS = { approved: "Approved", pending: "Pending", hidden: "Hidden", spam: "Spam" } as const;
export type StatusName = keyof typeof STATUS_LABELS;

export const statusLabel = (status: string): string => STATUS_LABELS[status as StatusName] ?? status;
