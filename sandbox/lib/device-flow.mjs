// OAuth 2.0 Device Authorization Grant (RFC 8628) on top of oidc-provider's
// features.deviceFlow: user codes, which API a request targets, the poll
// interval and slow_down (oidc-provider sends neither), Auth0's
// /oauth/device/code alias, and the /activate pages for people without the
// Countersign app. Approving from the app: device-codes.mjs, device-api.mjs.
//
// The approver role (the `approvals` scope, the approval channel's resource)
// is never granted with a device code: a device code is approved by whoever
// is shown it, so a code labelled "Countersign Desktop" that an attacker
// started would hand the attacker the right to approve every request made in
// the victim's name. The device authorization endpoint refuses such requests
// (refuseApproverRole); the approver signs in in a browser instead.
//
// The browser path, all on our own pages (html.mjs):
//   GET  /activate[?user_code=...]   code form (the code prefilled)
//   POST /activate                   -> confirm page: client, scopes, details, Approve / Cancel
//   POST /activate (Approve)         -> login and consent (interactions.mjs)
//   GET  /activate/:uid              -> (oidc-provider resumes) success page
import { errors } from 'oidc-provider';

import { DEVICE_CODE_GRANT_TYPE } from './clients.mjs';
import {
  activatePage, deviceConfirmPage, deviceDonePage, setHtml,
} from './html.mjs';
import { recordPoll, slowDownBody } from './polling.mjs';
import { approvedDetails } from './rar.mjs';
import { APPROVALS_API, APPROVALS_SCOPE, describeScope } from './resources.mjs';
import { checkTarget } from './target.mjs';

const { InvalidScope, InvalidTarget } = errors;

export const DEVICE_AUTHORIZATION_PATH = '/device_authorization';
export const DEVICE_CODE_ALIAS = '/oauth/device/code'; // Auth0's path for the same endpoint
export const ACTIVATE_PATH = '/activate'; // verification_uri; nothing of oidc-provider under /device

// oidc-provider's 'base-20' charset: consonants only, so no two letters look
// or sound alike and no words form. Shown as XXXX-XXXX.
const USER_CODE_CHARSET = 'BCDFGHJKLMNPQRSTVWXZ';
const USER_CODE_MASK = '****-****';
const USER_CODE = new RegExp(`^[${USER_CODE_CHARSET}]{8}$`);

/**
 * A user code as typed (any case, with dashes or whitespace) -> its stored
 * form (8 uppercase letters, oidc-provider's normalised form), or undefined
 * if it cannot be a user code.
 */
export function normalizeUserCode(input) {
  // ASCII letters only: toUpperCase() would turn 'ß' into 'SS'.
  const code = String(input).replace(/[\s-]/g, '').replace(/[a-z]/g, (c) => c.toUpperCase());
  return USER_CODE.test(code) ? code : undefined;
}

/** The stored form -> the form shown to people: BCDF-GHJK. */
export function formatUserCode(normalized) {
  return `${normalized.slice(0, 4)}-${normalized.slice(4)}`;
}

/**
 * Per device code poll state: the interval and the time of the last poll.
 * Kept in memory only: after a restart a code's first poll starts afresh at
 * the default interval (the codes themselves survive in the file store).
 * Keyed by the device_code value itself, which never leaves this map.
 */
export class DevicePolls {
  #interval;
  #ttlMs;
  #states = new Map(); // device_code -> { interval, lastPollAt, forgetAt }

  /** `interval`: initial interval (s); `ttl`: device code lifetime (s). */
  constructor({ interval, ttl }) {
    this.#interval = interval;
    this.#ttlMs = ttl * 1000;
  }

  get interval() {
    return this.#interval;
  }

