// oidc-provider configuration for the sandbox.
// Every default that oidc-provider flags with "you SHOULD change it" is set
// explicitly here: partly because we do want different behaviour, partly
// because those notices are printed to *stdout*, which must carry nothing but
// the ready line (see stdout-guard.mjs).
import Provider from 'oidc-provider';

import { findAccount } from './accounts.mjs';
import { installAudienceParameter } from './audience.mjs';
import { FGA_STORE_ID } from './apis/fga.mjs';
import {
  cibaFeature, cibaFetch, installCibaMiddleware, requestTtl,
} from './ciba.mjs';
import { clients } from './clients.mjs';
import { CONNECT_PATH } from './connect-pages.mjs';
import {
  ACTIVATE_PATH, DEVICE_AUTHORIZATION_PATH, deviceFlowFeature, installDeviceFlowMiddleware,
} from './device-flow.mjs';
import { AUTH0_ROUTES } from './flavor.mjs';
import {
  errorPage, logoutPage, logoutSuccessPage, setHtml,
} from './html.mjs';
import { GRANT_TTL_SECONDS } from './grants.mjs';
import { treatMissingPromptAsConsent } from './offline-access.mjs';
import { issueRefreshTokenUnlessOneTime, oneTimeGrantClaims } from './one-time.mjs';
import { richAuthorizationRequests } from './rar.mjs';
import { APPROVALS_API, resourceServerInfoFor } from './resources.mjs';
import {
  defaultResource, rotateRefreshTokenForGrantedTarget, useGrantedResource, useGrantedResourceAlways,
} from './target.mjs';
import { federatedConnectionClaims, installTokenExchange } from './token-exchange.mjs';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The default flavour's paths: oidc-provider's own, except the device flow's.
// /device itself is the approver API (device-api.mjs), so nothing of
// oidc-provider may live under it; its default code_verification path was
// /device (and /device/:uid).
const DEFAULT_ROUTES = {
  device_authorization: DEVICE_AUTHORIZATION_PATH,
  code_verification: ACTIVATE_PATH,
};

/**
 * @param {object} o
 * @param {string} o.issuer          e.g. http://127.0.0.1:PORT, or https://127.0.0.1:PORT/ (auth0 flavour)
 * @param {string} [o.origin]        scheme://127.0.0.1:PORT, where the endpoints live (default: the issuer)
 * @param {string} [o.flavor]        'default' or 'auth0' (flavor.mjs)
 * @param {object} o.jwks            { keys: [private JWKs] } (RS256 first: the default for ID tokens)
 * @param {string[]} o.cookieKeys    keygrip keys
 * @param {Function} o.adapter       adapter class (FileStore#adapterClass())
 * @param {number} o.accessTokenTTL  seconds
 * @param {number} o.clockTolerance  seconds
 * @param {ApprovalChannel} o.channel  receives CIBA requests (approvals.mjs)
 * @param {string} [o.cibaPingUrl]   where demo-agent-ping's pings go (--ciba-ping-url)
 * @param {DevicePolls} o.devicePolls  device code poll intervals (device-flow.mjs)
 * @param {number} o.deviceCodeTTL   seconds
 * @param {boolean} [o.approvalChannel]  advertise the approval channel (default true)
 * @param {ConnectionStore} o.connections  who has linked which federated connection (connections.mjs)
 */
