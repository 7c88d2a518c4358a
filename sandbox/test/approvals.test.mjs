// The approval channel's REST side: listing and deciding CIBA requests, what
// the agent's poll then gets, who may see what, and token checks.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it as test } from 'node:test';

import * as jose from 'jose';

import {
  APPROVALS_API, approvalFor, approvalsRequest, approvalsToken, authorize, cibaAuthorize, decide, exchangeCode,
  listApprovals, makeDataDir, mintApprovalsToken, PAYMENT, PAYMENTS_API, pollToken, PROFILE_API, refresh,
  startSandbox, STOCK_API, TRADE, userinfo, verifyAccessToken,
} from '../test-support/harness.mjs';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// Each test owns its sandbox; a few run at once so their waits overlap.
describe('approval channel: list and decide', { concurrency: 3 }, () => {
  test('approve: the poll answers at once with tokens carrying the approved trade details', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { body: request } = await cibaAuthorize(issuer, { scope: 'openid profile stock:trade' });
    const { accessToken } = await approvalsToken(issuer, 'alice');

    const list = await listApprovals(issuer, accessToken);
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    assert.equal(list.body.last_event_id, '1');
    assert.equal(list.body.approvals.length, 1);
    const approval = list.body.approvals[0];
    assert.deepEqual(Object.keys(approval).sort(), [
      'authorization_details', 'binding_message', 'client_id', 'client_name', 'created_at', 'expires_at', 'id', 'scope', 'status',
    ]);
    assert.match(approval.id, /^[A-Za-z0-9_-]{16,}$/);
    assert.notEqual(approval.id, request.auth_req_id, 'the approval id is not the auth_req_id');
    assert.equal(approval.client_id, 'demo-agent');
    assert.equal(approval.client_name, 'Demo Agent');
    assert.equal(approval.binding_message, 'Buy 10 ACME');
    assert.equal(approval.scope, 'openid profile stock:trade');
    assert.deepEqual(approval.authorization_details, [TRADE]);
    assert.equal(approval.status, 'pending');
    assert.match(approval.created_at, ISO);
    assert.match(approval.expires_at, ISO);
    const lifetime = (Date.parse(approval.expires_at) - Date.parse(approval.created_at)) / 1000;
    // exp is whole seconds from the request's creation; created_at is when the inbox recorded it,
    // which a loaded machine may reach a few seconds later.
    assert.ok(lifetime > 290 && lifetime <= 300, `expires about 300 s after creation: ${lifetime}`);

    const decided = await decide(issuer, accessToken, approval.id, 'approve');
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'approved');
    assert.match(decided.body.decided_at, ISO);

    // Polled well within the 5 s interval: a decided request is answered at once.
    const tokens = await pollToken(issuer, request.auth_req_id);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.deepEqual(tokens.body.authorization_details, [TRADE]);
    assert.equal(tokens.body.scope, 'stock:trade');
    assert.equal(tokens.body.token_type, 'Bearer');
    assert.ok(tokens.body.id_token);
    assert.equal(tokens.body.refresh_token, undefined);

    const { payload, protectedHeader } = await verifyAccessToken(issuer, tokens.body.access_token, STOCK_API);
    assert.equal(protectedHeader.typ, 'at+jwt');
    assert.equal(payload.aud, STOCK_API);
    assert.equal(payload.sub, 'alice');
    assert.equal(payload.client_id, 'demo-agent');
    assert.ok(payload.scope.split(' ').includes('stock:trade'));
    assert.deepEqual(payload.authorization_details, [TRADE]);

    // Tokens are handed out once.
    assert.equal((await pollToken(issuer, request.auth_req_id)).body.error, 'invalid_grant');
  });

  test('approve a payment: details normalised (IBAN), token for the payments API', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { body: request } = await cibaAuthorize(issuer, {
      scope: 'openid payments:initiate', binding_message: 'Pay 123.45 EUR', authorization_details: [PAYMENT], resource: PAYMENTS_API,
    }, { auth: 'post' });
    const { accessToken } = await approvalsToken(issuer);
    const approval = await approvalFor(issuer, accessToken, 'Pay 123.45 EUR');
    const expected = [{ ...PAYMENT, creditorAccount: { iban: 'DE89370400440532013000' } }];
    assert.deepEqual(approval.authorization_details, expected);

    assert.equal((await decide(issuer, accessToken, approval.id, 'approve')).status, 200);
    const tokens = await pollToken(issuer, request.auth_req_id, { auth: 'post' });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.deepEqual(tokens.body.authorization_details, expected);
    const { payload } = await verifyAccessToken(issuer, tokens.body.access_token, PAYMENTS_API);
    assert.equal(payload.scope, 'payments:initiate');
    assert.deepEqual(payload.authorization_details, expected);
  });

  test('approve without authorization_details: an empty list, and a plain API token', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { body: request } = await cibaAuthorize(issuer, { authorization_details: undefined });
    const { accessToken } = await approvalsToken(issuer);
    const approval = await approvalFor(issuer, accessToken, 'Buy 10 ACME');
    assert.deepEqual(approval.authorization_details, []);
    await decide(issuer, accessToken, approval.id, 'approve');
    const tokens = await pollToken(issuer, request.auth_req_id);
    assert.equal(tokens.body.authorization_details, undefined);
    const { payload } = await verifyAccessToken(issuer, tokens.body.access_token, STOCK_API);
    assert.equal(payload.scope, 'stock:trade');
  });

  test('deny: the poll gets access_denied with the reason (or a default)', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { body: first } = await cibaAuthorize(issuer, { binding_message: 'first' });
    const { body: second } = await cibaAuthorize(issuer, { binding_message: 'second' });
    const { accessToken } = await approvalsToken(issuer);

    const withReason = await decide(issuer, accessToken, (await approvalFor(issuer, accessToken, 'first')).id, 'deny', 'Not this stock.');
    assert.equal(withReason.status, 200);
    assert.equal(withReason.body.status, 'denied');
    assert.equal(withReason.body.reason, 'Not this stock.');
    const denied = await pollToken(issuer, first.auth_req_id);
    assert.equal(denied.status, 400);
    assert.deepEqual(denied.body, { error: 'access_denied', error_description: 'Not this stock.' });

    await decide(issuer, accessToken, (await approvalFor(issuer, accessToken, 'second')).id, 'deny');
    const plain = await pollToken(issuer, second.auth_req_id);
    assert.deepEqual(plain.body, { error: 'access_denied', error_description: 'The user denied the request.' });
  });

  test('a user sees and decides only the requests addressed to them', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    await cibaAuthorize(issuer, { login_hint: 'alice', binding_message: 'for alice' });
    await cibaAuthorize(issuer, { login_hint: 'bob', binding_message: 'for bob' });
    const alice = (await approvalsToken(issuer, 'alice')).accessToken;
    const bob = (await approvalsToken(issuer, 'bob')).accessToken;

    const aliceList = await listApprovals(issuer, alice);
    assert.deepEqual(aliceList.body.approvals.map((a) => a.binding_message), ['for alice']);
    const bobList = await listApprovals(issuer, bob);
    assert.deepEqual(bobList.body.approvals.map((a) => a.binding_message), ['for bob']);
    assert.equal(bobList.body.last_event_id, aliceList.body.last_event_id, 'one global event counter');

    // Deciding alice's request as bob looks exactly like deciding a missing one.
    const aliceId = aliceList.body.approvals[0].id;
    const foreign = await decide(issuer, bob, aliceId, 'approve');
    const missing = await decide(issuer, bob, 'no-such-approval', 'approve');
    assert.equal(foreign.status, 404);
    assert.deepEqual(foreign.body, missing.body);
    assert.equal(foreign.body.error, 'not_found');
    assert.equal((await approvalFor(issuer, alice, 'for alice')).status, 'pending');
  });

  test('decisions: idempotent repeat, 409 conflict, 410 expired, 400 malformed', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    await cibaAuthorize(issuer, { binding_message: 'decide me' });
    await cibaAuthorize(issuer, { binding_message: 'short lived', requested_expiry: '1' });
    const { accessToken } = await approvalsToken(issuer);
    const { id } = await approvalFor(issuer, accessToken, 'decide me');

    const first = await decide(issuer, accessToken, id, 'deny', 'no');
    assert.equal(first.status, 200);
    const repeat = await decide(issuer, accessToken, id, 'deny', 'changed my mind about the reason');
    assert.equal(repeat.status, 200);
    assert.deepEqual(repeat.body, first.body, 'the repeat changes nothing');
    const conflict = await decide(issuer, accessToken, id, 'approve');
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error, 'conflict');
    assert.ok(conflict.body.error_description);
    assert.deepEqual(conflict.body.approval, first.body);

    const shortLived = await approvalFor(issuer, accessToken, 'short lived');
    await sleep(Date.parse(shortLived.expires_at) - Date.now() + 50);
    const expired = await decide(issuer, accessToken, shortLived.id, 'approve');
    assert.equal(expired.status, 410);
    assert.equal(expired.body.error, 'expired');
    assert.equal(expired.body.approval.status, 'expired');
    assert.equal((await decide(issuer, accessToken, shortLived.id, 'deny')).status, 410);

    const malformed = [
      { body: '{', headers: { 'content-type': 'application/json' } },
      { body: 'decision=approve', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { json: [] },
      { json: {} },
      { json: { decision: 'maybe' } },
      { json: { decision: 'deny', reason: 42 } },
      { json: { decision: 'deny', reason: 'r'.repeat(257) } },
    ];
    for (const request of malformed) {
      const res = await approvalsRequest(issuer, accessToken, { method: 'POST', path: `/approvals/${id}`, ...request });
      assert.equal(res.status, 400, JSON.stringify(request));
      assert.equal(res.body.error, 'invalid_request');
      assert.ok(res.body.error_description);
    }
    const longest = await decide(issuer, accessToken, id, 'deny', 'r'.repeat(256));
    assert.equal(longest.status, 200, 'a 256-character reason is fine');

    const wrongMethod = await approvalsRequest(issuer, accessToken, { method: 'DELETE', path: `/approvals/${id}` });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    assert.equal((await approvalsRequest(issuer, accessToken, { method: 'POST' })).status, 405);
  });

  test('tokens: 401 without or with a bad token, 403 without the approvals scope', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const mint = (options) => mintApprovalsToken(data, issuer, options);

    // A minted token that is right in every respect works: the checks below fail for their one reason.
    assert.equal((await listApprovals(issuer, await mint())).status, 200);

    const none = await listApprovals(issuer, undefined);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    assert.equal(none.body.error, 'unauthorized');
    const basic = await approvalsRequest(issuer, undefined, { headers: { authorization: 'Basic YTpi' } });
    assert.equal(basic.status, 401);

    const desktop = await authorize(issuer, { scope: 'openid profile offline_access profile:read', resource: PROFILE_API });
    const opaque = (await exchangeCode(issuer, desktop)).body;
    const profileJwt = (await refresh(issuer, opaque.refresh_token, { resource: PROFILE_API })).body.access_token;
    const { privateKey: otherKey } = await jose.generateKeyPair('ES256');

    const invalid = {
      garbage: ['not-a-token', /not a JWT access token/],
      'opaque userinfo token': [opaque.access_token, /not a JWT access token/],
      'JWT for the profile API': [profileJwt, /not for https:\/\/api\.sandbox\.countersign\.dev\/approvals/],
      'wrong audience': [await mint({ claims: { aud: PROFILE_API } }), /not for/],
      'wrong issuer': [await mint({ claims: { iss: 'https://elsewhere.example' } }), /not issued by this server/],
      expired: [await mint({ claims: { exp: Math.floor(Date.now() / 1000) - 5 } }), /expired/],
      'typ JWT': [await mint({ header: { typ: 'JWT' } }), /typ at\+jwt/],
      'foreign key': [await mint({ signWith: otherKey }), /signature/],
    };
    for (const [label, [token, description]] of Object.entries(invalid)) {
      for (const pathname of ['/approvals', '/approvals/events', '/approvals/some-id']) {
        const method = pathname === '/approvals/some-id' ? 'POST' : 'GET';
        const res = await approvalsRequest(issuer, token, { method, path: pathname, json: method === 'POST' ? { decision: 'approve' } : undefined });
        assert.equal(res.status, 401, `${label} ${pathname}`);
        assert.equal(res.body.error, 'invalid_token', label);
        assert.match(res.body.error_description, description, label);
        const challenge = res.headers.get('www-authenticate');
        assert.match(challenge, /^Bearer error="invalid_token", error_description="[^"\\]+"$/, label);
      }
    }

    const wrongScope = await listApprovals(issuer, await mint({ claims: { scope: 'profile:read' } }));
    assert.equal(wrongScope.status, 403);
    assert.equal(wrongScope.body.error, 'insufficient_scope');
    assert.match(wrongScope.headers.get('www-authenticate'), /^Bearer error="insufficient_scope", scope="approvals", error_description="[^"]+"$/);

    assert.equal((await userinfo(issuer, opaque.access_token)).status, 200, 'the opaque token itself is fine');
  });

  test('desktop client: code without resource stays opaque; refresh with resource=approvals gives the approvals JWT', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const flow = await authorize(issuer, { scope: 'openid profile email offline_access approvals', resource: APPROVALS_API });
    assert.match(flow.pages.consent.text, /Approve or deny requests that apps send on your behalf/);
    assert.match(flow.pages.consent.text, /api\.sandbox\.countersign\.dev\/approvals<\/code>: <code>approvals<\/code>/);

    const code = await exchangeCode(issuer, flow);
    assert.equal(code.status, 200, JSON.stringify(code.body));
    assert.equal(code.body.access_token.split('.').length, 1, 'opaque');
    assert.equal((await userinfo(issuer, code.body.access_token)).body.sub, 'alice');
    assert.equal((await listApprovals(issuer, code.body.access_token)).status, 401, 'not an approvals token');

    const api = await refresh(issuer, code.body.refresh_token, { resource: APPROVALS_API });
    assert.equal(api.status, 200, JSON.stringify(api.body));
    assert.equal(api.body.scope, 'approvals');
    assert.ok(api.body.refresh_token);
    assert.notEqual(api.body.refresh_token, code.body.refresh_token, 'the refresh token rotates');
    const { payload, protectedHeader } = await verifyAccessToken(issuer, api.body.access_token, APPROVALS_API);
    assert.equal(protectedHeader.typ, 'at+jwt');
    assert.equal(payload.sub, 'alice');
    assert.equal(payload.client_id, 'countersign-desktop');
    assert.equal(payload.scope, 'approvals');
    assert.equal((await listApprovals(issuer, api.body.access_token)).status, 200);

    const again = await refresh(issuer, api.body.refresh_token, { resource: APPROVALS_API });
    assert.equal(again.status, 200, 'the rotated one works');
    assert.equal((await refresh(issuer, code.body.refresh_token)).body.error, 'invalid_grant', 'the old one is spent');
  });
});
