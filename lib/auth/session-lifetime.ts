/** A session ends after this long without a request… */
export const SESSION_IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** …and after this long in any case, however active. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading a page does not mean writing a row. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
