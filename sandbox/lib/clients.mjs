// Statically registered OAuth clients. Dynamic registration is off: the
// sandbox only serves the clients listed here.

export const DESKTOP_CLIENT_ID = 'countersign-desktop';

export const clients = [
  {
    // The Countersign desktop app: a public native client (RFC 8252). It cannot
    // keep a secret, so it authenticates with nothing ('none') and PKCE S256 is
    // mandatory (oidc-provider's pkce.required default for 'none' clients).
    client_id: DESKTOP_CLIENT_ID,
    client_name: 'Countersign Desktop',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    // For native clients oidc-provider ignores the port of loopback redirect
    // URIs (RFC 8252 section 7.3), so this matches http://127.0.0.1:<any>/callback.
    redirect_uris: ['http://127.0.0.1/callback'],
    post_logout_redirect_uris: ['http://127.0.0.1/logged-out'],
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token'],
    scope: 'openid profile email offline_access',
    id_token_signed_response_alg: 'RS256',
  },
];
