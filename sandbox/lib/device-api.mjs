// HTTP side of the device code approver API (docs/approval-channel.md,
// "Device codes"):
//
//   GET  /device/{user_code}   the device code: client, scope, resource, details, status
//   POST /device/{user_code}   {"decision": "approve"|"deny"}
//
// Authenticated exactly like the approval channel (http-api.mjs): a bearer
// JWT for the approvals resource with the `approvals` scope; its `sub`
// approves. Any user may look up any code (whoever holds a user code may
// approve it), so guessing is what needs a limit: failed lookups are counted
// per user.
import {
  approvalsTokenAuthenticator, decisionOf, HttpError, readJson, sendError, sendJson,
} from './http-api.mjs';

const FAILED_LOOKUP_LIMIT = 10;
const FAILED_LOOKUP_WINDOW_SECONDS = 60;
const ITEM = /^\/device\/([^/]*)$/;

/**
 * Failed lookups per user in a sliding window. In memory only: a restart
 * forgets them (acceptable for a local sandbox; a real provider would share
 * this between its instances).
 */
class FailedLookups {
  #failures = new Map(); // accountId -> failure times (ms), oldest first

  // The user's failures still inside the window (and forgets older ones).
  #recent(accountId, now) {
    const horizon = now - FAILED_LOOKUP_WINDOW_SECONDS * 1000;
    const recent = (this.#failures.get(accountId) ?? []).filter((at) => at > horizon);
    if (recent.length) this.#failures.set(accountId, recent);
    else this.#failures.delete(accountId);
    return recent;
  }

  /** 0 if the user may look codes up now, else the seconds until they may. */
  retryAfter(accountId, now = Date.now()) {
    const recent = this.#recent(accountId, now);
    if (recent.length < FAILED_LOOKUP_LIMIT) return 0;
    // Allowed again once enough of the oldest failures have left the window.
    const freedAt = recent[recent.length - FAILED_LOOKUP_LIMIT] + FAILED_LOOKUP_WINDOW_SECONDS * 1000;
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }

  record(accountId, now = Date.now()) {
    this.#failures.set(accountId, [...this.#recent(accountId, now), now]);
  }
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return ''; // malformed percent-encoding: no code
  }
}

/**
 * Returns a handler `(req, res) => boolean` serving /device and below (false
 * for other paths). `deviceCodes` is the DeviceCodes instance.
 */
export function createDeviceRoutes({
  deviceCodes, issuer, jwks, log = () => {},
}) {
  const authenticate = approvalsTokenAuthenticator({ issuer, jwks });
  const failedLookups = new FailedLookups();

  const notFound = (accountId) => {
    failedLookups.record(accountId);
    return new HttpError(404, 'not_found', 'no such device code');
  };

  async function show(res, accountId, userCode) {
    const device = await deviceCodes.lookup(userCode);
    if (!device) throw notFound(accountId);
    sendJson(res, 200, device);
  }

  async function decide(req, res, accountId, userCode) {
    const decision = decisionOf(await readJson(req));
    const { outcome, device } = await deviceCodes.decide(accountId, userCode, decision);
    switch (outcome) {
      case 'decided':
      case 'unchanged':
        return sendJson(res, 200, device);
      case 'conflict':
        throw new HttpError(409, 'conflict', `this device code was already ${device.status}`, { extra: { device } });
      case 'expired':
        throw new HttpError(410, 'expired', 'this device code expired before it was decided', { extra: { device } });
      default:
        throw notFound(accountId);
    }
  }

  async function handle(req, res, pathname) {
    const { accountId } = await authenticate(req);
    const retryAfter = failedLookups.retryAfter(accountId);
    if (retryAfter) {
      throw new HttpError(429, 'rate_limited', `too many unknown device codes; try again in ${retryAfter} seconds`, { retryAfter });
    }
    const item = ITEM.exec(pathname);
    if (!item) throw notFound(accountId);
    const userCode = decodeSegment(item[1]);
    if (req.method === 'GET') return show(res, accountId, userCode);
    if (req.method === 'POST') return decide(req, res, accountId, userCode);
    throw new HttpError(405, 'method_not_allowed', 'this resource only accepts GET and POST', { allow: 'GET, POST' });
  }

  return function deviceRoutes(req, res) {
    const { pathname } = new URL(req.url, issuer);
    if (pathname !== '/device' && !pathname.startsWith('/device/')) return false;
    // The path holds a user code: the error log names the route, not the code.
    handle(req, res, pathname).catch((err) => sendError(res, err, { log, what: `device: ${req.method} /device/...` }));
    return true;
  };
}
