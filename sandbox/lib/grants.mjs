// The Grant behind a decision made outside oidc-provider's own pages: a CIBA
// request approved through the approval channel (approvals.mjs) or a device
// code approved through the approver API (device-codes.mjs).
import { RESOURCES } from './resources.mjs';

const API_SCOPES = new Set(Object.values(RESOURCES).map((r) => r.scope));

// How long a grant lives (oidc-provider's ttl.Grant): no token of a grant is
// issued later than this after the grant itself, which is how long the APIs
// remember a spent one (apis/orders-store.mjs).
export const GRANT_TTL_SECONDS = 14 * 24 * 60 * 60;

/**
 * Saves and returns a Grant of exactly what was asked: the OpenID scopes of
 * `scope`, the API scope of `resource` (if `scope` asked for it) and the
 * `authorizationDetails` the user saw.
 */
export async function saveRequestedGrant(provider, {
  accountId, clientId, scope, resource, authorizationDetails,
}) {
  const grant = new provider.Grant({ accountId, clientId });
  const scopes = String(scope ?? '').split(' ').filter(Boolean);
  const oidcScopes = scopes.filter((s) => !API_SCOPES.has(s));
  if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
  if (resource) {
    const resourceScope = RESOURCES[resource]?.scope;
    if (scopes.includes(resourceScope)) grant.addResourceScope(resource, resourceScope);
  }
  for (const detail of authorizationDetails) grant.addRar(detail);
  await grant.save();
  return grant;
}
