/**
 * Whether a date can be compared with our timestamp columns. JavaScript accepts years 0 to 275760 (and negative
 * ones); PostgreSQL refuses some of them, which would surface as a 500. Cursors and date filters are user input:
 * anything outside these years is malformed.
 */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1900 && year <= 9999;
}
