// Which API a backchannel (CIBA) or device authorization request targets:
// the resource (RFC 8707) whose audience its access token gets. These
// requests have no consent page that could let the user pick, so each
// targets exactly one API, named by `resource` or implied by what it asks for.
import { errors } from 'oidc-provider';

import { resourceForDetailType } from './rar.mjs';
import { resourceForScope } from './resources.mjs';

const { InvalidAuthorizationDetails, InvalidTarget } = errors;

// oidc-provider routes whose requests target one API.
const ONE_API_ROUTES = {
  backchannel_authentication: 'a CIBA request',
  device_authorization: 'a device authorization request',
};

function requestedDetails(ctx) {
  try {
    const details = JSON.parse(ctx.oidc.params.authorization_details ?? '[]');
    return Array.isArray(details) ? details : [];
  } catch {
    return []; // checkRar has already refused it
  }
}

/**
 * features.resourceIndicators.defaultResource. A CIBA or device
 * authorization request without `resource` targets the one API its scopes and
 * authorization details point at (stock:trade or trade_authorization -> the
 * stock API, ...). Naming two APIs is invalid_target: one token has one
 * audience, so the client must send one request per API. Elsewhere there is
 * no default (opaque userinfo tokens).
 */
export function defaultResource(ctx, _client, oneOf) {
  const what = ONE_API_ROUTES[ctx.oidc.route];
  if (oneOf || !what) return undefined;
  const wanted = new Set();
  for (const scope of String(ctx.oidc.params.scope ?? '').split(' ')) {
    const resource = resourceForScope(scope);
    if (resource) wanted.add(resource);
  }
  for (const detail of requestedDetails(ctx)) {
    const resource = resourceForDetailType(detail?.type);
    if (resource) wanted.add(resource);
  }
  if (wanted.size > 1) {
    throw new InvalidTarget(`${what} may target one API, this one names ${[...wanted].join(' and ')}; send one request per API`);
  }
  return [...wanted][0];
}

/**
 * features.resourceIndicators.useGrantedResource: CIBA and device code tokens
 * are for the request's API (the client polls for exactly the API access the
 * user approved). Other token requests must name the resource to get a JWT.
 */
export function useGrantedResource(_ctx, model) {
  return model.kind === 'BackchannelAuthenticationRequest' || model.kind === 'DeviceCode';
}

/**
 * useGrantedResource in the auth0 flavour (flavor.mjs): every token is for
 * the API the grant names, as at Auth0, where the `audience` of the
 * authorization request decides the audience of the tokens that the code
 * exchange and later refreshes return. A token request may still name
 * another API of the grant (`audience` or `resource`); a grant of no API
 * (or of several) gives an opaque userinfo token.
 */
export function useGrantedResourceAlways() {
  return true;
}

/**
 * The cross-parameter rules, once oidc-provider has resolved the resource
 * (explicit or default): one API, and every API scope and authorization
 * details type belongs to it.
 */
export function checkTarget(ctx) {
  const { params, resourceServers } = ctx.oidc;
  const resources = Object.keys(resourceServers);
  if (resources.length > 1) {
    throw new InvalidTarget(`${ONE_API_ROUTES[ctx.oidc.route]} may target one API; send one request per resource`);
  }
  const [resource] = resources;
  for (const scope of String(params.scope ?? '').split(' ')) {
    const owner = resourceForScope(scope);
    if (owner && owner !== resource) throw new InvalidTarget(`scope ${scope} is for ${owner}, but this request targets ${resource}`);
  }
  for (const detail of requestedDetails(ctx)) {
    const owner = resourceForDetailType(detail.type);
    if (owner !== resource) {
      throw new InvalidAuthorizationDetails(`${detail.type} details are for ${owner}, but this request targets ${resource}`);
    }
  }
}

/**
 * rotateRefreshToken, which oidc-provider asks just before it consumes the
 * presented refresh token, and before it checks the requested resource: a
 * refresh for an API the grant does not include would burn the token and then
 * fail, and the client's next refresh (with the token it still holds) would
 * look like reuse and revoke the whole grant. So refuse such a request here,
 * while the token is still good, with the error oidc-provider would give.
 * Then rotate: every use returns a new refresh token.
 */
export function rotateRefreshTokenForGrantedTarget(ctx) {
  const requested = [ctx.oidc.params.resource ?? []].flat();
  if (requested.length > 1) {
    throw new InvalidTarget('only a single resource indicator value must be requested/resolved during Access Token Request');
  }
  const token = ctx.oidc.entities.RefreshToken;
  if (requested.length === 1 && token && !token.resourceIndicators.has(requested[0])) {
    throw new InvalidTarget(`this grant does not include ${requested[0]}`);
  }
  return true;
}
