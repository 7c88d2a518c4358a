// Token exchange (RFC 8693) for federated connection access tokens: the
// sandbox's stand-in for Auth0 Token Vault. oidc-provider has no token
// exchange of its own; this registers one on its token endpoint, under the
// RFC 8693 grant type and under Auth0's name for the same thing:
//
//   POST /token
//     grant_type=urn:ietf:params:oauth:grant-type:token-exchange
//             (or urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token)
//     &subject_token=<the user's refresh token or access token from this sandbox>
//     &subject_token_type=urn:ietf:params:oauth:token-type:refresh_token
//                        (or urn:ietf:params:oauth:token-type:access_token)
//     &connection=google-oauth2
//     [&requested_token_type=http://auth0.com/oauth/token-type/federated-connection-access-token]
//     [&login_hint=...]                      (accepted and ignored, as by Auth0)
//     + client authentication
//
// The subject token must be a live token of this sandbox issued to the
// client that presents it, and its user must have linked the connection
// (the ConnectionStore of connections.mjs; linked on the /connect pages,
// connect-pages.mjs). The answer carries the connection's access token
// for the user: a JWT access token for the calendar
// stand-in, issued through oidc-provider's own AccessToken model so it is
// signed exactly like every other access token (ES256 sandbox key, typ at+jwt).
import { errors } from 'oidc-provider';

import { accessTokenVerifier, explainRejection, looksLikeJwt } from './access-tokens.mjs';
import { accountExists } from './accounts.mjs';
import { FEDERATED_TOKEN_EXCHANGE_GRANT_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from './clients.mjs';
import { CONNECTIONS, isKnownConnection } from './connections.mjs';
import { RESOURCES } from './resources.mjs';

const { InvalidGrant, InvalidRequest, OIDCProviderError } = errors;

export const FEDERATED_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
// What the grant reads; oidc-provider strips every other parameter.
const PARAMETERS = ['subject_token', 'subject_token_type', 'requested_token_type', 'connection', 'login_hint'];
// Where a token being issued keeps its connection until extraTokenClaims
// copies it into the JWT (a symbol: never part of the stored model).
const CONNECTION = Symbol('federated connection');

// Auth0's answer, word for word, when the user has not linked the connection.
class FederatedConnectionNotFound extends OIDCProviderError {
  constructor() {
    super(401, 'federated_connection_refresh_token_not_found');
    this.error_description = 'Federated connection Refresh Token not found.';
  }
}

// invalid_grant with a description that says what is wrong with the subject
// token (it never repeats the token).
function invalidGrant(description) {
  const err = new InvalidGrant();
  err.error_description = description;
  return err;
}

function checkParameters(params) {
  for (const name of ['subject_token', 'subject_token_type', 'connection']) {
    if (!params[name]) throw new InvalidRequest(`missing required parameter '${name}'`);
  }
  if (params.subject_token_type !== REFRESH_TOKEN_TYPE && params.subject_token_type !== ACCESS_TOKEN_TYPE) {
    throw new InvalidRequest(`subject_token_type must be ${REFRESH_TOKEN_TYPE} or ${ACCESS_TOKEN_TYPE}`);
  }
  if (params.requested_token_type !== undefined && params.requested_token_type !== FEDERATED_TOKEN_TYPE) {
    throw new InvalidRequest(`requested_token_type must be ${FEDERATED_TOKEN_TYPE}`);
  }
  if (!isKnownConnection(params.connection)) {
    throw new InvalidRequest(`unknown connection; this server has ${Object.keys(CONNECTIONS).join(', ')}`);
  }
}

// A stored token (refresh token, opaque access token) is only as good as its
// grant: revocation and logout delete the grant.
async function requireLiveGrant(provider, token) {
  const grant = await provider.Grant.find(token.grantId);
  if (!grant || grant.clientId !== token.clientId || grant.accountId !== token.accountId) {
    throw invalidGrant('subject_token has been revoked');
  }
}

async function accountOfRefreshToken(provider, client, value) {
  const token = await provider.RefreshToken.find(value);
  if (!token) throw invalidGrant('subject_token is not a refresh token of this server, or it has expired');
  if (token.consumed) throw invalidGrant('subject_token is a refresh token that has already been used');
  if (token.clientId !== client.clientId) throw invalidGrant('subject_token was issued to another client');
  await requireLiveGrant(provider, token);
  return token.accountId;
}

// A JWT access token for one of the sandbox's APIs, verified like a resource
// server would (never the calendar stand-in's own tokens: a connection token
// cannot be exchanged again), or an opaque (userinfo) access token.
async function accountOfAccessToken(provider, verify, client, value) {
  if (looksLikeJwt(value)) {
    let claims;
    try {
      claims = await verify(value, { audience: Object.keys(RESOURCES) });
    } catch (err) {
      throw invalidGrant(explainRejection(err, { noun: 'subject_token', anyToken: 'subject_token', audience: 'an API of this server' }));
    }
    if (claims.client_id !== client.clientId) throw invalidGrant('subject_token was issued to another client');
    return claims.sub;
  }
  const token = await provider.AccessToken.find(value);
  if (!token) throw invalidGrant('subject_token is not an access token of this server, or it has expired');
  if (token.clientId !== client.clientId) throw invalidGrant('subject_token was issued to another client');
  await requireLiveGrant(provider, token);
  return token.accountId;
}

async function exchange(ctx, provider, verify, connections) {
  const { params, client } = ctx.oidc;
  checkParameters(params);

  const accountId = params.subject_token_type === REFRESH_TOKEN_TYPE
    ? await accountOfRefreshToken(provider, client, params.subject_token)
    : await accountOfAccessToken(provider, verify, client, params.subject_token);
  if (!accountExists(accountId)) throw invalidGrant('subject_token names no known user');
  if (!connections.isConnected(accountId, params.connection)) throw new FederatedConnectionNotFound();

  const { audience, scope, expiresIn } = CONNECTIONS[params.connection];
  const token = new provider.AccessToken({
    accountId,
    client,
    scope,
    gty: params.grant_type,
    expiresIn,
    // Built here rather than through getResourceServerInfo, which refuses the
    // calendar stand-in to every other grant (resources.mjs).
    resourceServer: new provider.ResourceServer(audience, {
      audience, scope, accessTokenTTL: expiresIn, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } },
    }),
  });
  token[CONNECTION] = params.connection;
  ctx.oidc.entity('AccessToken', token);
  const value = await token.save();

  ctx.body = {
    access_token: value,
    issued_token_type: FEDERATED_TOKEN_TYPE,
    token_type: 'Bearer',
    expires_in: token.expiration,
    scope,
  };
}

/**
 * oidc-provider's `extraTokenClaims`: the `connection` claim of a federated
 * connection token; nothing for any other token.
 */
export function federatedConnectionClaims(_ctx, token) {
  return token[CONNECTION] ? { connection: token[CONNECTION] } : undefined;
}

/**
 * Registers both grant types on `provider`'s token endpoint; `connections`
 * (a ConnectionStore) says who has linked what.
 */
export function installTokenExchange(provider, { issuer, jwks, connections }) {
  const verify = accessTokenVerifier({ issuer, jwks });
  const handler = (ctx) => exchange(ctx, provider, verify, connections);
  for (const grantType of [TOKEN_EXCHANGE_GRANT_TYPE, FEDERATED_TOKEN_EXCHANGE_GRANT_TYPE]) {
    provider.registerGrantType(grantType, handler, PARAMETERS);
  }
}
