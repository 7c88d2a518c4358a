// One approval allows one action (docs/security.md, "The sandbox: one
// approval allows one action"): a device or agent approved for one trade or
// one payment gets nothing it could renew into more of them, the stock and
// payments APIs spend the approval (the grant) and not just the access token,
// and the approver role (the `approvals` scope) cannot be obtained through a
// device code. In both flavours.
import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';

import * as jose from 'jose';

import {
  activateDevice, apiRequest, APPROVALS_API, approvalsToken, approvedCibaTokens, approvedDeviceTokens, deviceAuthorize,
  deviceDecide, DEVICE_CLIENT_ID, listApprovals, makeDataDir, mintAccessToken, PAYMENTS_API, pollDeviceToken, refresh,
  startSandbox, STOCK_API,
} from '../test-support/harness.mjs';

const FLAVORS = ['default', 'auth0'];

// "Buy 1 ACME" and "Pay 25 EUR to Erika": what the app's agent asks for.
const ACTIONS = {
  trade: {
    scope: 'stock:trade',
    api: STOCK_API,
    detail: { type: 'trade_authorization', action: 'buy', ticker: 'ACME', qty: 1 },
    path: '/api/stock/orders',
    request: { action: 'buy', ticker: 'ACME', qty: 1 },
    list: (body) => body.orders,
  },
  payment: {
    scope: 'payments:initiate',
    api: PAYMENTS_API,
    detail: { type: 'payment_initiation', instructedAmount: { amount: '25.00', currency: 'EUR' }, creditorName: 'Erika' },
    path: '/api/payments',
    request: { amount: '25.00', currency: 'EUR', creditor: 'Erika' },
    list: (body) => body.payments,
  },
};

const act = (issuer, token, action) => apiRequest(issuer, token, { method: 'POST', path: action.path, json: action.request });
const done = async (issuer, token, action) => action.list((await apiRequest(issuer, token, { path: action.path })).body);

// demo-device's request for one action, asking for offline_access as a device that wants to stay connected would.
const deviceRequest = (action) => ({
  scope: `openid profile offline_access ${action.scope}`, authorization_details: [action.detail],
});

// What the device gets out of its tokens: the status of each action it tries
// with a token it renewed for the action's API (up to `times` renewals), or
// the refresh's error.
async function renewAndAct(issuer, tokens, action, times = 3) {
  const outcomes = [];
  let refreshToken = tokens.refresh_token;
  for (let i = 0; i < times && refreshToken; i += 1) {
    const renewed = await refresh(issuer, refreshToken, { client_id: DEVICE_CLIENT_ID, resource: action.api });
    if (renewed.status !== 200) {
      outcomes.push(`refresh refused: ${renewed.body.error}`);
      break;
    }
    refreshToken = renewed.body.refresh_token;
    outcomes.push((await act(issuer, renewed.body.access_token, action)).status);
  }
  return outcomes;
}

