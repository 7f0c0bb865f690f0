import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy } from "./lib/security/content-security-policy";
import { urlProblem } from "./lib/http/text-input";
import { REFUSED_PAGE_HEADERS, refusedPageHtml } from "./lib/http/refused-page";

const OIDC_ORIGIN = process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : null;

/** Gives every page request a fresh nonce and a Content-Security-Policy that allows only scripts carrying it. */
export function proxy(request: NextRequest) {
  const problem = urlProblem(new URL(request.url));
  // A page address with text no page can hold: refused before rendering.
  if (problem) return new NextResponse(refusedPageHtml(problem.status, problem.fields), { status: problem.status, headers: REFUSED_PAGE_HEADERS });
  const nonce = btoa(crypto.randomUUID());
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    formTargets: OIDC_ORIGIN ? [OIDC_ORIGIN] : [],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
