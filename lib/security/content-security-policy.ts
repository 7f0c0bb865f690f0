/** The page Content-Security-Policy: scripts only with this request's nonce; no plugins, framing or base rewriting. */
export function buildContentSecurityPolicy({
  nonce,
  development,
  formTargets = [],
}: {
  nonce: string;
  development: boolean;
  /** Origins a form may lead to besides ours: the OpenID provider, which next-auth's sign-in POST redirects to. */
  formTargets?: string[];
}): string {
  return [
    "default-src 'self'",
    // React needs eval only for its development error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}
