import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy } from "./lib/security/content-security-policy";
import { urlProblem } from "./lib/http/text-input";

/** A page address with text no page can hold (NUL, bad percent-encoding, not UTF-8): refused before rendering. */
function refusedPage(status: 400 | 404, fields: Record<string, string[]> = {}): NextResponse {
  const names = Object.keys(fields).map((name) => name.replace(/[^\w.() -]/g, "?"));
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${status === 404 ? "Not found" : "Bad request"} · Marginalia</title><main style="font-family:system-ui;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${status === 404 ? "Not found" : "This address is not valid"}</h1><p>${status === 404 ? "There is no page at this address." : `Part of the address cannot be read as text${names.length ? ` (${names.join(", ")})` : ""}.`} <a href="/">Go to the start page</a>.</p></main></html>`;
  return new NextResponse(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" } });
}

const OIDC_ORIGIN = process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : null;

/** Gives every page request a fresh nonce and a Content-Security-Policy that allows only scripts carrying it. */
export function proxy(request: NextRequest) {
  const problem = urlProblem(new URL(request.url));
  if (problem) return refusedPage(problem.status, problem.fields);
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
