import type { Metadata } from "next";
import { connection } from "next/server";
import { ApiReference } from "@/components/developers/api-reference";
import { ERROR_CODE_STATUS } from "@/components/developers/error-code-status";
import { publicOrigin } from "@/lib/http/public-origin";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { TOKEN_PREFIX } from "@/lib/tokens/token-format";

export const metadata: Metadata = {
  title: "API reference",
  description: "Marginalia's JSON API: authentication, errors, every operation with its parameters, bodies and answers.",
};

/**
 * The API reference, read from the OpenAPI document /api/openapi.json serves. A page (not under /api/), so it has the
 * site's Content-Security-Policy and layout; rendered per request for the CSP nonce and the configured origin.
 */
export default async function ApiReferencePage() {
  await connection();
  return <ApiReference document={openApiDocument(publicOrigin())} errorCodeStatus={ERROR_CODE_STATUS} tokenPrefix={TOKEN_PREFIX} />;
}
