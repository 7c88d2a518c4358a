// Offline checks of the sandbox's own JWT access tokens (RFC 9068: ES256,
// `typ: at+jwt`), verified against exactly the public keys that /jwks
// publishes. Shared by every resource server in this process (http-api.mjs)
// and by the token exchange, which accepts such a token as its subject token
// (token-exchange.mjs).
import * as jose from 'jose';

// Public halves of the signing keys: tokens are checked against exactly what
// /jwks publishes.
const PUBLIC_MEMBERS = ['kty', 'kid', 'alg', 'use', 'crv', 'x', 'y', 'n', 'e'];

export function publicJwks(jwks) {
  return { keys: jwks.keys.map((key) => Object.fromEntries(PUBLIC_MEMBERS.filter((m) => key[m] !== undefined).map((m) => [m, key[m]]))) };
}

/** Whether `value` has the shape of a JWS in compact form (opaque tokens have no dots). */
export function looksLikeJwt(value) {
  return typeof value === 'string' && value.split('.').length === 3;
}

/**
 * Returns `verify(token, { audience })`: resolves with the payload of a valid
 * JWT access token issued by `issuer` for `audience` (a string, or an array
 * meaning any of them), with `sub`, `exp` and the `requiredClaims`; rejects
 * with jose's error otherwise (see explainRejection).
 */
export function accessTokenVerifier({ issuer, jwks }) {
  const keys = jose.createLocalJWKSet(publicJwks(jwks));
  return async function verify(token, { audience, requiredClaims = [] }) {
    const { payload } = await jose.jwtVerify(token, keys, {
      issuer, audience, typ: 'at+jwt', algorithms: ['ES256'], requiredClaims: ['sub', 'exp', ...requiredClaims],
    });
    return payload;
  };
}

/**
 * Why `verify` refused a token, in words for error_description: `noun` names
 * the token ("the access token", "subject_token"), `anyToken` names it where
 * it may not even be one ("the token"), `audience` is what it should have
 * been for. RFC 6750 allows no '"' or '\' in a description; none of these
 * contain one (resource indicators are plain URLs).
 */
export function explainRejection(err, { noun = 'the access token', anyToken = 'the token', audience }) {
  if (err.code === 'ERR_JWT_EXPIRED') return `${noun} has expired`;
  if (err.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (err.claim === 'aud') return `${noun} is not for ${audience}`;
    if (err.claim === 'iss') return `${noun} was not issued by this server`;
    if (err.claim === 'typ') return `${anyToken} is not a JWT access token (typ at+jwt)`;
    return `${noun} has an invalid ${err.claim} claim`;
  }
  if (err.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || err.code === 'ERR_JWKS_NO_MATCHING_KEY') {
    return `${noun} signature does not verify`;
  }
  return `${anyToken} is not a JWT access token for ${audience}`;
}
