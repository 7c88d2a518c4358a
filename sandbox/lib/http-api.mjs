// What the JSON APIs on this server share: Countersign's approval channel
// (approvals-api.mjs), the device code approver API (device-api.mjs) and the
// demo APIs (apis/). All are resource servers that happen to share the
// process with oidc-provider, served straight from node:http: bearer token
// checks with RFC 6750 answers, JSON bodies, error answers and routing.
import { accessTokenVerifier, explainRejection } from './access-tokens.mjs';
import { APPROVALS_API, APPROVALS_SCOPE } from './resources.mjs';

const MAX_BODY_BYTES = 16 * 1024;

/** An error answer: `{"error", "error_description", ...extra}` with `status`. */
export class HttpError extends Error {
  constructor(status, error, description, { challenge, allow, retryAfter, extra } = {}) {
    super(description);
    Object.assign(this, {
      status, error, challenge, allow, retryAfter, extra,
    });
  }
}

export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

// The OAuth shape of an error body (RFC 6749 section 5.2, RFC 6750 section 3).
const oauthErrorBody = (error, description, extra) => ({ error, error_description: description, ...extra });

/**
 * Answers a failed request: an HttpError as its JSON error object (with
 * WWW-Authenticate, Allow or Retry-After where it has one), anything else as
 * a logged 500. Once a response has started (an event stream) the only
 * honest way to fail is to drop the connection. `errorBody(error,
 * description, extra)` builds the body, for APIs whose errors are not shaped
 * like OAuth's (the OpenFGA stand-in).
 */
export function sendError(res, err, { log, what, errorBody = oauthErrorBody }) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!(err instanceof HttpError)) {
    log(`${what}: ${err.stack ?? err}`);
    sendJson(res, 500, errorBody('server_error', 'internal error in the sandbox; see its log'));
    return;
  }
  const headers = {};
  if (err.challenge) headers['WWW-Authenticate'] = err.challenge;
  if (err.allow) headers.Allow = err.allow;
  if (err.retryAfter !== undefined) headers['Retry-After'] = String(err.retryAfter);
  sendJson(res, err.status, errorBody(err.error, err.message, err.extra), headers);
}

export function requireMethod(req, method) {
  if (req.method !== method) {
    throw new HttpError(405, 'method_not_allowed', `this resource only accepts ${method}`, { allow: method });
  }
}

/** The request body as JSON: application/json, at most 16 KiB. */
export async function readJson(req) {
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

/** `value` if it is a JSON object (not an array, not null), else a 400 invalid_request. */
export function requireObject(value, what = 'the body') {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', `${what} must be a JSON object`);
  }
  return value;
}

/**
 * `{"decision": "approve"|"deny", ...}` -> "approve" | "deny". Members other
 * than `decision` are the caller's business (unknown ones are ignored, so the
 * protocols can grow).
 */
export function decisionOf(body) {
  requireObject(body);
  if (body.decision !== 'approve' && body.decision !== 'deny') {
    throw new HttpError(400, 'invalid_request', 'decision must be "approve" or "deny"');
  }
  return body.decision;
}

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(req) {
  return /^Bearer +([^ ]+) *$/i.exec(req.headers.authorization ?? '')?.[1];
}

const invalidToken = (description) => new HttpError(401, 'invalid_token', description, {
  challenge: `Bearer error="invalid_token", error_description="${description}"`,
});

/**
 * Returns `authenticate(req)` for a resource server: resolves with
 * { accountId, expiresAt (ms), claims } for a JWT access token of this
 * sandbox for `audience` that carries `scope`, or throws the HttpError to
 * answer with (RFC 6750): 401 `unauthorized` without a bearer token (challenge
 * `Bearer`), 401 `invalid_token` for a token that does not verify, 403
 * `insufficient_scope` (challenge with `scope="..."`) for one without the scope.
 *
 * `verify` is an accessTokenVerifier (access-tokens.mjs). `requiredClaims`
 * are claims the API needs besides sub and exp; `checkClaims(claims)` may
 * return why an otherwise valid token is still not one this API accepts
 * (-> invalid_token).
 */
export function bearerAuthenticator({
  verify, audience, scope, requiredClaims = [], checkClaims = () => undefined,
}) {
  return async function authenticate(req) {
    const token = bearerToken(req);
    if (!token) {
      throw new HttpError(401, 'unauthorized', `send Authorization: Bearer with an access token for ${audience}`, { challenge: 'Bearer' });
    }
    let claims;
    try {
      claims = await verify(token, { audience, requiredClaims });
    } catch (err) {
      throw invalidToken(explainRejection(err, { audience }));
    }
    const refusal = checkClaims(claims);
    if (refusal) throw invalidToken(refusal);
    if (!String(claims.scope ?? '').split(' ').includes(scope)) {
      const description = `the access token lacks the ${scope} scope`;
      throw new HttpError(403, 'insufficient_scope', description, {
        challenge: `Bearer error="insufficient_scope", scope="${scope}", error_description="${description}"`,
      });
    }
    return { accountId: claims.sub, expiresAt: claims.exp * 1000, claims };
  };
}

/**
 * `authenticate(req)` of Countersign's own APIs (the approval channel and the
 * device approver API): a token for the approvals resource with the
 * `approvals` scope.
 */
export function approvalsTokenAuthenticator({ issuer, jwks }) {
  return bearerAuthenticator({
    verify: accessTokenVerifier({ issuer, jwks }), audience: APPROVALS_API, scope: APPROVALS_SCOPE,
  });
}

/**
 * Finds the route for a request in `routes` = [{ method, path: RegExp,
 * handler }]: { handler, params } with the path's capture groups (decoded),
 * undefined when no path matches, and a 405 (with Allow) when a path matches
 * but not with this method.
 */
export function matchRoute(routes, method, pathname) {
  const matching = routes.map((route) => [route, route.path.exec(pathname)]).filter(([, match]) => match);
  if (!matching.length) return undefined;
  const hit = matching.find(([route]) => route.method === method);
  if (!hit) {
    const allow = [...new Set(matching.map(([route]) => route.method))].join(', ');
    throw new HttpError(405, 'method_not_allowed', `this resource only accepts ${allow}`, { allow });
  }
  const [route, match] = hit;
  return { handler: route.handler, params: match.slice(1).map(decodeSegment) };
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed percent-encoding: matches nothing, answered as unknown
  }
}
