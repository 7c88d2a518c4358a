// OpenID CIBA Core 1.0 on top of oidc-provider's features.ciba: request
// validation, the poll interval and slow_down (oidc-provider sends neither),
// the /bc-authorize alias, and ping delivery to a plain-http loopback
// receiver. Which API a request targets: target.mjs.
//
// The user-facing half (approving or denying a request) is the approval
// channel: triggerAuthenticationDevice hands each stored request to it.
import { errors } from 'oidc-provider';

import { accountExists, accountIdByEmail } from './accounts.mjs';
import { CIBA_GRANT_TYPE, PING_PLACEHOLDER_ENDPOINT } from './clients.mjs';
import { slowDownBody } from './polling.mjs';
import { checkTarget } from './target.mjs';

const { InvalidBindingMessage, InvalidRequest, UnknownUserId } = errors;

export const BC_AUTHORIZE_ALIAS = '/bc-authorize'; // Auth0's path for the same endpoint
export const DEFAULT_EXPIRY_SECONDS = 300;
export const MAX_EXPIRY_SECONDS = 3600;
export const AUTH0_MAX_EXPIRY_SECONDS = 259200; // 72 hours: Auth0's limit (push notifications: 300, email: 259200)
const BINDING_MESSAGE = /^[A-Za-z0-9 +\-_.,:#]{1,64}$/;

function parseJsonHint(hint, issuer) {
  let parsed;
  try {
    parsed = JSON.parse(hint);
  } catch {
    throw new InvalidRequest('login_hint is not valid JSON');
  }
  if (parsed?.format !== 'iss_sub' || typeof parsed.iss !== 'string' || typeof parsed.sub !== 'string') {
    throw new InvalidRequest('a JSON login_hint needs format iss_sub and the string members iss and sub');
  }
  if (parsed.iss.replace(/\/$/, '') !== issuer) {
    throw new UnknownUserId(`login_hint iss is not this issuer (${issuer})`);
  }
  return parsed.sub;
}

/**
 * login_hint -> account id. Accepts the subject ("alice"), the email address,
 * or Auth0's {"format":"iss_sub","iss":"<issuer>","sub":"alice"}.
 */
export function accountIdFromLoginHint(hint, issuer) {
  let accountId;
  if (hint.trimStart().startsWith('{')) accountId = parseJsonHint(hint, issuer);
  else if (hint.includes('@')) accountId = accountIdByEmail(hint);
  else accountId = hint;
  if (!accountId || !accountExists(accountId)) throw new UnknownUserId('login_hint does not identify a known user');
  return accountId;
}

/**
 * login_hint -> account id as Auth0 reads it: only
 * {"format":"iss_sub","iss":"<issuer>","sub":"<user id>"}, with `iss` exactly
 * the issuer (trailing slash included). Anything else is invalid_request; an
 * unknown `sub` is unknown_user_id (CIBA Core section 13).
 */
export function accountIdFromIssSubHint(hint, issuer) {
  const form = `{"format":"iss_sub","iss":"${issuer}","sub":"<user id>"}`;
  let parsed;
  try {
    parsed = JSON.parse(hint);
  } catch {
    throw new InvalidRequest(`login_hint must be a JSON object in the iss_sub format: ${form}`);
  }
  if (parsed?.format !== 'iss_sub' || typeof parsed.iss !== 'string' || typeof parsed.sub !== 'string' || !parsed.sub) {
    throw new InvalidRequest(`login_hint must be a JSON object in the iss_sub format: ${form}`);
  }
  if (parsed.iss !== issuer) throw new InvalidRequest(`login_hint iss must be this tenant's issuer, ${issuer}`);
  if (!accountExists(parsed.sub)) throw new UnknownUserId('login_hint sub does not identify a known user');
  return parsed.sub;
}

/** ttl.BackchannelAuthenticationRequest: requested_expiry (checked below), else 300 s. */
export function requestTtl(ctx) {
  const requested = Number(ctx?.oidc?.params?.requested_expiry);
  return Number.isSafeInteger(requested) && requested > 0 ? requested : DEFAULT_EXPIRY_SECONDS;
}

// oidc-provider's last hook before it identifies the user and stores the
// request (validateRequestContext), and the first that sees the resolved
// resource: the cross-parameter rules live here. request_context itself is
// accepted and ignored.
function checkRequest(ctx, maxExpiry) {
  const { params } = ctx.oidc;
  for (const hint of ['id_token_hint', 'login_hint_token']) {
    if (params[hint] !== undefined) throw new InvalidRequest(`${hint} is not supported; identify the user with login_hint`);
  }
  if (params.requested_expiry !== undefined && Number(params.requested_expiry) > maxExpiry) {
    throw new InvalidRequest(`requested_expiry must be at most ${maxExpiry} seconds`);
  }

  checkTarget(ctx);
}

function validateBindingMessage(_ctx, bindingMessage) {
  if (bindingMessage === undefined) throw new InvalidBindingMessage('binding_message is required');
  if (!BINDING_MESSAGE.test(bindingMessage)) {
    throw new InvalidBindingMessage('binding_message must be 1 to 64 characters: ASCII letters, digits, space and + - _ . , : #');
  }
}

/**
 * features.ciba for oidc-provider; `channel` is the ApprovalChannel. The
 * auth0 flavour (flavor.mjs) reads login_hint as Auth0 does and allows
 * requested_expiry up to 259200 s.
 */
export function cibaFeature(channel, { flavor = 'default' } = {}) {
  const auth0 = flavor === 'auth0';
  const maxExpiry = auth0 ? AUTH0_MAX_EXPIRY_SECONDS : MAX_EXPIRY_SECONDS;
  const loginHint = auth0 ? accountIdFromIssSubHint : accountIdFromLoginHint;
  return {
    enabled: true,
    deliveryModes: ['poll', 'ping'],
    processLoginHint: (ctx, hint) => loginHint(hint, ctx.oidc.issuer),
    processLoginHintToken: () => {
      throw new InvalidRequest('login_hint_token is not supported; identify the user with login_hint');
    },
    // Discovery always says backchannel_user_code_parameter_supported (hard-coded
    // in oidc-provider); no client here registers for user codes.
    verifyUserCode: (_ctx, _account, userCode) => {
      if (userCode !== undefined) throw new InvalidRequest('user_code is not supported by this server');
    },
    validateBindingMessage,
    validateRequestContext: (ctx) => checkRequest(ctx, maxExpiry),
    triggerAuthenticationDevice: (_ctx, request, _account, client) => channel.register(request, client),
  };
}

/**
 * Pre/post middleware (provider.use): serves /bc-authorize as an alias of the
 * backchannel authentication endpoint, adds `interval` to its answers, and
 * turns a too-early poll of a pending request into slow_down.
 */
export function installCibaMiddleware(provider, channel) {
  const backchannelPath = provider.pathFor('backchannel_authentication');
  provider.use(async (ctx, next) => {
    if (ctx.path === BC_AUTHORIZE_ALIAS) ctx.path = backchannelPath; // before routing: same handler
    await next();

    const route = ctx.oidc?.route;
    if (route === 'backchannel_authentication' && ctx.status === 200 && ctx.body?.auth_req_id) {
      ctx.body = { ...ctx.body, interval: channel.intervalFor(ctx.body.auth_req_id) };
    } else if (
      route === 'token'
      && ctx.oidc.params?.grant_type === CIBA_GRANT_TYPE
      && ctx.status === 400
      && ctx.body?.error === 'authorization_pending'
    ) {
      // oidc-provider answered "still pending" only after authenticating the
      // client and matching it to the request, so auth_req_id is trustworthy.
      const poll = await channel.recordPoll(ctx.oidc.params.auth_req_id);
      if (poll?.slowDown) ctx.body = slowDownBody(poll.interval);
    }
  });
}

/**
 * oidc-provider's `fetch` option. Only the ping placeholder endpoint
 * (clients.mjs) is special: its requests go to `pingUrl` (--ciba-ping-url)
 * without oidc-provider's SSRF guard, which refuses loopback addresses, i.e.
 * exactly where a demo agent listens. Without `pingUrl` the ping is not sent.
 */
export function cibaFetch(pingUrl) {
  const placeholder = new URL(PING_PLACEHOLDER_ENDPOINT).href;
  return async function fetchForProvider(url, options) {
    if (String(url) !== placeholder) return globalThis.fetch(url, options);
    if (!pingUrl) throw new Error('no --ciba-ping-url given, ping not sent (the agent can still poll)');
    const { dispatcher: _ssrfGuard, ...rest } = options;
    return globalThis.fetch(pingUrl, rest);
  };
}
