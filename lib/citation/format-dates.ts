const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parts(iso: string): [number, number, number] {
  const [year, month, day] = iso.split("-").map(Number);
  return [year, month, day];
}

/** "1928-12-16" -> "December 16, 1928" (Chicago, notes-bibliography). */
export function chicagoDate(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** "1928-12-16" -> "16 December 1928" (as the letter's colophon prints it). */
export function dayMonthYear(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export function yearOf(iso: string): number {
  return parts(iso)[0];
}

export function monthOf(iso: string): number {
  return parts(iso)[1];
}
