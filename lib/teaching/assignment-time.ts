import { TZDate } from "@date-fns/tz";

/**
 * Wall-clock times ("2026-12-01T23:59" as the teacher typed them) in an IANA zone ↔ instants. Pure.
 * - A time that does not exist in the zone (skipped when the clocks go forward) is refused (null), so the teacher
 *   chooses, rather than the deadline silently moving by an hour.
 * - A time that exists twice (repeated when the clocks go back) means the later of the two instants: the more
 *   generous reading of a deadline. TZDate resolves it so; the unit tests pin it.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The zone's name as stored (case put right for canonical names), or null when Intl does not know it. */
export function normalizeTimeZone(name: string): string | null {
  const trimmed = name.trim();
  // Offsets ("+01:00") and odd characters are not IANA names, whatever a runtime accepts.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(trimmed) || trimmed.length > 64) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: trimmed }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed;
  } catch {
    return null;
  }
}

export function isWallClock(value: string): boolean {
  return WALL_CLOCK.test(value);
}

/** The instant of a wall-clock time in a zone; null when the text is malformed or the time does not exist there. */
export function wallClockToInstant(wallClock: string, timeZone: string): Date | null {
  const match = WALL_CLOCK.exec(wallClock);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, 0, timeZone);
  if (Number.isNaN(date.getTime())) return null;
  // Round trip: a day past the month's end, or an hour skipped by the clocks, comes back different.
  if (instantToWallClock(new Date(date.getTime()), timeZone) !== wallClock) return null;
  return new Date(date.getTime());
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock time of an instant in a zone, in the form the teacher's form uses (datetime-local). */
export function instantToWallClock(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/** "1 December 2026, 23:59 (Europe/Berlin)" — how the pages show an assignment's dates. */
export function formatInZone(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return `${text} (${timeZone})`;
}
