// JWT access tokens for the sandbox's own APIs (resource indicators).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as jose from 'jose';

import {
  authorizationUrl, authorize, browserFetch, CLIENT_ID, CookieJar, exchangeCode, makeTempDir, pkcePair,
  PROFILE_API, REDIRECT_URI, refresh, startSandbox, userinfo,
} from '../test-support/harness.mjs';

const SCOPE = 'openid profile email offline_access profile:read';

test('resource=profile API yields an ES256 at+jwt that verifies against the JWKS', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const flow = await authorize(issuer, { scope: SCOPE, resource: PROFILE_API });
  assert.match(flow.pages.consent.text, /api\.sandbox\.countersign\.dev\/profile<\/code>: <code>profile:read<\/code>/);

  const { status, body } = await exchangeCode(issuer, flow, { resource: PROFILE_API });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.scope, 'profile:read');
  assert.ok(body.refresh_token);

  const jwks = jose.createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const { payload, protectedHeader } = await jose.jwtVerify(body.access_token, jwks, {
    issuer, audience: PROFILE_API, typ: 'at+jwt', algorithms: ['ES256'],
  });
  assert.equal(protectedHeader.typ, 'at+jwt');
  assert.equal(protectedHeader.alg, 'ES256');
  assert.equal(payload.sub, 'alice');
  assert.equal(payload.client_id, CLIENT_ID);
  assert.equal(payload.scope, 'profile:read');
  assert.equal(payload.exp - payload.iat, 600);

  // A JWT for an API is not a userinfo token.
  assert.equal((await userinfo(issuer, body.access_token)).status, 401);

  // Refresh without resource -> opaque token for userinfo; with resource -> JWT again.
  const plain = await refresh(issuer, body.refresh_token);
  assert.equal(plain.status, 200);
  assert.equal(plain.body.access_token.split('.').length, 1, 'opaque');
  assert.equal((await userinfo(issuer, plain.body.access_token)).status, 200);

  const api = await refresh(issuer, plain.body.refresh_token, { resource: PROFILE_API });
  assert.equal(api.status, 200);
  const verified = await jose.jwtVerify(api.body.access_token, jwks, { issuer, audience: PROFILE_API, typ: 'at+jwt' });
  assert.equal(verified.protectedHeader.alg, 'ES256');

  // Unknown resources are refused.
  const unknown = await refresh(issuer, api.body.refresh_token, { resource: 'https://api.sandbox.countersign.dev/unknown' });
  assert.equal(unknown.body.error, 'invalid_target');
});

test('without a resource the access token works at userinfo', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  // The resource is granted at authorization but not asked for at the token endpoint.
  const flow = await authorize(issuer, { scope: SCOPE, resource: PROFILE_API });
  const { body } = await exchangeCode(issuer, flow);
  assert.equal(body.access_token.split('.').length, 1);
  assert.equal((await userinfo(issuer, body.access_token)).body.sub, 'alice');
});

test('an unknown resource is refused at the authorization endpoint', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const url = authorizationUrl(issuer, { resource: 'https://elsewhere.example/api', challenge: pkcePair().challenge });
  const res = await browserFetch(new CookieJar(), url);
  assert.equal(res.status, 303);
  const redirect = new URL(res.location);
  assert.equal(`${redirect.origin}${redirect.pathname}`, REDIRECT_URI);
  assert.equal(redirect.searchParams.get('error'), 'invalid_target');
});
