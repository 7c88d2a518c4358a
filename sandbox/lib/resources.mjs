// Resource servers (RFC 8707 resource indicators) of the sandbox's own APIs.
// Access tokens requested for one of these (`resource=` on the authorization
// and token requests) are ES256-signed JWTs (`typ: at+jwt`, RFC 9068) that an
// API can verify offline against the JWKS. Tokens requested without
// `resource` stay opaque and are meant for the userinfo endpoint.
//
// To add an API: add an entry below. `scope` lists the scopes that API
// understands (space separated); a client asks for them in `scope` next to the
// OpenID scopes, and the consent page shows them.
import { errors } from 'oidc-provider';

export const RESOURCE_PREFIX = 'https://api.sandbox.countersign.dev/';

export const RESOURCES = {
  [`${RESOURCE_PREFIX}profile`]: {
    scope: 'profile:read',
    description: 'Read your sandbox profile',
  },
};

/** features.resourceIndicators.getResourceServerInfo for oidc-provider. */
export function resourceServerInfoFor(accessTokenTTL) {
  return async function getResourceServerInfo(_ctx, resourceIndicator) {
    const resource = RESOURCES[resourceIndicator];
    // oidc-provider answers `invalid_target` ("resource indicator is missing, or unknown").
    if (!resource) throw new errors.InvalidTarget();
    return {
      scope: resource.scope,
      audience: resourceIndicator,
      accessTokenTTL,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'ES256' } },
    };
  };
}