export function createProvider({
  issuer, origin = issuer, flavor = 'default', jwks, cookieKeys, adapter, accessTokenTTL, clockTolerance, channel,
  cibaPingUrl, devicePolls, deviceCodeTTL, approvalChannel = true, connections,
}) {
  const auth0 = flavor === 'auth0';
  const provider = new Provider(issuer, {
    adapter,
    clockTolerance,
    clients,
    jwks,
    findAccount,
    // Countersign's approval channel (docs/approval-channel.md): where the
    // desktop app lists and decides CIBA requests and device codes, and the
    // audience of the access token it needs for that.
    // Without it (--no-approval-channel) the sandbox looks like any provider
    // that does not implement the protocol; so does the auth0 flavour, as
    // Auth0 has none (the channel may still be served there, unadvertised).
    // The other members stand for separate services and are always there.
    discovery: {
      ...(approvalChannel && !auth0 ? {
        countersign_approvals_endpoint: `${origin}/approvals`,
        countersign_approvals_resource: APPROVALS_API,
        countersign_device_endpoint: `${origin}/device`,
      } : {}),
      // The OpenFGA stand-in (apis/fga-api.mjs): its API base URL (the
      // OpenFGA paths /stores/... live right under the issuer) and its one
      // store. Served with or without the approval channel: it stands in for
      // a separate service, not for part of Countersign's protocol.
      countersign_fga_api_url: origin,
      // Where the demo APIs the agent's tools call live (apis/index.mjs): the
      // app's agent uses them (and the demo clients) when this is present.
      countersign_demo_apis_url: `${origin}/api`,
      countersign_fga_store_id: FGA_STORE_ID,
      // The Token Vault stand-in's "connect your account" page
      // (connect-pages.mjs): a client appends /<connection> (e.g.
      // /google-oauth2) and opens it in the browser after a token exchange
      // answered federated_connection_refresh_token_not_found. Like the
      // OpenFGA stand-in, served with or without the approval channel.
      countersign_connect_endpoint: `${origin}${CONNECT_PATH}`,
    },
    routes: auth0 ? AUTH0_ROUTES : DEFAULT_ROUTES,
    fetch: cibaFetch(cibaPingUrl),
    cookies: {
      keys: cookieKeys,
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    // Scopes and the claims they release. `scopes` also restricts what
    // discovery advertises; resource (API) scopes come from resources.mjs.
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    responseTypes: ['code'], // authorization code flow only; no implicit/hybrid
    pkce: { required: () => true },
    // Put the granted profile/email claims into the ID token too (as most
    // hosted providers do), not only into the userinfo response; with the
    // default (true) the ID token carries nothing but `sub` whenever an access
    // token is issued as well.
    conformIdTokenClaims: false,
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false }, // we serve our own pages (interactions.mjs)
      revocation: { enabled: true },
      introspection: { enabled: !auth0 }, // Auth0 has no introspection endpoint
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => setHtml(ctx, logoutPage(form, ctx.host)),
        postLogoutSuccessSource: (ctx) => setHtml(ctx, logoutSuccessPage(ctx.oidc.client?.clientName)),
      },
      resourceIndicators: {
        enabled: true,
        // No resource given -> no default resource: the access token stays
        // opaque and usable at userinfo. Except CIBA and device authorization
        // requests: there the API named by the requested scope /
        // authorization details (target.mjs).
        defaultResource,
        // A token request without `resource` does not silently inherit the
        // resource from the authorization request (that would make the token
        // useless at userinfo); ask for the resource explicitly to get a JWT.
        // CIBA and device code token requests do inherit it: the client polls
        // for exactly the API access the user approved.
        // The auth0 flavour: always, as at Auth0 (target.mjs).
        useGrantedResource: auth0 ? useGrantedResourceAlways : useGrantedResource,
        getResourceServerInfo: resourceServerInfoFor(accessTokenTTL),
      },
      ciba: cibaFeature(channel, { flavor }),
      deviceFlow: deviceFlowFeature,
      richAuthorizationRequests,
    },
    // Refresh tokens: issued when the grant includes offline_access (the
    // default issueRefreshToken policy), except for an approval of one action
    // (one-time.mjs), which nothing may renew. Rotation is always on for this public
    // client: every use returns a new refresh token and consumes the old one;
    // presenting a consumed one again revokes the whole grant. A refresh for
    // an API outside the grant is refused before the token is consumed.
    issueRefreshToken: issueRefreshTokenUnlessOneTime,
    rotateRefreshToken: rotateRefreshTokenForGrantedTarget,
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? accessTokenTTL,
      AuthorizationCode: MINUTE,
      IdToken: HOUR,
      RefreshToken: 14 * DAY,
      Interaction: HOUR,
      Session: 14 * DAY,
      Grant: GRANT_TTL_SECONDS,
      ClientCredentials: 10 * MINUTE,
      DeviceCode: deviceCodeTTL,
      BackchannelAuthenticationRequest: requestTtl,
      PreAuthorizedCode: 10 * MINUTE,
    },
    // The `connection` claim of federated connection tokens (token-exchange.mjs)
    // and the `grant_hash` of tokens for one action (one-time.mjs).
    extraTokenClaims: (ctx, token) => ({ ...federatedConnectionClaims(ctx, token), ...oneTimeGrantClaims(ctx, token) }),
    // The desktop app talks to the token endpoint from native code, not from a
    // web page: no CORS for clients.
    clientBasedCORS: () => false,
    renderError: (ctx, out) => setHtml(ctx, errorPage(out)),
  });

  // Listen only on 127.0.0.1 and never behind a proxy: do not trust X-Forwarded-*.
  provider.proxy = false;
  if (auth0) installAudienceParameter(provider);
  treatMissingPromptAsConsent(provider);
  installCibaMiddleware(provider, channel);
  installDeviceFlowMiddleware(provider, devicePolls);
  installTokenExchange(provider, { issuer, jwks, connections });
  return provider;
}