describe('one approval allows one action', { concurrency: 3 }, () => {
  for (const flavor of FLAVORS) {
    for (const [name, action] of Object.entries(ACTIONS)) {
      test(`${flavor}: a device code approved for one ${name} acts once; it gets nothing to renew`, async (t) => {
        const { issuer } = await startSandbox(t, { data: await makeDataDir(t), flavor });
        const tokens = await approvedDeviceTokens(issuer, deviceRequest(action));
        assert.deepEqual(tokens.authorization_details, [action.detail]);

        const first = await act(issuer, tokens.access_token, action);
        assert.equal(first.status, 201, JSON.stringify(first.body));
        assert.equal((await act(issuer, tokens.access_token, action)).status, 409, 'the same token again');

        assert.deepEqual(await renewAndAct(issuer, tokens, action), [], 'no renewed token may act again');
        assert.equal(tokens.refresh_token, undefined, 'a one-time approval comes without a refresh token');
        assert.equal((await done(issuer, tokens.access_token, action)).length, 1, 'one approval, one action');
      });
    }

    test(`${flavor}: a device code for an API without one-time details still gets its refresh token`, async (t) => {
      const { issuer } = await startSandbox(t, { data: await makeDataDir(t), flavor });
      const tokens = await approvedDeviceTokens(issuer, { scope: 'openid profile offline_access data:read' });
      assert.ok(tokens.refresh_token, 'offline_access was asked for and granted');
      const renewed = await refresh(issuer, tokens.refresh_token, { client_id: DEVICE_CLIENT_ID });
      assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    });
  }

  test('the /activate pages: a one-time approval there gets no refresh token either', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const action = ACTIONS.trade;
    const { body: request } = await deviceAuthorize(issuer, deviceRequest(action));
    const { pages } = await activateDevice(issuer, request.user_code);
    assert.match(pages.done.text, /Device connected/);
    const tokens = await pollDeviceToken(issuer, request.device_code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.refresh_token, undefined);
    assert.equal((await act(issuer, tokens.body.access_token, action)).status, 201);
  });

  test('CIBA: an approved agent gets no refresh token, even when it asks for offline_access', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    for (const scope of ['openid stock:trade', 'openid offline_access stock:trade']) {
      const tokens = await approvedCibaTokens(issuer, { scope, authorization_details: [ACTIONS.trade.detail] });
      assert.equal(tokens.refresh_token, undefined, scope);
    }
  });

  for (const [name, action] of Object.entries(ACTIONS)) {
    test(`the ${name} API spends the approval, not only the token: a second token of the same grant is 409`, async (t) => {
      const data = await makeDataDir(t);
      const { issuer, port, stop } = await startSandbox(t, { data });
      const tokens = await approvedDeviceTokens(issuer, deviceRequest(action));
      const claims = jose.decodeJwt(tokens.access_token);
      assert.match(claims.grant_hash, /^[A-Za-z0-9_-]{43}$/, 'the token names its grant (hashed)');
      assert.equal((await act(issuer, tokens.access_token, action)).status, 201);

      // Another token of the same grant (as a renewal would give), signed with the sandbox key.
      const twin = await mintAccessToken(data, issuer, {
        audience: action.api,
        scope: action.scope,
        claims: { client_id: DEVICE_CLIENT_ID, authorization_details: [action.detail], grant_hash: claims.grant_hash },
      });
      const again = await act(issuer, twin, action);
      assert.equal(again.status, 409, JSON.stringify(again.body));
      assert.equal(again.body.error, 'authorization_used');
      assert.match(again.body.error_description, /this approval has already been used; each approval allows one/);

      // Kept across a restart, and other grants are not affected.
      assert.equal((await stop()).code, 0);
      const second = await startSandbox(t, { data, port });
      assert.equal((await act(second.issuer, twin, action)).status, 409, 'a spent grant stays spent');
      const other = await approvedDeviceTokens(second.issuer, deviceRequest(action));
      assert.equal((await act(second.issuer, other.access_token, action)).status, 201);
    });
  }

  for (const flavor of FLAVORS) {
    test(`${flavor}: the approver role cannot be obtained through a device code`, async (t) => {
      const { issuer } = await startSandbox(t, { data: await makeDataDir(t), flavor });
      const asDesktop = { clientId: 'countersign-desktop' };
      const api = flavor === 'auth0' ? { audience: APPROVALS_API } : { resource: APPROVALS_API };
      const attempts = [
        [{ scope: 'openid profile offline_access approvals', ...api }, 'invalid_scope'],
        [{ scope: 'openid approvals' }, 'invalid_scope'],
        [{ scope: 'openid offline_access', ...api }, 'invalid_target'],
      ];
      for (const [params, error] of attempts) {
        const refused = await deviceAuthorize(issuer, params, asDesktop);
        assert.equal(refused.status, 400, JSON.stringify(params));
        assert.equal(refused.body.error, error, JSON.stringify(refused.body));
        assert.match(refused.body.error_description, /cannot be granted with a device code/);
        assert.match(refused.body.error_description, /approve requests for you/);
      }

      // Signing in with a code still works, without the approver role: the
      // refresh for the approval channel is refused and its token is never issued.
      const { body: request, status } = await deviceAuthorize(issuer, { scope: 'openid profile offline_access' }, asDesktop);
      assert.equal(status, 200, JSON.stringify(request));
      const alice = (await approvalsToken(issuer, 'alice')).accessToken;
      assert.equal((await deviceDecide(issuer, alice, request.user_code, 'approve')).status, 200);
      const tokens = await pollDeviceToken(issuer, request.device_code, asDesktop);
      assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
      assert.ok(tokens.body.refresh_token);
      const channel = await refresh(issuer, tokens.body.refresh_token, api);
      assert.equal(channel.status, 400);
      assert.equal(channel.body.error, 'invalid_target');
      assert.equal((await listApprovals(issuer, tokens.body.access_token)).status, 401);
    });
  }
});