  /** A code was issued now: its first poll is due `interval` seconds later. */
  issued(deviceCode) {
    const now = Date.now();
    for (const [code, state] of this.#states) if (state.forgetAt <= now) this.#states.delete(code);
    this.#states.set(deviceCode, this.#fresh(now, now));
  }

  /** A poll of a pending code: { slowDown, interval } (polling.mjs). */
  poll(deviceCode) {
    const now = Date.now();
    let state = this.#states.get(deviceCode);
    if (!state) { // issued before a restart: this poll is the first we see
      state = this.#fresh(-Infinity, now);
      this.#states.set(deviceCode, state);
    }
    return recordPoll(state, now);
  }

  #fresh(lastPollAt, now) {
    return { interval: this.#interval, lastPollAt, forgetAt: now + this.#ttlMs };
  }
}

// oidc-provider re-renders the code form with the error that stopped the
// user code (its "re-render" errors, by name) or any other failure.
function formMessage(err, out) {
  switch (err?.name) {
    case undefined: return {};
    case 'NoCodeError': return { error: 'Enter the code that your device shows.' };
    case 'NotFoundError': return { error: 'That code is not valid. Check the code on your device and try again.' };
    case 'ExpiredError': return { error: 'That code has expired. Start again on your device to get a new one.' };
    case 'AlreadyUsedError': return { error: 'That code has already been used.' };
    case 'AbortedError': return { notice: 'Cancelled: the device was not given access.' };
    default: return { error: `The request failed: ${out?.error_description ?? out?.error ?? 'internal error'}` };
  }
}

// Our own form instead of oidc-provider's `form` argument (which carries an
// inline script handler our CSP blocks): the same action and xsrf secret.
function userCodeInputSource(ctx, _form, out, err) {
  setHtml(ctx, activatePage({
    action: ctx.oidc.urlFor('code_verification'),
    xsrf: ctx.oidc.session.state.secret,
    userCode: err?.userCode ?? ctx.state.prefilledUserCode,
    ...formMessage(err, out),
  }));
}

function userCodeConfirmSource(ctx, form, client, _deviceInfo, userCode) {
  const { params } = ctx.oidc.deviceCode;
  setHtml(ctx, deviceConfirmPage({
    clientName: client.clientName || client.clientId,
    userCode,
    scopes: String(params.scope ?? '').split(' ').filter(Boolean),
    resource: params.resource,
    details: approvedDetails(params.authorization_details),
    describe: describeScope,
    form,
  }));
}

function successSource(ctx) {
  setHtml(ctx, deviceDonePage(ctx.oidc.client.clientName || ctx.oidc.client.clientId));
}

const NOT_BY_DEVICE_CODE = 'cannot be granted with a device code: whoever showed you the code could then approve '
  + 'requests for you. Sign in in a browser on the device that is to approve requests';

/**
 * A device authorization request for the approver role is refused, by scope
 * (invalid_scope) or by resource (invalid_target), in both flavours.
 */
function refuseApproverRole(ctx) {
  if (String(ctx.oidc.params.scope ?? '').split(' ').includes(APPROVALS_SCOPE)) {
    throw new InvalidScope(`the ${APPROVALS_SCOPE} scope ${NOT_BY_DEVICE_CODE}`, APPROVALS_SCOPE);
  }
  if (Object.hasOwn(ctx.oidc.resourceServers ?? {}, APPROVALS_API)) {
    throw new InvalidTarget(`access to the approval channel (${APPROVALS_API}) ${NOT_BY_DEVICE_CODE}`);
  }
}

/** features.deviceFlow for oidc-provider. */
export const deviceFlowFeature = {
  enabled: true,
  charset: 'base-20',
  mask: USER_CODE_MASK,
  // Called while the device authorization endpoint builds the code, after the
  // resource is resolved and before anything is stored: oidc-provider's only
  // hook there, so the approver rule and the cross-parameter rules
  // (target.mjs) run here. Nothing about the device is kept.
  deviceInfo: (ctx) => {
    refuseApproverRole(ctx);
    checkTarget(ctx);
    return undefined;
  },
  userCodeInputSource,
  userCodeConfirmSource,
  successSource,
};

/**
 * Pre/post middleware (provider.use): serves /oauth/device/code as an alias
 * of the device authorization endpoint, shows a verification_uri_complete
 * code in the form instead of auto-submitting it (no scripts on our pages),
 * adds `interval` to device authorization answers, and turns a too-early poll
 * of a pending code into slow_down.
 */
export function installDeviceFlowMiddleware(provider, polls) {
  const deviceAuthorizationPath = provider.pathFor('device_authorization');
  const activatePath = provider.pathFor('code_verification');
  provider.use(async (ctx, next) => {
    if (ctx.path === DEVICE_CODE_ALIAS) ctx.path = deviceAuthorizationPath; // before routing: same handler
    if (ctx.method === 'GET' && ctx.path === activatePath && ctx.query.user_code !== undefined) {
      ctx.state.prefilledUserCode = String(ctx.query.user_code);
      ctx.querystring = '';
    }
    await next();

    const route = ctx.oidc?.route;
    if (route === 'device_authorization' && ctx.status === 200 && ctx.body?.device_code) {
      polls.issued(ctx.body.device_code);
      ctx.body = { ...ctx.body, interval: polls.interval };
    } else if (
      route === 'token'
      && ctx.oidc.params?.grant_type === DEVICE_CODE_GRANT_TYPE
      && ctx.status === 400
      && ctx.body?.error === 'authorization_pending'
    ) {
      // oidc-provider answered "still pending" only after matching the code to
      // the client, so device_code names a real, pending code.
      const poll = polls.poll(ctx.oidc.params.device_code);
      if (poll.slowDown) ctx.body = slowDownBody(poll.interval);
    }
  });
}
