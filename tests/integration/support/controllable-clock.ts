import type { Clock } from "@/lib/auth/clock";

/** A Clock that stands still until a test moves it: sessions, invites and reset links expire without waiting. */
export type ControllableClock = Clock & {
  /** Moves time forward by this many milliseconds and answers the new time. */
  advance: (milliseconds: number) => Date;
  /** Puts time at this instant. */
  set: (instant: Date) => void;
};

export function createControllableClock(start = new Date("2027-03-01T09:00:00.000Z")): ControllableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
      return new Date(current);
    },
    set: (instant) => {
      current = instant.getTime();
    },
  };
}
