// Auth0's `audience` parameter in the auth0 flavour (flavor.mjs): read as
// RFC 8707's `resource`, which is what oidc-provider understands.
import { errors } from 'oidc-provider';

const { InvalidRequest } = errors;

// Endpoints (oidc-provider route names) whose requests may name their API
// with `resource`; in the auth0 flavour, with Auth0's `audience` as well.
const AUDIENCE_ROUTES = new Set([
  'authorization', 'pushed_authorization_request', 'token', 'device_authorization', 'backchannel_authentication',
]);
const PARAMS = Symbol('params');

// `audience` (Auth0) -> `resource` (RFC 8707): the first is read as the second.
function applyAudience(oidc, params) {
  const raw = (oidc.ctx.method === 'POST' ? oidc.body : oidc.ctx.query) ?? {};
  const { audience } = raw;
  if (audience === undefined || audience === '') return;
  if (Array.isArray(audience)) throw new InvalidRequest("'audience' parameter must not be provided twice");
  const { resource } = params;
  if (resource === undefined) {
    params.resource = audience;
  } else if (resource !== audience && !(Array.isArray(resource) && resource.length === 1 && resource[0] === audience)) {
    throw new InvalidRequest('audience and resource name different APIs; send only one of them');
  }
}

/**
 * Makes oidc-provider read Auth0's `audience` parameter as `resource`
 * wherever it accepts `resource` (the authorization, PAR, token, device
 * authorization and backchannel authentication endpoints), before any of its
 * checks see the parameters. oidc-provider assembles each request's
 * parameters from an allow list into `ctx.oidc.params`, and `audience` is on
 * none; so this hooks that one assignment: an accessor on the provider's
 * OIDCContext class, which applies the alias when the assembled parameters
 * include `resource` (i.e. the endpoint, and for the token endpoint the
 * grant, accepts it). Both given: they must agree (invalid_request otherwise).
 */
export function installAudienceParameter(provider) {
  Object.defineProperty(provider.OIDCContext.prototype, 'params', {
    configurable: true,
    get() {
      return this[PARAMS];
    },
    set(params) {
      if (params && Object.hasOwn(params, 'resource') && AUDIENCE_ROUTES.has(this.route)) applyAudience(this, params);
      this[PARAMS] = params;
    },
  });
}
