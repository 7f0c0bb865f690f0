/**
 * The site's public origin as configured (NEXTAUTH_URL, else APP_URL; npm start always sets one), without a trailing
 * slash. Every IRI the W3C protocol hands out is built from it, never from the request's Host header, which a
 * client or a misconfigured proxy controls.
 */
export function publicOrigin(): string {
  const configured = process.env.NEXTAUTH_URL || process.env.APP_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  return configured.replace(/\/+$/, "");
}
