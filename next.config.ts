import type { NextConfig } from "next";

const isProduction = process.env.NODE_ENV === "production";

// Headers that do not vary per request; the nonce-bearing Content-Security-Policy is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  // No other origin's window keeps a handle on ours (COOP), and no other origin may embed our responses (CORP).
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // pg is Node-only; keep it out of the server bundle.
  serverExternalPackages: ["pg"],
  // The W3C protocol's container IRI ends in a slash (/annotations/<slug>/) and must answer as it is; pages still
  // lose a trailing slash, by a redirect in proxy.ts.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON and other non-page responses: nothing in them may run or be framed.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" }] },
      // No other origin may embed our responses (CORP) — except the W3C protocol and its JSON-LD context, which
      // exist to be read from anywhere (CORS, lib/w3c/protocol-route.ts).
      { source: "/((?!annotations/|ns/).*)", headers: [{ key: "Cross-Origin-Resource-Policy", value: "same-origin" }] },
      {
        source: "/(annotations|ns)/:path*",
        headers: [
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
