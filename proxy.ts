import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy } from "./lib/security/content-security-policy";
import { urlProblem } from "./lib/http/text-input";
import { REFUSED_PAGE_HEADERS, refusedPageHtml } from "./lib/http/refused-page";
import { publicOrigin } from "./lib/http/public-origin";
import { annotationServiceLink } from "./lib/w3c/annotation-service-link";

const OIDC_ORIGIN = process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : null;

/** Gives every page request a fresh nonce and a Content-Security-Policy that allows only scripts carrying it. */
export function proxy(request: NextRequest) {
  const problem = urlProblem(new URL(request.url));
  // A page address with text no page can hold: refused before rendering.
  if (problem) return new NextResponse(refusedPageHtml(problem.status, problem.fields), { status: problem.status, headers: REFUSED_PAGE_HEADERS });
  // Pages have one address: a trailing slash is redirected away (Next's own redirect is off for the protocol's sake).
  const { pathname } = request.nextUrl;
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const target = request.nextUrl.clone();
    target.pathname = pathname.replace(/\/+$/, "") || "/";
    return NextResponse.redirect(target, 308);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    formTargets: OIDC_ORIGIN ? [OIDC_ORIGIN] : [],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Pages are for browsers and their sessions: an access token only ever reaches the JSON API and the protocol.
  requestHeaders.delete("authorization");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // W3C Web Annotation Protocol §4 (discovery): every reading page names its annotation container.
  const link = annotationServiceLink(publicOrigin(), request.nextUrl.pathname);
  if (link) response.headers.append("Link", link);
  return response;
}

export const config = {
  matcher: [
    {
      // The W3C protocol (annotations/) and its JSON-LD context (ns/) answer JSON-LD, not pages: no nonce, no CSP.
      source: "/((?!api|annotations|ns/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
