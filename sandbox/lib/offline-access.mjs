// Refresh tokens for `scope=... offline_access` without `prompt=consent`.
//
// OpenID Connect Core 1.0 section 11 says an OP ignores `offline_access` unless
// the request has `prompt=consent` "unless other conditions for processing the
// request permitting offline access ... are in place". oidc-provider 9.x
// implements only the first half: its checkScope step silently drops
// `offline_access` from any authorization request whose `prompt` lacks
// `consent` (including a request with no `prompt` at all), so no refresh token
// is ever issued for it.
//
// For native clients the "other condition" holds in this sandbox: oidc-provider's
// `native_client_prompt` check sends every authorization request of a native
// client through our consent page, which lists `offline_access` and must be
// approved. So for those clients a request that names `offline_access` and
// gives no `prompt` is treated as `prompt=consent`. This changes nothing the
// user sees (the consent page was coming anyway) and keeps everything else on
// oidc-provider's own path: the scope stays in the request, the consent page
// adds it to the grant, the default issueRefreshToken() issues the refresh
// token, and the token response reports `offline_access` in `scope`.
//
// Only a *missing* prompt is filled in. An explicit `prompt` is respected as
// sent: `prompt=none` or `prompt=login` (without `consent`) still drops
// `offline_access`, exactly as the spec asks. Requests by reference (`request`,
// `request_uri`/PAR) and POSTed authorization requests are left untouched:
// those clients must send `prompt=consent` themselves.

function splitScope(scope) {
  return String(scope ?? '').split(' ');
}

/** Installs the rule as a pre-routing middleware on `provider`. */
export function treatMissingPromptAsConsent(provider) {
  const authorizationPath = provider.pathFor('authorization');
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === authorizationPath) {
      const params = new URLSearchParams(ctx.querystring);
      const clientId = params.get('client_id');
      if (
        clientId
        && !params.has('prompt')
        && !params.has('request')
        && !params.has('request_uri')
        && params.getAll('scope').length === 1
        && splitScope(params.get('scope')).includes('offline_access')
      ) {
        const client = await provider.Client.find(clientId);
        if (client?.applicationType === 'native') {
          params.set('prompt', 'consent');
          ctx.querystring = params.toString();
        }
      }
    }
    await next();
  });
}
