/** Time as the auth code sees it; tests pass their own clock instead of waiting. */
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };
