/** "2027-03-01 14:05 UTC": the same on server and client, whatever the machine's time zone. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}
