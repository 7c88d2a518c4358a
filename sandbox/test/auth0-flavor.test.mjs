// --flavor auth0: Auth0's paths and discovery, the issuer with a trailing
// slash, `audience` wherever `resource` is accepted (authorization, code
// exchange, refresh, device, CIBA) -> JWT access tokens for that API, CIBA as
// Auth0 documents it (iss_sub login_hint, binding_message, requested_expiry
// 1-259200, client_secret_post, interval, {error, error_description}), and
// the Token Vault grant at /oauth/token.
import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';

import * as jose from 'jose';

import {
  ACCESS_TOKEN_TYPE, AGENT, apiRequest, approvalFor, approvalsToken, approvedCibaTokens, approvedDeviceTokens, AUTH0_PATHS,
  authorize, CALENDAR_API, cibaAuthorize, DATA_API, decide, desktopTokens, deviceAuthorize, DEVICE_CLIENT_ID, DOCS_API,
  endpoint, exchangeCode, FEDERATED_GRANT, FEDERATED_TOKEN_TYPE, makeDataDir, PAYMENTS_API, pollToken, PROFILE_API,
  refresh, REFRESH_TOKEN_TYPE, startSandbox, STOCK_API, TRADE, tokenExchange, tokenRequest, userinfo, verifyAccessToken,
  verifyIdToken,
} from '../test-support/harness.mjs';

const start = async (t, args = []) => startSandbox(t, { data: await makeDataDir(t), flavor: 'auth0', args });

// Auth0's login_hint for a user of the sandbox with this issuer.
const issSub = (iss, sub = 'alice') => JSON.stringify({ format: 'iss_sub', iss, sub });

// Auth0's error shape: exactly these two members.
function assertAuth0Error(res, status, error, label = error) {
  assert.equal(res.status, status, `${label}: ${JSON.stringify(res.body)}`);
  assert.deepEqual(Object.keys(res.body).sort(), ['error', 'error_description'], label);
  assert.equal(res.body.error, error, `${label}: ${JSON.stringify(res.body)}`);
  assert.ok(res.body.error_description, label);
}

