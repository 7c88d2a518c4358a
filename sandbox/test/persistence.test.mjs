// State under --data survives a restart; --access-token-ttl works.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';

import * as jose from 'jose';

import {
  authorize, CLIENT_ID, exchangeCode, makeTempDir, refresh, startSandbox, userinfo,
} from '../test-support/harness.mjs';

const jwksOf = async (issuer) => (await fetch(`${issuer}/jwks`)).json();

test('restart with the same --data keeps keys, sessions and refresh tokens', async (t) => {
  const data = await makeTempDir(t);
  const first = await startSandbox(t, { data });
  const flow = await authorize(first.issuer);
  const { body: tokens } = await exchangeCode(first.issuer, flow);
  assert.ok(tokens.refresh_token);
  const keysBefore = await jwksOf(first.issuer);
  assert.equal((await first.stop()).code, 0);

  // Keys and records are on disk, private key files not world-readable.
  const keyFiles = (await readdir(path.join(data, 'keys'))).sort();
  assert.deepEqual(keyFiles, ['cookies.json', 'es256.jwk.json', 'rs256.jwk.json']);
  const rsa = JSON.parse(await readFile(path.join(data, 'keys', 'rs256.jwk.json'), 'utf8'));
  assert.equal(rsa.alg, 'RS256');
  assert.ok(rsa.d);
  const { mode } = await stat(path.join(data, 'keys', 'rs256.jwk.json'));
  assert.equal(mode & 0o077, 0);
  assert.ok((await readdir(path.join(data, 'store'))).includes('RefreshToken'));

  // Same port -> same issuer, as the app would see it.
  const second = await startSandbox(t, { data, port: first.port });
  assert.equal(second.issuer, first.issuer);
  assert.deepEqual(await jwksOf(second.issuer), keysBefore);

  // The ID token from before the restart still verifies.
  const jwks = jose.createRemoteJWKSet(new URL(`${second.issuer}/jwks`));
  await jose.jwtVerify(tokens.id_token, jwks, { issuer: second.issuer, audience: CLIENT_ID });

  // The old access token and refresh token still work.
  assert.equal((await userinfo(second.issuer, tokens.access_token)).status, 200);
  const refreshed = await refresh(second.issuer, tokens.refresh_token);
  assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
  assert.ok(refreshed.body.refresh_token);

  // The browser session survived too: no login page this time.
  const again = await authorize(second.issuer, { jar: flow.jar });
  assert.deepEqual(Object.keys(again.pages), ['consent']);
});

test('--access-token-ttl makes access tokens expire; refresh still works', async (t) => {
  // exp is in whole seconds, so a TTL of N s gives between N-1 and N s of
  // validity: 2 s keeps the first userinfo call safe, 3.1 s later it is expired.
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t), args: ['--access-token-ttl', '2'] });
  const flow = await authorize(issuer);
  const { body } = await exchangeCode(issuer, flow);
  assert.equal(body.expires_in, 2);
  assert.equal((await userinfo(issuer, body.access_token)).status, 200);

  await sleep(3100);
  const expired = await userinfo(issuer, body.access_token);
  assert.equal(expired.status, 401);
  assert.match(expired.headers.get('www-authenticate'), /invalid_token/);

  const refreshed = await refresh(issuer, body.refresh_token);
  assert.equal(refreshed.status, 200);
  assert.equal((await userinfo(issuer, refreshed.body.access_token)).status, 200);
});
