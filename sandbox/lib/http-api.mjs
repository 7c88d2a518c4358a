// What Countersign's JSON APIs on this server share: the approval channel
// (approvals-api.mjs) and the device code approver API (device-api.mjs).
// Both are resource servers that happen to share the process with
// oidc-provider, served straight from node:http, and both accept exactly one
// kind of credential: `Authorization: Bearer <JWT access token>` issued by
// this sandbox for the approvals resource with the `approvals` scope.
import * as jose from 'jose';

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

/**
 * Answers a failed request: an HttpError as its JSON error object (with
 * WWW-Authenticate, Allow or Retry-After where it has one), anything else as
 * a logged 500. Once a response has started (an event stream) the only
 * honest way to fail is to drop the connection.
 */
export function sendError(res, err, { log, what }) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!(err instanceof HttpError)) {
    log(`${what}: ${err.stack ?? err}`);
    sendJson(res, 500, { error: 'server_error', error_description: 'internal error in the sandbox; see its log' });
    return;
  }
  const headers = {};
  if (err.challenge) headers['WWW-Authenticate'] = err.challenge;
  if (err.allow) headers.Allow = err.allow;
  if (err.retryAfter !== undefined) headers['Retry-After'] = String(err.retryAfter);
  sendJson(res, err.status, { error: err.error, error_description: err.message, ...err.extra }, headers);
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

/**
 * `{"decision": "approve"|"deny", ...}` -> "approve" | "deny". Members other
 * than `decision` are the caller's business (unknown ones are ignored, so the
 * protocols can grow).
 */
export function decisionOf(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_request', 'the body must be a JSON object');
  }
  if (body.decision !== 'approve' && body.decision !== 'deny') {
    throw new HttpError(400, 'invalid_request', 'decision must be "approve" or "deny"');
  }
  return body.decision;
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

/**
 * Returns `authenticate(req)`: resolves with { accountId, expiresAt (ms) } for
 * a valid approvals token, or throws the HttpError to answer with (401
 * unauthorized / invalid_token, 403 insufficient_scope, RFC 6750 challenges).
 * The token is verified offline against the signing keys.
 */
export function approvalsTokenAuthenticator({ issuer, jwks }) {
  const keys = jose.createLocalJWKSet(publicJwks(jwks));
  return async function authenticate(req) {
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
  };
}
