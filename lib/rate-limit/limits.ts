/** What a rate limit counts per key: an account (a normalised, hashed email or user id) or a client IP address. */
export type TRateLimitKeyKind = "account" | "ip";

export type TRateLimit = {
  /** Prefix of the row keys in `rate_limits`; unique per limit, since all limits share the one table. */
  keyPrefix: string;
  keyKind: TRateLimitKeyKind;
  /** Events allowed per window; the next one is refused. */
  points: number;
  /** Fixed window, counted from the first event; refusals do not lengthen it. */
  durationSeconds: number;
  description: string;
};

/** Every rate limit the app enforces, as data. */
export const RATE_LIMITS = {
  signInFailuresByAccount: {
    keyPrefix: "sign-in-failures:account",
    keyKind: "account",
    points: 10,
    durationSeconds: 15 * 60,
    description: "failed sign-ins per account: 10 per 15 minutes",
  },
  signInFailuresByIp: {
    keyPrefix: "sign-in-failures:ip",
    keyKind: "ip",
    points: 100,
    durationSeconds: 60 * 60,
    description: "failed sign-ins per IP address: 100 per hour",
  },
  signUpsByIp: {
    keyPrefix: "sign-ups:ip",
    keyKind: "ip",
    points: 20,
    durationSeconds: 60 * 60,
    description: "sign-ups per IP address: 20 per hour",
  },
  passwordResetsByAccount: {
    keyPrefix: "password-resets:account",
    keyKind: "account",
    points: 3,
    durationSeconds: 60 * 60,
    description: "password-reset requests per address: 3 per hour (counted whether or not an account uses it)",
  },
  passwordResetsByIp: {
    keyPrefix: "password-resets:ip",
    keyKind: "ip",
    points: 20,
    durationSeconds: 60 * 60,
    description: "password-reset requests per IP address: 20 per hour",
  },
  writesByUser: {
    keyPrefix: "writes:user",
    keyKind: "account",
    points: 120,
    durationSeconds: 60 * 60,
    description: "new notes, replies and flags per user: 120 per hour (each pending item notifies every reviewer)",
  },
} as const satisfies Record<string, TRateLimit>;

export type TRateLimitName = keyof typeof RATE_LIMITS;
