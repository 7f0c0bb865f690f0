"use client";

import { z } from "zod";

// zod probes for eval (`new Function("")`) on its first object parse to compile faster parsers; our CSP forbids
// eval, so the probe only logged a violation on every signed-in page. Jitless: no probe, the same results.
z.config({ jitless: true });

/** Rendered once by the root layout, so the setting is made before any client code parses with zod. */
export function ZodJitless() {
  return null;
}
