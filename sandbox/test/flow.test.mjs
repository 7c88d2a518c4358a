// Authorization code + PKCE flow driven over plain HTTP with a cookie jar,
// plus refresh rotation, revocation, denial and logout.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as jose from 'jose';

import {
  authorize, authorizationUrl, browserFetch, CLIENT_ID, CookieJar, errorText, exchangeCode, follow,
  makeTempDir, obtainTokens, pkcePair, refresh, REDIRECT_URI, startSandbox, userinfo,
} from '../test-support/harness.mjs';

async function revoke(issuer, token, hint) {
  const res = await fetch(`${issuer}/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, token, ...(hint ? { token_type_hint: hint } : {}) }),
  });
  return res.status;
}

test('code + PKCE flow: login errors, consent, tokens, userinfo', async (t) => {
  const sandbox = await startSandbox(t, { data: await makeTempDir(t) });
  const { issuer } = sandbox;
  const flow = await authorize(issuer, { user: 'alice', password: 'alice-demo', wrongPasswordFirst: true });

  // Login page, then the wrong password shows the error and keeps the user name.
  assert.match(flow.pages.login.text, /<form method="post"/);
  assert.match(flow.pages.login.text, /<button type="submit">Sign in<\/button>/);
  assert.equal(flow.pages.wrongPassword.status, 200);
  assert.equal(errorText(flow.pages.wrongPassword.text), 'Wrong user name or password.');
  assert.match(flow.pages.wrongPassword.text, /name="login" type="text" value="alice"/);

  // Consent lists the client and every requested scope, offline_access included.
  const consent = flow.pages.consent.text;
  assert.match(consent, /Countersign Desktop/);
  for (const s of ['openid', 'profile', 'email', 'offline_access']) assert.match(consent, new RegExp(`<code>${s}</code>`));
  assert.match(consent, /<button type="submit" name="decision" value="allow">Allow<\/button>/);
  assert.match(consent, /<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/);

  // Redirect back to the loopback redirect URI with code, state and iss.
  assert.equal(`${flow.redirect.origin}${flow.redirect.pathname}`, REDIRECT_URI);
  assert.ok(flow.redirect.searchParams.get('code'));
  assert.equal(flow.redirect.searchParams.get('iss'), issuer);

  const { status, body } = await exchangeCode(issuer, flow);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.expires_in, 600);
  assert.ok(body.access_token);
  assert.ok(body.refresh_token, 'offline_access without prompt=consent yields a refresh token');
  assert.deepEqual(body.scope.split(' ').sort(), ['email', 'offline_access', 'openid', 'profile']);

  const jwks = jose.createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const { payload, protectedHeader } = await jose.jwtVerify(body.id_token, jwks, { issuer, audience: CLIENT_ID });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.equal(payload.sub, 'alice');
  assert.equal(payload.name, 'Alice Adams');
  assert.equal(payload.email, 'alice@example.com');
  assert.equal(payload.email_verified, true);

  const info = await userinfo(issuer, body.access_token);
  assert.equal(info.status, 200);
  assert.deepEqual(info.body, { sub: 'alice', name: 'Alice Adams', email: 'alice@example.com', email_verified: true });

  // The code is single-use.
  assert.equal((await exchangeCode(issuer, flow)).body.error, 'invalid_grant');

  // Same browser again: the session is remembered, only consent is asked.
  const again = await authorize(issuer, { jar: flow.jar });
  assert.deepEqual(Object.keys(again.pages), ['consent']);

  assert.equal(sandbox.stdout(), `ready issuer=${issuer}\n`, 'nothing but the ready line on stdout');
});

test('bob signs in; unknown users and wrong passwords get the same error', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const tokens = await obtainTokens(issuer, { user: 'bob', password: 'bob-demo' });
  const { body } = await userinfo(issuer, tokens.access_token);
  assert.deepEqual(body, { sub: 'bob', name: 'Bob Brown', email: 'bob@example.com' });

  for (const [login, password] of [['bob', 'alice-demo'], ['mallory', 'x'], ['', '']]) {
    const jar = new CookieJar();
    const page = await follow(jar, issuer, await browserFetch(jar, authorizationUrl(issuer, { challenge: pkcePair().challenge })));
    const res = await browserFetch(jar, page.url, { method: 'POST', form: { login, password } });
    assert.equal(errorText(res.text), 'Wrong user name or password.', `${login}/${password}`);
  }

  // The echoed user name is escaped.
  const jar = new CookieJar();
  const page = await follow(jar, issuer, await browserFetch(jar, authorizationUrl(issuer, { challenge: pkcePair().challenge })));
  const res = await browserFetch(jar, page.url, { method: 'POST', form: { login: '"><script>x</script>', password: 'x' } });
  assert.ok(!res.text.includes('<script>'));
  assert.match(res.text, /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
});

test('refresh tokens rotate; a used one is refused (and reuse revokes the grant)', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const first = await obtainTokens(issuer);

  const second = await refresh(issuer, first.refresh_token);
  assert.equal(second.status, 200, JSON.stringify(second.body));
  assert.ok(second.body.refresh_token);
  assert.notEqual(second.body.refresh_token, first.refresh_token);
  assert.equal((await userinfo(issuer, second.body.access_token)).status, 200);

  const third = await refresh(issuer, second.body.refresh_token);
  assert.equal(third.status, 200);

  const replay = await refresh(issuer, first.refresh_token);
  assert.equal(replay.status, 400);
  assert.equal(replay.body.error, 'invalid_grant');
  // Replaying a rotated token is treated as theft: the whole grant is gone.
  assert.equal((await refresh(issuer, third.body.refresh_token)).body.error, 'invalid_grant');
});

test('revocation: a revoked refresh token is refused', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const tokens = await obtainTokens(issuer);
  assert.equal(await revoke(issuer, tokens.refresh_token, 'refresh_token'), 200);
  const res = await refresh(issuer, tokens.refresh_token);
  assert.equal(res.status, 400);
  assert.equal(res.body.error, 'invalid_grant');
  assert.equal((await userinfo(issuer, tokens.access_token)).status, 401, 'revoking the refresh token revokes the grant');
  // Revoking something unknown is not an error (RFC 7009).
  assert.equal(await revoke(issuer, 'not-a-token'), 200);
});

test('deny ends the flow with access_denied', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const flow = await authorize(issuer, { decision: 'deny', state: 'st-1' });
  assert.equal(flow.redirect.searchParams.get('error'), 'access_denied');
  assert.equal(flow.redirect.searchParams.get('state'), 'st-1');
  assert.equal(flow.redirect.searchParams.get('code'), null);
});

test('PKCE and redirect URI rules', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });

  // Any loopback port works for the registered http://127.0.0.1/callback.
  const otherPort = 'http://127.0.0.1:51234/callback';
  const flow = await authorize(issuer, { redirectUri: otherPort });
  assert.equal(flow.redirect.port, '51234');
  // ... but the token request must name the same URI, and the right verifier.
  assert.equal((await exchangeCode(issuer, flow)).body.error, 'invalid_grant');
  const wrongVerifier = await exchangeCode(issuer, { ...flow, pkce: pkcePair() }, { redirectUri: otherPort });
  assert.equal(wrongVerifier.body.error, 'invalid_grant');

  // PKCE is required.
  const jar = new CookieJar();
  const noPkce = new URL(authorizationUrl(issuer, {}));
  const res = await browserFetch(jar, noPkce.href);
  assert.equal(res.status, 303);
  assert.equal(new URL(res.location).searchParams.get('error'), 'invalid_request');

  // Other hosts or paths are not redirected to at all.
  for (const bad of ['http://evil.example/callback', 'http://127.0.0.1:5000/other']) {
    const page = await browserFetch(new CookieJar(), authorizationUrl(issuer, { redirectUri: bad, challenge: pkcePair().challenge }));
    assert.equal(page.status, 400, bad);
    assert.match(page.text, /redirect_uri/);
  }
});

test('RP-initiated logout ends the session', async (t) => {
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const flow = await authorize(issuer);
  const { body } = await exchangeCode(issuer, flow);

  const logoutUrl = new URL(`${issuer}/session/end`);
  logoutUrl.searchParams.set('id_token_hint', body.id_token);
  logoutUrl.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:50001/logged-out');
  logoutUrl.searchParams.set('state', 'bye');
  const confirm = await browserFetch(flow.jar, logoutUrl.href);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /Sign out\?/);
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)?.[1];
  const action = /<form[^>]*action="([^"]+)"/.exec(confirm.text)?.[1];
  assert.ok(xsrf && action, confirm.text);

  const done = await browserFetch(flow.jar, new URL(action, issuer).href, { method: 'POST', form: { xsrf, logout: 'yes' } });
  const final = await follow(flow.jar, issuer, done);
  assert.equal(final.redirectTo, 'http://127.0.0.1:50001/logged-out?state=bye');

  // The browser is signed out: the next authorization asks for the password again.
  const again = await authorize(issuer, { jar: flow.jar });
  assert.ok(again.pages.login);
});
