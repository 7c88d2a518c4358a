// HTTP side of the approval channel (docs/approval-channel.md):
//
//   GET  /approvals          the user's approvals + last_event_id
//   GET  /approvals/events   text/event-stream of approval.* events
//   POST /approvals/{id}     {"decision": "approve"|"deny", "reason"?}
//
// Every request carries `Authorization: Bearer <JWT access token>` issued by
// this sandbox for the approvals resource with the `approvals` scope; the
// token's `sub` is the only user whose requests it can see or decide. Served
// straight from node:http (like the interaction pages), not through
// oidc-provider: this is a resource server that happens to share the process.
import * as jose from 'jose';

import { publicApproval } from './approvals-store.mjs';
import { APPROVALS_API, APPROVALS_SCOPE } from './resources.mjs';
import { EventStream } from './sse.mjs';

const MAX_BODY_BYTES = 16 * 1024;
const MAX_REASON_LENGTH = 256;
const ITEM = /^\/approvals\/([A-Za-z0-9_-]{1,64})$/;
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout's limit (~24.8 days; --access-token-ttl allows 31)

class HttpError extends Error {
  constructor(status, error, description, { challenge, allow, extra } = {}) {
    super(description);
    Object.assign(this, {
      status, error, challenge, allow, extra,
    });
  }
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

// Public halves of the signing keys: tokens are checked against exactly what
// /jwks publishes.
const PUBLIC_MEMBERS = ['kty', 'kid', 'alg', 'use', 'crv', 'x', 'y', 'n', 'e'];
function publicJwks(jwks) {
  return { keys: jwks.keys.map((key) => Object.fromEntries(PUBLIC_MEMBERS.filter((m) => key[m] !== undefined).map((m) => [m, key[m]]))) };
}

// Why a token was refused, in words for error_description (RFC 6750 allows
// no '"' or '\' there; none of these contain one).
function explain(err) {
  if (err.code === 'ERR_JWT_EXPIRED') return 'the access token has expired';
  if (err.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (err.claim === 'aud') return `the access token is not for ${APPROVALS_API}`;
    if (err.claim === 'iss') return 'the access token was not issued by this server';
    if (err.claim === 'typ') return 'the token is not a JWT access token (typ at+jwt)';
    return `the access token has an invalid ${err.claim} claim`;
  }
  if (err.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || err.code === 'ERR_JWKS_NO_MATCHING_KEY') {
    return 'the access token signature does not verify';
  }
  return `the token is not a JWT access token for ${APPROVALS_API}`;
}

async function readJson(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(400, 'invalid_request', 'the body must be application/json');
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(400, 'invalid_request', 'the body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_request', 'the body is not valid JSON');
  }
}

// Unknown members are ignored, so the protocol can grow.
function parseDecision(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_request', 'the body must be a JSON object');
  }
  if (body.decision !== 'approve' && body.decision !== 'deny') {
    throw new HttpError(400, 'invalid_request', 'decision must be "approve" or "deny"');
  }
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > MAX_REASON_LENGTH)) {
    throw new HttpError(400, 'invalid_request', `reason must be a string of at most ${MAX_REASON_LENGTH} characters`);
  }
  return { decision: body.decision, reason: body.reason };
}

/**
 * Returns a handler `(req, res) => boolean` serving /approvals and below
 * (false for other paths), with `close()` to end every event stream (shutdown).
 */
export function createApprovalRoutes({
  channel, issuer, jwks, keepAliveSeconds, log = () => {},
}) {
  const { store } = channel;
  const keys = jose.createLocalJWKSet(publicJwks(jwks));
  const streams = new Set();

  async function authenticate(req) {
    const match = /^Bearer +([^ ]+) *$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      throw new HttpError(401, 'unauthorized', `send Authorization: Bearer with an access token for ${APPROVALS_API}`, { challenge: 'Bearer' });
    }
    let payload;
    try {
      ({ payload } = await jose.jwtVerify(match[1], keys, {
        issuer, audience: APPROVALS_API, typ: 'at+jwt', algorithms: ['ES256'], requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      const description = explain(err);
      throw new HttpError(401, 'invalid_token', description, {
        challenge: `Bearer error="invalid_token", error_description="${description}"`,
      });
    }
    if (!String(payload.scope ?? '').split(' ').includes(APPROVALS_SCOPE)) {
      const description = `the access token lacks the ${APPROVALS_SCOPE} scope`;
      throw new HttpError(403, 'insufficient_scope', description, {
        challenge: `Bearer error="insufficient_scope", scope="${APPROVALS_SCOPE}", error_description="${description}"`,
      });
    }
    return { accountId: payload.sub, expiresAt: payload.exp * 1000 };
  }

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

  function requireMethod(req, method) {
    if (req.method !== method) {
      throw new HttpError(405, 'method_not_allowed', `this resource only accepts ${method}`, { allow: method });
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
    handle(req, res, url).catch((err) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (!(err instanceof HttpError)) {
        log(`approvals: ${req.method} ${url.pathname}: ${err.stack ?? err}`);
        sendJson(res, 500, { error: 'server_error', error_description: 'internal error in the sandbox; see its log' });
        return;
      }
      const headers = {};
      if (err.challenge) headers['WWW-Authenticate'] = err.challenge;
      if (err.allow) headers.Allow = err.allow;
      sendJson(res, err.status, { error: err.error, error_description: err.message, ...err.extra }, headers);
    });
    return true;
  }

  routes.close = () => {
    for (const stream of streams) stream.close();
  };
  return routes;
}
