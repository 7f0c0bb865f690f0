import { publicOrigin } from "@/lib/http/public-origin";
import { marginaliaContext } from "@/lib/w3c/marginalia-context";

// Built from the configured origin at request time, not at build time.
export const dynamic = "force-dynamic";

/** Marginalia’s own JSON-LD terms (visibility, group, reference type, moderation status…), at a stable IRI. */
export function GET(): Response {
  return new Response(JSON.stringify(marginaliaContext(publicOrigin()), null, 2), {
    headers: {
      "Content-Type": "application/ld+json",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=86400",
    },
  });
}
