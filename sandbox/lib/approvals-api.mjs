// HTTP side of the approval channel (docs/approval-channel.md):
//
//   GET  /approvals          the user's approvals + last_event_id
//   GET  /approvals/events   text/event-stream of approval.* events
//   POST /approvals/{id}     {"decision": "approve"|"deny", "reason"?}
//
// Every request carries `Authorization: Bearer <JWT access token>` issued by
// this sandbox for the approvals resource with the `approvals` scope; the
// token's `sub` is the only user whose requests it can see or decide. Token
// checks, bodies and error answers: http-api.mjs (shared with device-api.mjs).
import { publicApproval } from './approvals-store.mjs';
import {
  approvalsTokenAuthenticator, decisionOf, HttpError, readJson, requireMethod, sendError, sendJson,
} from './http-api.mjs';
import { EventStream } from './sse.mjs';

const MAX_REASON_LENGTH = 256;
const ITEM = /^\/approvals\/([A-Za-z0-9_-]{1,64})$/;
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout's limit (~24.8 days; --access-token-ttl allows 31)

// {"decision", "reason"?}; unknown members are ignored, so the protocol can grow.
function parseDecision(body) {
  const decision = decisionOf(body);
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > MAX_REASON_LENGTH)) {
    throw new HttpError(400, 'invalid_request', `reason must be a string of at most ${MAX_REASON_LENGTH} characters`);
  }
  return { decision, reason: body.reason };
}

/**
 * Returns a handler `(req, res) => boolean` serving /approvals and below
 * (false for other paths), with `close()` to end every event stream (shutdown).
 */
export function createApprovalRoutes({
  channel, issuer, jwks, keepAliveSeconds, log = () => {},
}) {
  const { store } = channel;
  const authenticate = approvalsTokenAuthenticator({ issuer, jwks });
  const streams = new Set();

  function list(res, { accountId }) {
    // Read in one synchronous step: the list is exactly the state after
    // last_event_id, so subscribing from that id leaves no gap.
    const approvals = store.listFor(accountId).map(publicApproval);
    sendJson(res, 200, { approvals, last_event_id: store.lastEventId });
  }

  function subscribe(req, res, { accountId, expiresAt }, lastEventId) {
    const stream = new EventStream(req, res, { keepAliveSeconds });
    streams.add(stream);
    stream.onClose(() => streams.delete(stream));
    const send = (event) => stream.send({ id: String(event.id), event: event.type, data: event.approval });

    // Replay and live subscription happen in the same tick as each other, and
    // commits publish in one tick too: nothing falls between the two.
    if (lastEventId) { // absent or empty: live events only
      const replay = store.eventsAfter(accountId, lastEventId.trim());
      // The resync event carries the newest id, so reconnecting with it after
      // re-fetching the list continues from there.
      if (replay.resync) stream.send({ id: store.lastEventId, event: 'approval.resync', data: {} });
      else replay.events.forEach(send);
    }
    stream.onClose(store.subscribe((event) => { if (event.accountId === accountId) send(event); }));

    // The stream may not outlive its token: end it then, and the client
    // reconnects (with Last-Event-ID) using a fresh one.
    const expiry = setTimeout(() => stream.close(), Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())));
    expiry.unref();
    stream.onClose(() => clearTimeout(expiry));
  }

  async function decide(req, res, user, id) {
    const decision = parseDecision(await readJson(req));
    const { outcome, record } = await channel.decide(user.accountId, id, decision);
    switch (outcome) {
      case 'decided':
      case 'unchanged':
        return sendJson(res, 200, publicApproval(record));
      case 'conflict':
        throw new HttpError(409, 'conflict', `this request was already ${record.status}`, { extra: { approval: publicApproval(record) } });
      case 'expired':
        throw new HttpError(410, 'expired', 'this request expired before it was decided', { extra: { approval: publicApproval(record) } });
      default:
        throw new HttpError(404, 'not_found', 'no such approval');
    }
  }

  async function handle(req, res, url) {
    const user = await authenticate(req);
    const { pathname } = url;
    if (pathname === '/approvals') {
      requireMethod(req, 'GET');
      return list(res, user);
    }
    if (pathname === '/approvals/events') {
      requireMethod(req, 'GET');
      return subscribe(req, res, user, req.headers['last-event-id'] || url.searchParams.get('last_event_id'));
    }
    const item = ITEM.exec(pathname);
    if (!item) throw new HttpError(404, 'not_found', 'no such approval');
    requireMethod(req, 'POST');
    return decide(req, res, user, item[1]);
  }

  function routes(req, res) {
    const url = new URL(req.url, issuer);
    if (url.pathname !== '/approvals' && !url.pathname.startsWith('/approvals/')) return false;
    handle(req, res, url).catch((err) => sendError(res, err, { log, what: `approvals: ${req.method} ${url.pathname}` }));
    return true;
  }

  routes.close = () => {
    for (const stream of streams) stream.close();
  };
  return routes;
}
