// Discovery document and JWKS.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeTempDir, startSandbox } from '../test-support/harness.mjs';

test('discovery advertises the sandbox endpoints and capabilities', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  assert.equal(res.status, 200);
  const d = await res.json();

  assert.equal(d.issuer, issuer);
  const endpoints = {
    authorization_endpoint: '/auth',
    token_endpoint: '/token',
    userinfo_endpoint: '/me',
    jwks_uri: '/jwks',
    revocation_endpoint: '/token/revocation',
    introspection_endpoint: '/token/introspection',
    end_session_endpoint: '/session/end',
    pushed_authorization_request_endpoint: '/request',
    device_authorization_endpoint: '/device_authorization',
  };
  for (const [key, p] of Object.entries(endpoints)) assert.equal(d[key], `${issuer}${p}`, key);
  assert.equal(d.registration_endpoint, undefined, 'no dynamic registration');

  assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
  assert.deepEqual(d.response_types_supported, ['code']);
  assert.deepEqual([...d.grant_types_supported].sort(), [
    'authorization_code', 'refresh_token',
    'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token',
    'urn:ietf:params:oauth:grant-type:device_code', 'urn:ietf:params:oauth:grant-type:token-exchange',
    'urn:openid:params:grant-type:ciba',
  ]);
  assert.equal(d.countersign_fga_api_url, issuer, 'the OpenFGA stand-in lives under the issuer');
  assert.equal(d.countersign_fga_store_id, '01JSANDBXFGASTRE0000000000');
  assert.equal(d.countersign_connect_endpoint, `${issuer}/connect`, 'append /<connection>, e.g. /google-oauth2');
  assert.equal(d.countersign_demo_apis_url, `${issuer}/api`, 'the agent tools\' demo APIs');
  for (const s of ['openid', 'profile', 'email', 'offline_access']) assert.ok(d.scopes_supported.includes(s), s);
  assert.ok(d.id_token_signing_alg_values_supported.includes('RS256'));
  assert.ok(d.token_endpoint_auth_methods_supported.includes('none'));
  assert.equal(d.authorization_response_iss_parameter_supported, true);
});

test('--no-approval-channel: no Countersign endpoints in discovery or on the wire; CIBA and device flow stay', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t), args: ['--no-approval-channel'] });
  const d = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  for (const key of ['countersign_approvals_endpoint', 'countersign_approvals_resource', 'countersign_device_endpoint']) {
    assert.equal(d[key], undefined, key);
  }
  assert.equal(d.countersign_fga_store_id, '01JSANDBXFGASTRE0000000000', 'the OpenFGA stand-in is not part of the channel');
  assert.equal(d.countersign_connect_endpoint, `${issuer}/connect`, 'nor is the Token Vault stand-in');
  assert.equal(d.backchannel_authentication_endpoint, `${issuer}/backchannel`);
  assert.equal(d.device_authorization_endpoint, `${issuer}/device_authorization`);
  for (const path of ['/approvals', '/device/BCDFGHJK']) {
    const res = await fetch(`${issuer}${path}`, { headers: { authorization: 'Bearer x' } });
    assert.equal(res.status, 404, path);
  }
});

test('JWKS publishes the RS256 and ES256 public keys only', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const { keys } = await (await fetch(`${issuer}/jwks`)).json();
  assert.deepEqual(keys.map((k) => [k.kty, k.alg, k.use]).sort(), [['EC', 'ES256', 'sig'], ['RSA', 'RS256', 'sig']]);
  for (const key of keys) {
    assert.ok(key.kid);
    for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(key[priv], undefined, `${key.alg} leaks ${priv}`);
  }
  assert.equal(keys.find((k) => k.kty === 'EC').crv, 'P-256');
});
