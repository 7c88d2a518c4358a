// The device authorization grant (RFC 8628) and the approver API
// (/device/{user_code}, docs/approval-channel.md "Device codes"): codes,
// lookups, decisions, what the device's poll then gets, slow_down, expiry,
// the rate limit, token checks, the /activate pages and restarts.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it as test } from 'node:test';

import {
  activateDevice, APPROVALS_API, approvalsRequest, approvalsToken, browserFetch, CookieJar, DATA_API, deviceAuthorize,
  deviceDecide, deviceLookup, errorText, hiddenFields, listApprovals, makeDataDir, mintApprovalsToken, PAYMENT,
  PAYMENTS_API, pollDeviceToken, PROFILE_API, startSandbox, STOCK_API, tokenRequest, TRADE, USER_CODE, userinfo,
  verifyAccessToken, verifyIdToken,
} from '../test-support/harness.mjs';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DEVICE_MEMBERS = [
  'user_code', 'client_id', 'client_name', 'scope', 'resource', 'authorization_details', 'created_at', 'expires_at', 'status',
];

// The code as a person might type it: lower case, a space for the dash.
const typed = (userCode) => userCode.toLowerCase().replace('-', ' ');

async function start(t, args = []) {
  const sandbox = await startSandbox(t, { data: await makeDataDir(t), args });
  const { accessToken } = await approvalsToken(sandbox.issuer, 'alice');
  return { ...sandbox, alice: accessToken };
}

