import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { limitCredentialSignIn } from "@/lib/auth/limit-credential-sign-in";
import { appOrigin } from "@/lib/http/api-route";
import { errorResponse } from "@/lib/http/error-response";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = (request: Request, context: Context) => NextAuth(request as never, context as never, authOptions());

export async function GET(request: Request, context: Context) {
  return nextAuth(request, context);
}

/** next-auth's own form posts carry its CSRF token; a foreign Origin is still refused, and password sign-ins are rate limited. */
export async function POST(request: Request, context: Context) {
  try {
    assertSameOrigin(request, appOrigin());
    const { nextauth } = await context.params;
    if (nextauth.join("/") === "callback/credentials") {
      return await limitCredentialSignIn(request, () => nextAuth(request, context));
    }
    return await nextAuth(request, context);
  } catch (error) {
    return errorResponse(error, { path: "/api/auth" });
  }
}
