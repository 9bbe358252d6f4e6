// A real OpenID Connect provider (oidc-provider) for the OIDC tests, on 127.0.0.1 only.
// Configuration from the environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// OIDC_REDIRECT_URI and OIDC_ACCOUNTS (JSON: {"login": {"email": …, "rollen": […], "organisation": …}}).
// Sign-in uses the provider's development interaction pages (any password; the login picks the account).
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || "{}");

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "rollen", "organisation"],
  },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ["nur-fuer-tests"] },
  findAccount: async (ctx, id) => {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: account.email, email_verified: true, name: id, rollen: account.rollen, organisation: account.organisation };
      },
    };
  },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => {
  console.log(`bereit ${issuer}`);
});
