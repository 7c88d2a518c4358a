// One approval allows one action. A trade_authorization or payment_initiation
// detail (rar.mjs, `oneTime`) is the user's yes to exactly one order or
// payment, so:
//
// - a grant source that carries one (a device code, a CIBA request, an
//   authorization code) gets no refresh token, whatever the client asked
//   for: a refresh token would renew the approval into any number of access
//   tokens, each good for another order (issueRefreshTokenUnlessOneTime);
// - every access token that carries one names its grant (`grant_hash`, the
//   SHA-256 of the grant id, so the id itself stays inside the sandbox), and
//   the stock and payments APIs spend that grant with the order or payment
//   (apis/orders-store.mjs): should a grant ever yield a second token, for
//   instance through a refresh token issued before this rule, it is refused
//   as used (oneTimeGrantClaims).
//
// Same in both flavours. The approver role has its own rule: it is never
// granted through a device code (device-flow.mjs).
import { createHash } from 'node:crypto';

import { carriesOneTimeDetails } from './rar.mjs';

/** The `grant_hash` claim value of a grant id. */
function grantHash(grantId) {
  return createHash('sha256').update(String(grantId)).digest('base64url');
}

/**
 * oidc-provider's `issueRefreshToken`: its default rule (the client may use
 * refresh tokens and the grant includes offline_access), except for a source
 * whose approved details allow one action.
 */
export function issueRefreshTokenUnlessOneTime(_ctx, client, source) {
  return client.grantTypeAllowed('refresh_token') && source.scopes.has('offline_access') && !carriesOneTimeDetails(source.rar);
}

/** Part of `extraTokenClaims`: `grant_hash` on a token carrying one-time details. */
export function oneTimeGrantClaims(_ctx, token) {
  if (!token.grantId || !carriesOneTimeDetails(token.rar)) return undefined;
  return { grant_hash: grantHash(token.grantId) };
}
