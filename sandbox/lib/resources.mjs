// Resource servers (RFC 8707 resource indicators) of the sandbox's own APIs.
// Access tokens requested for one of these (`resource=` on the authorization
// and token requests) are ES256-signed JWTs (`typ: at+jwt`, RFC 9068) that an
// API can verify offline against the JWKS. Tokens requested without
// `resource` stay opaque and are meant for the userinfo endpoint.
//
// To add an API: add an entry below. `scope` is the one scope that API
// understands; a client asks for it in `scope` next to the OpenID scopes, and
// the consent page shows it with its `description`. A client may only target
// an API whose scope is in its API scope list (clients.mjs): oidc-provider's
// own client `scope` metadata can only hold OpenID scopes.
import { errors } from 'oidc-provider';

import { apiScopesOf } from './clients.mjs';

export const RESOURCE_PREFIX = 'https://api.sandbox.countersign.dev/';
export const PROFILE_API = `${RESOURCE_PREFIX}profile`;
export const STOCK_API = `${RESOURCE_PREFIX}stock`;
export const PAYMENTS_API = `${RESOURCE_PREFIX}payments`;
export const APPROVALS_API = `${RESOURCE_PREFIX}approvals`;
export const DATA_API = `${RESOURCE_PREFIX}data`;
export const DOCS_API = `${RESOURCE_PREFIX}docs`;
export const APPROVALS_SCOPE = 'approvals';

// The stand-in for a third-party API (Google Calendar) behind a federated
// connection. Deliberately NOT in RESOURCES: getResourceServerInfo refuses it
// (invalid_target) for every ordinary grant, so the only way to a calendar
// token is the federated token exchange (token-exchange.mjs, connections.mjs).
export const CALENDAR_API = `${RESOURCE_PREFIX}calendar`;

export const RESOURCES = {
  [PROFILE_API]: {
    scope: 'profile:read',
    description: 'Read your sandbox profile',
  },
  [STOCK_API]: {
    scope: 'stock:trade',
    description: 'Buy and sell stocks for you',
  },
  [PAYMENTS_API]: {
    scope: 'payments:initiate',
    description: 'Start payments from your account',
  },
  [APPROVALS_API]: {
    scope: APPROVALS_SCOPE,
    description: 'Approve or deny requests that apps send on your behalf',
  },
  [DATA_API]: {
    scope: 'data:read',
    description: 'Read your data records',
  },
  [DOCS_API]: {
    scope: 'docs:read',
    description: 'Search and read shared documents',
  },
};

/** The resource whose scope is `scope`, or undefined for OpenID scopes. */
export function resourceForScope(scope) {
  return Object.keys(RESOURCES).find((indicator) => RESOURCES[indicator].scope === scope);
}

/** Human-readable description of an API scope (consent page), or undefined. */
export function describeScope(scope) {
  return RESOURCES[resourceForScope(scope)]?.description;
}

/** features.resourceIndicators.getResourceServerInfo for oidc-provider. */
export function resourceServerInfoFor(accessTokenTTL) {
  return async function getResourceServerInfo(_ctx, resourceIndicator, client) {
    const resource = RESOURCES[resourceIndicator];
    // oidc-provider answers `invalid_target` ("resource indicator is missing, or unknown").
    if (!resource) throw new errors.InvalidTarget();
    if (!apiScopesOf(client?.clientId).includes(resource.scope)) {
      throw new errors.InvalidTarget(`client ${client?.clientId} may not request access to ${resourceIndicator}`);
    }
    return {
      scope: resource.scope,
      audience: resourceIndicator,
      accessTokenTTL,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'ES256' } },
    };
  };
}
