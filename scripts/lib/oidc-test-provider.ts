import Provider from "oidc-provider";

export type OidcTestProvider = { issuer: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on localhost for the end-to-end tests.
 * Its development login screen accepts any login name: the same name signs in as the same subject.
 */
export async function startOidcTestProvider(port: number, appOrigin: string): Promise<OidcTestProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "marginalia-e2e";
  const clientSecret = "e2e-client-secret-that-is-long-enough-000000";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], profile: ["name"] },
    findAccount: async (_context, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, name: `OIDC ${id}` }),
    }),
    features: { devInteractions: { enabled: true } },
    // Put the profile claims in the ID token, as providers such as ORCID do, rather than only behind userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-cookie-key-not-secret"] },
  });
  const server = provider.listen(port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
