// Statically registered OAuth clients. Dynamic registration is off: the
// sandbox only serves the clients listed here.

export const DESKTOP_CLIENT_ID = 'countersign-desktop';
export const AGENT_CLIENT_ID = 'demo-agent';
export const PING_AGENT_CLIENT_ID = 'demo-agent-ping';
export const DEVICE_CLIENT_ID = 'demo-device';
export const CIBA_GRANT_TYPE = 'urn:openid:params:grant-type:ciba';
export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
// Token exchange (RFC 8693) for federated connection tokens, and Auth0 Token
// Vault's name for the same grant (token-exchange.mjs).
export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const FEDERATED_TOKEN_EXCHANGE_GRANT_TYPE = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
const TOKEN_EXCHANGE_GRANT_TYPES = [TOKEN_EXCHANGE_GRANT_TYPE, FEDERATED_TOKEN_EXCHANGE_GRANT_TYPE];

// ============================================================================
// DEMO ONLY. These client secrets are public, hard-coded test fixtures for the
// local sandbox (like the passwords in accounts.mjs). Never reuse them.
// ============================================================================
const AGENT_SECRET = 'demo-agent-secret';
const PING_AGENT_SECRET = 'demo-agent-ping-secret';

// Where oidc-provider sends demo-agent-ping's CIBA pings. CIBA Core and
// oidc-provider require an https URL here, so the client is registered with
// this fixed placeholder in the reserved .invalid domain (it can never resolve),
// and ciba.mjs's `fetch` hands requests for exactly this URL to the receiver
// named by --ciba-ping-url (plain http on loopback is fine there: demo only).
// Without the flag, nothing is sent.
export const PING_PLACEHOLDER_ENDPOINT = 'https://ciba-ping.invalid/demo-agent-ping';

// API scopes (resources.mjs) each client may ask for. oidc-provider's `scope`
// client metadata may only list OpenID scopes, so the API scopes live here and
// getResourceServerInfo enforces them: a client gets `invalid_target` for an
// API it is not meant to call (an agent must not obtain an approvals token).
const API_SCOPES = {
  [DESKTOP_CLIENT_ID]: ['profile:read', 'approvals', 'docs:read'],
  [AGENT_CLIENT_ID]: ['stock:trade', 'payments:initiate'],
  [PING_AGENT_CLIENT_ID]: ['stock:trade', 'payments:initiate'],
  [DEVICE_CLIENT_ID]: ['data:read', 'stock:trade', 'payments:initiate'],
};

export function apiScopesOf(clientId) {
  return API_SCOPES[clientId] ?? [];
}

// Shared by both agents: a confidential CIBA-only client (no browser, so no
// response types and no redirect URIs). Registered with client_secret_basic;
// oidc-provider 9 accepts the same secret sent as client_secret_post too (its
// client_auth treats the two as one mechanism), so both work unchanged.
const agentBase = {
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: [CIBA_GRANT_TYPE],
  response_types: [],
  redirect_uris: [],
  scope: 'openid profile',
  authorization_details_types: ['trade_authorization', 'payment_initiation'],
  id_token_signed_response_alg: 'RS256',
};

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
    // The device flow (RFC 8628) too: a second way to sign in, e.g. when no
    // browser can reach the loopback redirect. And the token exchange for
    // federated connection tokens (the agent pane's calendar access).
    grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT_TYPE, ...TOKEN_EXCHANGE_GRANT_TYPES],
    scope: 'openid profile email offline_access',
    // It approves authorization details (through the approval channel) but
    // never requests any itself.
    authorization_details_types: [],
    id_token_signed_response_alg: 'RS256',
  },
  {
    ...agentBase,
    client_id: AGENT_CLIENT_ID,
    client_name: 'Demo Agent',
    client_secret: AGENT_SECRET,
    backchannel_token_delivery_mode: 'poll',
    // It may also exchange the access tokens it got through CIBA for
    // federated connection tokens (token-exchange.mjs).
    grant_types: [CIBA_GRANT_TYPE, ...TOKEN_EXCHANGE_GRANT_TYPES],
  },
  {
    ...agentBase,
    client_id: PING_AGENT_CLIENT_ID,
    client_name: 'Demo Agent (ping)',
    client_secret: PING_AGENT_SECRET,
    backchannel_token_delivery_mode: 'ping',
    backchannel_client_notification_endpoint: PING_PLACEHOLDER_ENDPOINT,
  },
  {
    // A device without a browser or keyboard (RFC 8628): it shows a user code,
    // the user approves it elsewhere (the /activate page or the Countersign
    // app), and the device polls the token endpoint. Public: a device cannot
    // keep a secret, so it authenticates with nothing, like the desktop app.
    // oidc-provider needs no application_type 'native' for that: the default
    // ('web') only matters for redirect URIs, and there are none.
    client_id: DEVICE_CLIENT_ID,
    client_name: 'Demo Device',
    token_endpoint_auth_method: 'none',
    grant_types: [DEVICE_CODE_GRANT_TYPE, 'refresh_token'],
    response_types: [],
    redirect_uris: [],
    scope: 'openid profile offline_access',
    authorization_details_types: ['trade_authorization', 'payment_initiation'],
    id_token_signed_response_alg: 'RS256',
  },
];