// Each test owns its sandbox; a few run at once so their waits overlap.
describe('device flow and the approver API', { concurrency: 3 }, () => {
  test('discovery advertises the device authorization endpoint, the grant and the approver API', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const d = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    assert.equal(d.device_authorization_endpoint, `${issuer}/device_authorization`);
    assert.ok(d.grant_types_supported.includes('urn:ietf:params:oauth:grant-type:device_code'));
    assert.equal(d.countersign_device_endpoint, `${issuer}/device`);
    assert.equal(d.countersign_approvals_endpoint, `${issuer}/approvals`);
  });

  test('device authorization: both paths, XXXX-XXXX codes for 600 s, interval 5 (or --device-interval)', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const codes = new Set();
    for (const path of ['/device_authorization', '/oauth/device/code']) {
      const { status, body, headers } = await deviceAuthorize(issuer, {}, { path });
      assert.equal(status, 200, `${path}: ${JSON.stringify(body)}`);
      assert.equal(headers.get('cache-control'), 'no-store');
      assert.match(body.user_code, USER_CODE);
      assert.match(body.device_code, /^[A-Za-z0-9_-]{40,}$/);
      assert.equal(body.verification_uri, `${issuer}/activate`);
      assert.equal(body.verification_uri_complete, `${issuer}/activate?user_code=${body.user_code}`);
      assert.equal(body.expires_in, 600);
      assert.equal(body.interval, 5);
      codes.add(body.user_code);
    }
    assert.equal(codes.size, 2);

    const unknownClient = await deviceAuthorize(issuer, {}, { clientId: 'no-such-client', path: '/oauth/device/code' });
    assert.equal(unknownClient.body.error, 'invalid_client');
    const cibaOnly = await deviceAuthorize(issuer, { scope: 'openid' }, { clientId: 'demo-agent' });
    assert.equal(cibaOnly.status, 401, 'the agents are confidential CIBA clients');

    const other = await startSandbox(t, { data: await makeDataDir(t), args: ['--device-interval', '7'] });
    assert.equal((await deviceAuthorize(other.issuer)).body.interval, 7);
  });

  test('one request targets one API: default resource from scope or details, invalid_target otherwise', async (t) => {
    const { issuer, alice } = await start(t);
    const lookupOf = async (params) => {
      const { status, body } = await deviceAuthorize(issuer, params);
      assert.equal(status, 200, JSON.stringify(body));
      return (await deviceLookup(issuer, alice, body.user_code)).body;
    };
    assert.equal((await lookupOf({ scope: 'openid data:read' })).resource, DATA_API);
    assert.equal((await lookupOf({ scope: 'openid', authorization_details: [TRADE] })).resource, STOCK_API);
    assert.equal((await lookupOf({ scope: 'openid profile offline_access' })).resource, null, 'no API: none');

    const both = await deviceAuthorize(issuer, { scope: 'openid stock:trade payments:initiate' });
    assert.equal(both.body.error, 'invalid_target');
    assert.match(both.body.error_description, /one API/);
    const elsewhere = await deviceAuthorize(issuer, { scope: 'openid data:read', authorization_details: [TRADE], resource: DATA_API });
    assert.equal(elsewhere.body.error, 'invalid_authorization_details');
    const notTheirs = await deviceAuthorize(issuer, { scope: 'openid approvals', resource: APPROVALS_API });
    assert.equal(notTheirs.body.error, 'invalid_target', 'the approvals API is for the desktop app only');
    const badDetail = await deviceAuthorize(issuer, { scope: 'openid stock:trade', authorization_details: [{ ...TRADE, qty: 0 }] });
    assert.equal(badDetail.body.error, 'invalid_authorization_details');
  });

  test('lookup: any spelling of the code shows client, scope, resource and details (normalised)', async (t) => {
    const { issuer, alice } = await start(t);
    const { body: request } = await deviceAuthorize(issuer, {
      scope: 'openid profile offline_access payments:initiate', authorization_details: [PAYMENT],
    });
    const code = request.user_code;
    const expected = {
      user_code: code,
      client_id: 'demo-device',
      client_name: 'Demo Device',
      scope: 'openid profile offline_access payments:initiate',
      resource: PAYMENTS_API,
      authorization_details: [{ ...PAYMENT, creditorAccount: { iban: 'DE89370400440532013000' } }],
      status: 'pending',
    };
    for (const spelling of [code, typed(code), code.replace('-', ''), code.toLowerCase(), ` ${code.replace('-', ' - ')} `]) {
      const { status, body, headers } = await deviceLookup(issuer, alice, spelling);
      assert.equal(status, 200, `${spelling}: ${JSON.stringify(body)}`);
      assert.equal(headers.get('cache-control'), 'no-store');
      assert.deepEqual(Object.keys(body), DEVICE_MEMBERS, 'members in protocol order');
      const { created_at: createdAt, expires_at: expiresAt, ...rest } = body;
      assert.deepEqual(rest, expected, spelling);
      assert.match(createdAt, ISO);
      assert.match(expiresAt, ISO);
      assert.equal(Date.parse(expiresAt) - Date.parse(createdAt), 600_000);
    }
    const raw = await approvalsRequest(issuer, alice, { path: `/device/${typed(code).replace(' ', '%20')}` });
    assert.equal(raw.status, 200, 'percent-encoded space');
  });

  test('approve: the poll gets tokens for the approver, a JWT for the API with the details', async (t) => {
    const { issuer, alice } = await start(t);
    const { body: request } = await deviceAuthorize(issuer, {
      scope: 'openid profile offline_access stock:trade', authorization_details: [TRADE],
    });
    assert.equal((await pollDeviceToken(issuer, request.device_code)).body.error, 'slow_down', 'polled at once');

    const approved = await deviceDecide(issuer, alice, typed(request.user_code), 'approve');
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.deepEqual(Object.keys(approved.body), DEVICE_MEMBERS);
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.user_code, request.user_code);

    // Answered at once, although the interval has not passed.
    const tokens = await pollDeviceToken(issuer, request.device_code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.token_type, 'Bearer');
    assert.equal(tokens.body.scope, 'stock:trade');
    assert.deepEqual(tokens.body.authorization_details, [TRADE]);
    const { payload, protectedHeader } = await verifyAccessToken(issuer, tokens.body.access_token, STOCK_API);
    assert.equal(protectedHeader.typ, 'at+jwt');
    assert.equal(payload.aud, STOCK_API);
    assert.equal(payload.sub, 'alice');
    assert.equal(payload.client_id, 'demo-device');
    assert.equal(payload.scope, 'stock:trade');
    assert.deepEqual(payload.authorization_details, [TRADE]);
    const idToken = (await verifyIdToken(issuer, tokens.body.id_token, 'demo-device')).payload;
    assert.equal(idToken.sub, 'alice');
    assert.equal(idToken.name, 'Alice Adams', 'profile was granted');
    // offline_access was asked for, but an approved trade allows one order:
    // nothing to renew (one-approval.test.mjs).
    assert.equal(tokens.body.refresh_token, undefined);

    assert.equal((await deviceLookup(issuer, alice, request.user_code)).body.status, 'approved', 'also once used');
    // Tokens are handed out once. A second use of the device_code is taken
    // as theft: oidc-provider revokes the grant, and the code is gone with it.
    assert.equal((await pollDeviceToken(issuer, request.device_code)).body.error, 'invalid_grant');
    assert.equal((await deviceLookup(issuer, alice, request.user_code)).status, 404);
  });

  test('a second use of a device_code revokes the grant: its refresh token stops working', async (t) => {
    const { issuer, alice } = await start(t);
    const { body: request } = await deviceAuthorize(issuer, { scope: 'openid offline_access data:read' });
    await deviceDecide(issuer, alice, request.user_code, 'approve');
    const tokens = await pollDeviceToken(issuer, request.device_code);
    assert.ok(tokens.body.refresh_token, 'offline_access was asked for');
    assert.equal((await pollDeviceToken(issuer, request.device_code)).body.error, 'invalid_grant');
    const refreshed = await tokenRequest(issuer, {
      grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token, client_id: 'demo-device',
    });
    assert.equal(refreshed.body.error, 'invalid_grant', 'the refresh token is revoked');
  });

  test('approve without an API: opaque userinfo token; without offline_access: no refresh token', async (t) => {
    const { issuer, alice } = await start(t);
    const { body: request } = await deviceAuthorize(issuer, { scope: 'openid profile' });
    await deviceDecide(issuer, alice, request.user_code, 'approve');
    const tokens = await pollDeviceToken(issuer, request.device_code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.refresh_token, undefined);
    assert.equal(tokens.body.authorization_details, undefined);
    const me = await userinfo(issuer, tokens.body.access_token);
    assert.deepEqual(me.body, { sub: 'alice', name: 'Alice Adams' });
  });

  test('deny: the poll gets access_denied', async (t) => {
    const { issuer, alice } = await start(t);
    const { body: request } = await deviceAuthorize(issuer);
    const denied = await deviceDecide(issuer, alice, request.user_code, 'deny');
    assert.equal(denied.status, 200);
    assert.equal(denied.body.status, 'denied');
    const poll = await pollDeviceToken(issuer, request.device_code);
    assert.equal(poll.status, 400);
    assert.deepEqual(poll.body, { error: 'access_denied', error_description: 'The user denied the request.' });
  });

  test('decisions: idempotent repeat, 409 conflict, one winner among concurrent decisions', async (t) => {
    const { issuer, alice } = await start(t);
    const bob = (await approvalsToken(issuer, 'bob')).accessToken;
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await deviceAuthorize(issuer)).body.user_code);

    const approved = await deviceDecide(issuer, alice, codes[0], 'approve');
    const again = await deviceDecide(issuer, alice, codes[0], 'approve');
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, approved.body, 'the repeat changes nothing');
    assert.equal((await deviceDecide(issuer, bob, codes[0], 'approve')).status, 200, 'the decision is the code\'s, not the user\'s');
    const conflict = await deviceDecide(issuer, bob, codes[0], 'deny');
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error, 'conflict');
    assert.match(conflict.body.error_description, /already approved/);
    assert.deepEqual(conflict.body.device, approved.body);

    const denied = await deviceDecide(issuer, alice, codes[1], 'deny');
    assert.deepEqual((await deviceDecide(issuer, alice, codes[1], 'deny')).body, denied.body);
    assert.equal((await deviceDecide(issuer, alice, codes[1], 'approve')).status, 409);

    const results = await Promise.all([
      deviceDecide(issuer, alice, codes[2], 'approve'), deviceDecide(issuer, bob, codes[2], 'deny'),
      deviceDecide(issuer, bob, codes[2], 'approve'), deviceDecide(issuer, alice, codes[2], 'deny'),
    ]);
    const winner = (await deviceLookup(issuer, alice, codes[2])).body.status;
    for (const res of results) {
      const ok = res.body.status === winner || res.body.device?.status === winner;
      assert.ok(ok, `every answer reports the one decision that won: ${JSON.stringify(res.body)}`);
      assert.equal(res.status, res.body.status === winner ? 200 : 409);
    }
    assert.equal(results.filter((r) => r.status === 200).length, 2);
  });

  test('expiry: lookup says expired, deciding is 410, the device gets expired_token', async (t) => {
    // --device-code-ttl is a test-only flag: codes expire after 1 s.
    const { issuer, alice } = await start(t, ['--device-code-ttl', '1']);
    const { body: request } = await deviceAuthorize(issuer);
    assert.equal(request.expires_in, 1);
    const { body: pending } = await deviceLookup(issuer, alice, request.user_code);
    await sleep(Date.parse(pending.expires_at) - Date.now() + 50);

    const lookup = await deviceLookup(issuer, alice, request.user_code);
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.status, 'expired');
    for (const decision of ['approve', 'deny']) {
      const late = await deviceDecide(issuer, alice, request.user_code, decision);
      assert.equal(late.status, 410, decision);
      assert.equal(late.body.error, 'expired');
      assert.deepEqual(late.body.device, lookup.body);
    }
    const poll = await pollDeviceToken(issuer, request.device_code);
    assert.equal(poll.body.error, 'expired_token', JSON.stringify(poll.body));
  });

  test('unknown and malformed codes are 404 alike; 405 for other methods; 400 for bad bodies', async (t) => {
    const { issuer, alice } = await start(t);
    const { body: request } = await deviceAuthorize(issuer);
    const missing = await deviceLookup(issuer, alice, 'BBBB-BBBB');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: 'not_found', error_description: 'no such device code' });
    for (const path of ['/device/AEIO-UAEI', '/device/BCDF-GHJ', '/device/BCDF-GHJKL', '/device/%E0%A4%A', '/device/', '/device']) {
      const res = await approvalsRequest(issuer, alice, { path });
      assert.equal(res.status, 404, path);
      assert.deepEqual(res.body, missing.body, path);
    }
    const decideMissing = await deviceDecide(issuer, alice, 'BBBB-BBBB', 'approve');
    assert.deepEqual([decideMissing.status, decideMissing.body], [404, missing.body]);

    const wrongMethod = await approvalsRequest(issuer, alice, { method: 'DELETE', path: `/device/${request.user_code}` });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.body.error, 'method_not_allowed');
    assert.equal(wrongMethod.headers.get('allow'), 'GET, POST');

    const malformed = [
      { body: '{', headers: { 'content-type': 'application/json' } },
      { body: 'decision=approve', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { json: [] },
      { json: {} },
      { json: { decision: 'maybe' } },
    ];
    for (const bad of malformed) {
      const res = await approvalsRequest(issuer, alice, { method: 'POST', path: `/device/${request.user_code}`, ...bad });
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(res.body.error, 'invalid_request');
    }
    const extra = await approvalsRequest(issuer, alice, {
      method: 'POST', path: `/device/${request.user_code}`, json: { decision: 'deny', reason: 'ignored', more: 1 },
    });
    assert.equal(extra.status, 200, 'unknown members are ignored');
  });

  test('rate limit: 10 failed lookups a minute per user, then 429 with Retry-After; others unaffected', async (t) => {
    const { issuer, alice } = await start(t);
    const bob = (await approvalsToken(issuer, 'bob')).accessToken;
    const { body: request } = await deviceAuthorize(issuer);
    for (let i = 0; i < 9; i += 1) {
      const miss = i % 2 ? await deviceLookup(issuer, bob, 'BBBB-BBBB') : await deviceDecide(issuer, bob, 'nonsense', 'deny');
      assert.equal(miss.status, 404, `failure ${i + 1}`);
      // Successful lookups in between do not count.
      assert.equal((await deviceLookup(issuer, bob, request.user_code)).status, 200);
    }
    assert.equal((await deviceLookup(issuer, bob, 'CCCC-CCCC')).status, 404, 'the tenth failure is still answered');

    for (const res of [
      await deviceLookup(issuer, bob, request.user_code),
      await deviceDecide(issuer, bob, request.user_code, 'approve'),
      await deviceLookup(issuer, bob, 'BBBB-BBBB'),
    ]) {
      assert.equal(res.status, 429);
      assert.equal(res.body.error, 'rate_limited');
      const retryAfter = Number(res.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 50 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    }
    assert.equal((await deviceLookup(issuer, alice, request.user_code)).body.status, 'pending', 'bob\'s failures do not block alice');
    assert.equal((await deviceLookup(issuer, alice, 'BBBB-BBBB')).status, 404);
    assert.equal((await listApprovals(issuer, bob)).status, 200, 'the approval channel is unaffected');
  });

  test('slow_down: a poll sooner than the interval gets slow_down and the interval grows by 5 s', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t), args: ['--device-interval', '1'] });
    const { body: hasty } = await deviceAuthorize(issuer);
    assert.equal(hasty.interval, 1);
    const early = await pollDeviceToken(issuer, hasty.device_code);
    assert.equal(early.body.error, 'slow_down', 'first poll right after issuance');

    const { body: polite } = await deviceAuthorize(issuer);
    await sleep(1050);
    assert.equal((await pollDeviceToken(issuer, polite.device_code)).body.error, 'authorization_pending');
    const quick = await pollDeviceToken(issuer, polite.device_code);
    assert.equal(quick.status, 400);
    assert.equal(quick.body.error, 'slow_down');
    assert.match(quick.body.error_description, /at least 6 seconds/);
    const quicker = await pollDeviceToken(issuer, polite.device_code);
    assert.match(quicker.body.error_description, /at least 11 seconds/, 'each early poll adds 5 s');

    assert.equal((await pollDeviceToken(issuer, 'no-such-code')).body.error, 'invalid_grant');
  });

  test('authentication: 401 without or with a wrong token, 403 without the approvals scope', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const { body: request } = await deviceAuthorize(issuer);
    const path = `/device/${request.user_code}`;
    assert.equal((await deviceLookup(issuer, await mintApprovalsToken(data, issuer), request.user_code)).status, 200);

    const none = await approvalsRequest(issuer, undefined, { path });
    assert.equal(none.status, 401);
    assert.equal(none.body.error, 'unauthorized');
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');

    const otherAudience = await mintApprovalsToken(data, issuer, { claims: { aud: PROFILE_API } });
    for (const method of ['GET', 'POST']) {
      const res = await approvalsRequest(issuer, otherAudience, { method, path, json: method === 'POST' ? { decision: 'approve' } : undefined });
      assert.equal(res.status, 401, method);
      assert.equal(res.body.error, 'invalid_token');
      assert.match(res.body.error_description, /not for https:\/\/api\.sandbox\.countersign\.dev\/approvals/);
      assert.match(res.headers.get('www-authenticate'), /^Bearer error="invalid_token", error_description="[^"\\]+"$/);
    }
    const noScope = await deviceLookup(issuer, await mintApprovalsToken(data, issuer, { claims: { scope: 'profile:read' } }), request.user_code);
    assert.equal(noScope.status, 403);
    assert.equal(noScope.body.error, 'insufficient_scope');
    assert.match(noScope.headers.get('www-authenticate'), /^Bearer error="insufficient_scope", scope="approvals"/);

    const unknownUnauthenticated = await approvalsRequest(issuer, undefined, { path: '/device/BBBB-BBBB' });
    assert.equal(unknownUnauthenticated.status, 401, 'the token is checked before the code');
  });

  test('/activate pages: wrong code, confirm, login, consent, done; the device gets the approver\'s tokens', async (t) => {
    const sandbox = await start(t);
    const { issuer, alice } = sandbox;
    const { body: request } = await deviceAuthorize(issuer, {
      scope: 'openid profile offline_access stock:trade', authorization_details: [TRADE],
    });

    const jar = new CookieJar();
    const form = await browserFetch(jar, `${issuer}/activate`);
    assert.equal(form.status, 200);
    assert.match(form.headers.get('content-security-policy'), /default-src 'none'/);
    assert.doesNotMatch(form.text, /<script/);
    const wrong = await browserFetch(jar, `${issuer}/activate`, {
      method: 'POST', form: { xsrf: hiddenFields(form.text).xsrf, user_code: 'BBBB-BBBB' },
    });
    assert.match(errorText(wrong.text), /That code is not valid/);
    assert.match(wrong.text, /value="BBBB-BBBB"/, 'the form keeps what was typed');

    const { pages } = await activateDevice(issuer, typed(request.user_code), { user: 'bob' });
    const confirm = pages.confirm.text;
    assert.match(confirm, /<strong class="client">Demo Device<\/strong>/);
    assert.match(confirm, new RegExp(`<code>${request.user_code}</code>`));
    assert.match(confirm, /<code>stock:trade<\/code> <span class="scope-description">\(Buy and sell stocks for you\)<\/span>/);
    assert.match(confirm, /<strong>trade_authorization<\/strong><br>action: buy<br>ticker: ACME<br>qty: 10/);
    assert.match(confirm, />Approve</);
    assert.match(confirm, />Cancel</);
    assert.ok(pages.login, 'then the login page');
    assert.match(pages.consent.text, /ticker: ACME/, 'the consent page shows the details too');
    assert.equal(pages.done.status, 200);
    assert.match(pages.done.text, /Device connected/);

    const tokens = await pollDeviceToken(issuer, request.device_code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const { payload } = await verifyAccessToken(issuer, tokens.body.access_token, STOCK_API);
    assert.equal(payload.sub, 'bob');
    assert.deepEqual(payload.authorization_details, [TRADE]);
    assert.equal((await verifyIdToken(issuer, tokens.body.id_token, 'demo-device')).payload.sub, 'bob');
    assert.equal(tokens.body.refresh_token, undefined, 'an approved trade allows one order: nothing to renew');
    assert.equal((await deviceLookup(issuer, alice, request.user_code)).body.status, 'approved');

    // A code decided through the app cannot be entered on the page any more.
    const { body: other } = await deviceAuthorize(issuer);
    await deviceDecide(issuer, alice, other.user_code, 'deny');
    const again = await browserFetch(jar, `${issuer}/activate`);
    const used = await browserFetch(jar, `${issuer}/activate`, {
      method: 'POST', form: { xsrf: hiddenFields(again.text).xsrf, user_code: other.user_code },
    });
    assert.match(errorText(used.text), /already been used/);
    assert.doesNotMatch(sandbox.stderr(), /SHOULD change/, 'no oidc-provider default page was used');
  });

  test('/activate pages: the code prefilled, details escaped, Cancel and Deny refuse the device', async (t) => {
    const { issuer, alice } = await start(t);
    const sneaky = { ...PAYMENT, creditorName: '<b>Evil</b> & "Co"' };
    const { body: request } = await deviceAuthorize(issuer, { scope: 'openid payments:initiate', authorization_details: [sneaky] });

    const jar = new CookieJar();
    const prefilled = await browserFetch(jar, request.verification_uri_complete);
    assert.equal(prefilled.status, 200);
    assert.match(prefilled.text, new RegExp(`id="user_code" name="user_code" type="text" value="${request.user_code}"`));
    assert.doesNotMatch(prefilled.text, /<script/, 'shown, not auto-submitted');

    const cancelled = await activateDevice(issuer, request.user_code, { confirm: 'cancel', jar });
    const confirm = cancelled.pages.confirm.text;
    assert.match(confirm, /creditorName: &lt;b&gt;Evil&lt;\/b&gt; &amp; &quot;Co&quot;/);
    assert.doesNotMatch(confirm, /<b>Evil/);
    assert.match(confirm, /creditorAccount\.iban: DE89370400440532013000/);
    assert.equal(cancelled.pages.login, undefined, 'no login after Cancel');
    assert.match(cancelled.pages.done.text, /Cancelled: the device was not given access/);
    assert.equal((await pollDeviceToken(issuer, request.device_code)).body.error, 'access_denied');
    assert.equal((await deviceLookup(issuer, alice, request.user_code)).body.status, 'denied');

    const { body: second } = await deviceAuthorize(issuer);
    const refused = await activateDevice(issuer, second.user_code, { decision: 'deny' });
    assert.ok(refused.pages.consent);
    assert.match(refused.pages.done.text, /Cancelled/);
    assert.equal((await pollDeviceToken(issuer, second.device_code)).body.error, 'access_denied');
  });

  test('the desktop client can sign in with the device flow, without the approver role', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const forApprovals = await deviceAuthorize(
      issuer,
      { scope: 'openid profile offline_access approvals', resource: APPROVALS_API },
      { clientId: 'countersign-desktop' },
    );
    assert.equal(forApprovals.body.error, 'invalid_scope', 'the approver role: one-approval.test.mjs');

    const { body: request, status } = await deviceAuthorize(issuer, { scope: 'openid profile offline_access' }, { clientId: 'countersign-desktop' });
    assert.equal(status, 200, JSON.stringify(request));
    const bob = (await approvalsToken(issuer, 'bob')).accessToken;
    const { body: device } = await deviceLookup(issuer, bob, request.user_code);
    assert.deepEqual([device.client_id, device.client_name, device.resource], ['countersign-desktop', 'Countersign Desktop', null]);
    assert.equal((await deviceDecide(issuer, bob, request.user_code, 'approve')).status, 200);

    const tokens = await pollDeviceToken(issuer, request.device_code, { clientId: 'countersign-desktop' });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal((await verifyIdToken(issuer, tokens.body.id_token)).payload.sub, 'bob');
    assert.ok(tokens.body.refresh_token);
    assert.deepEqual((await userinfo(issuer, tokens.body.access_token)).body, { sub: 'bob', name: 'Bob Brown' });
  });

  test('a pending code survives a restart and can be approved afterwards', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data });
    const { body: request } = await deviceAuthorize(first.issuer);
    assert.equal((await first.stop()).code, 0);

    const second = await startSandbox(t, { data, port: first.port });
    const { accessToken } = await approvalsToken(second.issuer, 'alice');
    const lookup = await deviceLookup(second.issuer, accessToken, request.user_code);
    assert.equal(lookup.status, 200);
    assert.equal(lookup.body.status, 'pending');
    assert.equal((await deviceDecide(second.issuer, accessToken, request.user_code, 'approve')).status, 200);
    const tokens = await pollDeviceToken(second.issuer, request.device_code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal((await verifyAccessToken(second.issuer, tokens.body.access_token, DATA_API)).payload.sub, 'alice');
  });
});