describe('--flavor auth0', { concurrency: 3 }, () => {
  test('discovery: Auth0\'s paths, issuer https://HOST/ style, no approval channel, the demo services kept', async (t) => {
    const { issuer, origin } = await start(t);
    assert.match(issuer, /^http:\/\/127\.0\.0\.1:\d+\/$/, 'the issuer ends in a slash, as Auth0\'s does');
    assert.equal(issuer, `${origin}/`);

    const res = await fetch(new URL('.well-known/openid-configuration', issuer));
    assert.equal(res.status, 200);
    const d = await res.json();
    assert.equal(d.issuer, issuer);
    const endpoints = {
      authorization_endpoint: '/authorize',
      token_endpoint: '/oauth/token',
      userinfo_endpoint: '/userinfo',
      jwks_uri: '/.well-known/jwks.json',
      revocation_endpoint: '/oauth/revoke',
      end_session_endpoint: '/oidc/logout',
      pushed_authorization_request_endpoint: '/oauth/par',
      backchannel_authentication_endpoint: '/bc-authorize',
      device_authorization_endpoint: '/oauth/device/code',
    };
    for (const [key, p] of Object.entries(endpoints)) assert.equal(d[key], `${origin}${p}`, key);
    for (const [name, p] of Object.entries(AUTH0_PATHS)) assert.equal(endpoint(issuer, name), `${origin}${p}`, name);
    assert.equal(d.introspection_endpoint, undefined, 'Auth0 has no introspection');
    assert.equal(d.registration_endpoint, undefined);

    for (const key of ['countersign_approvals_endpoint', 'countersign_approvals_resource', 'countersign_device_endpoint']) {
      assert.equal(d[key], undefined, `${key}: Auth0 has no approval channel`);
    }
    assert.equal(d.countersign_demo_apis_url, `${origin}/api`);
    assert.equal(d.countersign_fga_api_url, origin);
    assert.equal(d.countersign_fga_store_id, '01JSANDBXFGASTRE0000000000');
    assert.equal(d.countersign_connect_endpoint, `${origin}/connect`);
    for (const grant of [
      'authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code', 'urn:openid:params:grant-type:ciba',
      FEDERATED_GRANT,
    ]) assert.ok(d.grant_types_supported.includes(grant), grant);
    for (const method of ['client_secret_basic', 'client_secret_post', 'none']) {
      assert.ok(d.token_endpoint_auth_methods_supported.includes(method), method);
    }

    const { keys } = await (await fetch(`${origin}/.well-known/jwks.json`)).json();
    assert.deepEqual(keys.map((k) => k.alg).sort(), ['ES256', 'RS256']);

    // The default flavour's paths are gone.
    for (const p of ['/auth', '/token', '/me', '/jwks', '/token/revocation', '/token/introspection', '/session/end', '/backchannel',
      '/device_authorization', '/request']) {
      const r = await fetch(`${origin}${p}`, { method: p === '/auth' || p === '/jwks' || p === '/me' || p === '/session/end' ? 'GET' : 'POST' });
      assert.equal(r.status, 404, p);
    }
    // The approval channel and the device approver API are served, not
    // advertised (the Guardian stand-in); --no-approval-channel drops them.
    assert.equal((await apiRequest(issuer, 'x')).status, 401);
    assert.equal((await apiRequest(issuer, 'x', { path: '/device/BCDFGHJK' })).status, 401);
  });

  test('--no-approval-channel drops the unadvertised channel; sandbox.json names the flavour', async (t) => {
    const { issuer, origin } = await start(t, ['--no-approval-channel']);
    for (const p of ['/approvals', '/device/BCDFGHJK']) {
      assert.equal((await fetch(`${origin}${p}`, { headers: { authorization: 'Bearer x' } })).status, 404, p);
    }
    const d = await (await fetch(new URL('.well-known/openid-configuration', issuer))).json();
    assert.equal(d.countersign_connect_endpoint, `${origin}/connect`);
  });

  test('audience at /authorize: the code exchange and every refresh return a JWT for that API (as at Auth0)', async (t) => {
    const { issuer } = await start(t);
    const flow = await authorize(issuer, { scope: 'openid profile email offline_access docs:read', extra: { audience: DOCS_API } });
    assert.equal(flow.redirect.searchParams.get('iss'), issuer);
    const code = await exchangeCode(issuer, flow);
    assert.equal(code.status, 200, JSON.stringify(code.body));
    const { payload, protectedHeader } = await verifyAccessToken(issuer, code.body.access_token, DOCS_API);
    assert.equal(protectedHeader.typ, 'at+jwt');
    assert.equal(payload.iss, issuer);
    assert.equal(payload.aud, DOCS_API);
    assert.equal(payload.scope, 'docs:read');
    assert.equal(payload.sub, 'alice');
    const idToken = await verifyIdToken(issuer, code.body.id_token);
    assert.equal(idToken.payload.iss, issuer, 'ID token iss ends in a slash too');
    assert.ok(code.body.refresh_token);

    // Refresh without audience: still that API (Auth0 keeps the audience).
    const again = await refresh(issuer, code.body.refresh_token);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal((await verifyAccessToken(issuer, again.body.access_token, DOCS_API)).payload.aud, DOCS_API);
    // Refresh naming it with audience (Auth0's multi-resource refresh).
    const named = await refresh(issuer, again.body.refresh_token, { audience: DOCS_API });
    assert.equal(named.status, 200, JSON.stringify(named.body));
    assert.equal((await verifyAccessToken(issuer, named.body.access_token, DOCS_API)).payload.aud, DOCS_API);
    // An API the grant does not include: refused before the refresh token is spent, so the
    // same token still works afterwards (spending it would make that look like reuse and
    // revoke the whole grant).
    assertAuth0Error(await refresh(issuer, named.body.refresh_token, { audience: PROFILE_API }), 400, 'invalid_target');
    const still = await refresh(issuer, named.body.refresh_token);
    assert.equal(still.status, 200, JSON.stringify(still.body));
    assert.equal((await verifyAccessToken(issuer, still.body.access_token, DOCS_API)).payload.aud, DOCS_API);
  });

  test('audience at the token endpoint; audience and resource must agree; no audience: an opaque userinfo token', async (t) => {
    const { issuer } = await start(t);
    const flow = await authorize(issuer, { scope: 'openid profile offline_access profile:read', extra: { audience: PROFILE_API } });
    const code = await exchangeCode(issuer, flow, { resource: undefined });
    const withAudience = await tokenRequest(issuer, {
      grant_type: 'refresh_token', refresh_token: code.body.refresh_token, audience: PROFILE_API, resource: PROFILE_API,
    });
    assert.equal(withAudience.status, 200, 'the same API under both names is fine');
    assert.equal((await verifyAccessToken(issuer, withAudience.body.access_token, PROFILE_API)).payload.aud, PROFILE_API);
    const disagree = await tokenRequest(issuer, {
      grant_type: 'refresh_token', refresh_token: withAudience.body.refresh_token, audience: PROFILE_API, resource: DOCS_API,
    });
    assertAuth0Error(disagree, 400, 'invalid_request');

    // Audience on the code exchange itself.
    const flow2 = await authorize(issuer, { scope: 'openid profile:read', extra: { audience: PROFILE_API } });
    const code2 = await tokenRequest(issuer, {
      grant_type: 'authorization_code',
      code: flow2.redirect.searchParams.get('code'),
      redirect_uri: 'http://127.0.0.1:49999/callback',
      code_verifier: flow2.pkce.verifier,
      audience: PROFILE_API,
    });
    assert.equal(code2.status, 200, JSON.stringify(code2.body));
    assert.equal((await verifyAccessToken(issuer, code2.body.access_token, PROFILE_API)).payload.aud, PROFILE_API);

    // Without audience (or resource): an opaque token for /userinfo, as at Auth0.
    const plain = await desktopTokens(issuer, 'alice');
    assert.doesNotMatch(plain.accessToken, /\./, 'opaque');
    const me = await userinfo(issuer, plain.accessToken);
    assert.equal(me.status, 200);
    assert.equal(me.body.sub, 'alice');
    // Revocation at /oauth/revoke ends the grant.
    const revoked = await fetch(endpoint(issuer, 'revocation'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'countersign-desktop', token: plain.refreshToken }),
    });
    assert.equal(revoked.status, 200);
    assert.equal((await userinfo(issuer, plain.accessToken)).status, 401);
    assert.equal((await refresh(issuer, plain.refreshToken)).body.error, 'invalid_grant');
  });

  test('device flow at /oauth/device/code: audience -> JWT for that API; codes live 900 s; interval 5', async (t) => {
    const { issuer, origin } = await start(t);
    const { status, body } = await deviceAuthorize(issuer, { scope: 'openid profile offline_access data:read', audience: DATA_API });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.verification_uri, `${origin}/activate`);
    assert.equal(body.verification_uri_complete, `${origin}/activate?user_code=${body.user_code}`);
    assert.equal(body.expires_in, 900);
    assert.equal(body.interval, 5);

    const tokens = await approvedDeviceTokens(issuer, { scope: 'openid profile offline_access data:read', audience: DATA_API });
    const { payload } = await verifyAccessToken(issuer, tokens.access_token, DATA_API);
    assert.equal(payload.aud, DATA_API);
    assert.equal(payload.scope, 'data:read');
    assert.equal(payload.client_id, DEVICE_CLIENT_ID);
    assert.equal(payload.iss, issuer);
    // The device's refresh keeps the audience.
    const refreshed = await refresh(issuer, tokens.refresh_token, { client_id: DEVICE_CLIENT_ID });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal((await verifyAccessToken(issuer, refreshed.body.access_token, DATA_API)).payload.aud, DATA_API);

    const mismatch = await deviceAuthorize(issuer, { scope: 'openid data:read', audience: STOCK_API });
    assertAuth0Error(mismatch, 400, 'invalid_target');
  });

  test('CIBA: iss_sub login_hint, audience, client_secret_post -> a JWT for the API with the details', async (t) => {
    const { issuer } = await start(t);
    const request = await cibaAuthorize(issuer, {
      login_hint: issSub(issuer), scope: 'openid stock:trade', audience: STOCK_API, binding_message: 'Buy 10 ACME',
    }, { auth: 'post' });
    assert.equal(request.status, 200, JSON.stringify(request.body));
    assert.deepEqual(Object.keys(request.body).sort(), ['auth_req_id', 'expires_in', 'interval']);
    assert.equal(request.body.expires_in, 300);
    assert.equal(request.body.interval, 5, 'interval is always present');

    const pending = await pollToken(issuer, request.body.auth_req_id, { auth: 'post' });
    assertAuth0Error(pending, 400, 'slow_down', 'polled at once');

    const { accessToken } = await approvalsToken(issuer, 'alice');
    const approval = await approvalFor(issuer, accessToken, 'Buy 10 ACME');
    assert.equal((await decide(issuer, accessToken, approval.id, 'approve')).status, 200);
    const tokens = await pollToken(issuer, request.body.auth_req_id, { auth: 'post' });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const { payload } = await verifyAccessToken(issuer, tokens.body.access_token, STOCK_API);
    assert.equal(payload.aud, STOCK_API);
    assert.equal(payload.scope, 'stock:trade');
    assert.deepEqual(payload.authorization_details, [TRADE]);
    assert.equal(payload.client_id, AGENT.id);
    assert.equal(payload.iss, issuer);

    // client_secret_basic works too.
    const basic = await approvedCibaTokens(issuer, {
      login_hint: issSub(issuer), scope: 'openid payments:initiate', audience: PAYMENTS_API, authorization_details: undefined,
    });
    assert.equal((await verifyAccessToken(issuer, basic.access_token, PAYMENTS_API)).payload.aud, PAYMENTS_API);

    const wrongSecret = await cibaAuthorize(issuer, { login_hint: issSub(issuer) }, { auth: 'post', client: { ...AGENT, secret: 'nope' } });
    assertAuth0Error(wrongSecret, 401, 'invalid_client');
    const disagree = await cibaAuthorize(issuer, { login_hint: issSub(issuer), audience: STOCK_API, resource: PAYMENTS_API });
    assertAuth0Error(disagree, 400, 'invalid_request');
  });

  test('CIBA login_hint: only iss_sub with this issuer; plain, email, other or slash-less issuers refused', async (t) => {
    const { issuer, origin } = await start(t);
    const ok = await cibaAuthorize(issuer, { login_hint: issSub(issuer, 'bob'), binding_message: 'for bob' }, { auth: 'post' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));

    const refused = [
      ['alice', 'invalid_request'],
      ['alice@example.com', 'invalid_request'],
      ['{not json', 'invalid_request'],
      [JSON.stringify({ format: 'email', email: 'alice@example.com' }), 'invalid_request'],
      [JSON.stringify({ format: 'iss_sub', iss: issuer }), 'invalid_request'],
      [issSub(origin), 'invalid_request'], // no trailing slash: not this issuer
      [issSub('https://elsewhere.example/'), 'invalid_request'],
      [issSub(issuer.replace('http:', 'https:')), 'invalid_request'],
      [issSub(issuer, 'mallory'), 'unknown_user_id'],
    ];
    for (const [hint, error] of refused) {
      assertAuth0Error(await cibaAuthorize(issuer, { login_hint: hint }, { auth: 'post' }), 400, error, hint);
    }
  });

  test('CIBA: requested_expiry 1-259200, binding_message required (at most 64), openid required', async (t) => {
    const { issuer } = await start(t);
    const hint = issSub(issuer);
    for (const expiry of ['1', '259200']) {
      const res = await cibaAuthorize(issuer, { login_hint: hint, requested_expiry: expiry, binding_message: `expiry ${expiry}` });
      assert.equal(res.status, 200, `${expiry}: ${JSON.stringify(res.body)}`);
      // Counted down from the request's creation: a busy machine may answer a second later.
      assert.ok([Number(expiry), Number(expiry) - 1].includes(res.body.expires_in), `${expiry}: expires_in ${res.body.expires_in}`);
      assert.equal(res.body.interval, 5);
    }
    for (const expiry of ['0', '259201', '-5', '1.5', 'soon']) {
      assertAuth0Error(await cibaAuthorize(issuer, { login_hint: hint, requested_expiry: expiry }), 400, 'invalid_request', expiry);
    }

    assert.equal((await cibaAuthorize(issuer, { login_hint: hint, binding_message: 'x'.repeat(64) })).status, 200);
    for (const bindingMessage of [undefined, 'x'.repeat(65), 'no <html>']) {
      assertAuth0Error(await cibaAuthorize(issuer, { login_hint: hint, binding_message: bindingMessage }), 400,
        'invalid_binding_message', String(bindingMessage));
    }
    assertAuth0Error(await cibaAuthorize(issuer, { login_hint: hint, scope: 'stock:trade' }), 400, 'invalid_request', 'no openid');
  });

  test('Token Vault grant at /oauth/token: refresh or access token -> the connection\'s token', async (t) => {
    const { issuer } = await start(t);
    const alice = await desktopTokens(issuer, 'alice');
    const exchanged = await tokenExchange(issuer, {
      grant_type: FEDERATED_GRANT,
      subject_token: alice.refreshToken,
      subject_token_type: REFRESH_TOKEN_TYPE,
      requested_token_type: FEDERATED_TOKEN_TYPE,
    });
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    assert.equal(exchanged.body.issued_token_type, FEDERATED_TOKEN_TYPE);
    const { payload } = await verifyAccessToken(issuer, exchanged.body.access_token, CALENDAR_API);
    assert.equal(payload.iss, issuer);
    assert.equal(payload.connection, 'google-oauth2');
    const busy = await apiRequest(issuer, exchanged.body.access_token, { path: '/api/calendar/freebusy?date=2025-06-02' });
    assert.equal(busy.status, 200, JSON.stringify(busy.body));

    // demo-agent, client_secret_post, its own CIBA access token as the subject.
    const ciba = await approvedCibaTokens(issuer, { login_hint: issSub(issuer), audience: STOCK_API });
    const agent = await tokenExchange(issuer, {
      grant_type: FEDERATED_GRANT, subject_token: ciba.access_token, subject_token_type: ACCESS_TOKEN_TYPE,
    }, { client: AGENT, auth: 'post' });
    assert.equal(agent.status, 200, JSON.stringify(agent.body));
    assert.equal(jose.decodeJwt(agent.body.access_token).client_id, AGENT.id);

    const bob = await desktopTokens(issuer, 'bob');
    const notConnected = await tokenExchange(issuer, {
      grant_type: FEDERATED_GRANT, subject_token: bob.refreshToken, subject_token_type: REFRESH_TOKEN_TYPE,
    });
    assert.equal(notConnected.status, 401);
    assert.deepEqual(notConnected.body, {
      error: 'federated_connection_refresh_token_not_found',
      error_description: 'Federated connection Refresh Token not found.',
    });
  });

  test('logout at /oidc/logout', async (t) => {
    const { issuer, origin } = await start(t);
    const { tokens, jar } = await desktopTokens(issuer, 'alice');
    const url = new URL(endpoint(issuer, 'end_session'));
    url.searchParams.set('id_token_hint', tokens.id_token);
    url.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:49999/logged-out');
    const cookie = jar.header(url.href);
    const res = await fetch(url, { headers: { cookie } });
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, new RegExp(`action="${origin}/oidc/logout/confirm"`));
  });
});
