// The stock API: quotes, orders placed with a CIBA-approved token (exactly
// the approved trade, once), mismatches, token checks, the order list and
// its persistence.
import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';

import {
  apiRequest, approvedCibaTokens, approvedDeviceTokens, makeDataDir, mintAccessToken, startSandbox, STOCK_API, TRADE,
} from '../test-support/harness.mjs';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const ORDER_MEMBERS = [
  'id', 'account', 'client_id', 'action', 'ticker', 'qty', 'price', 'currency', 'total', 'status', 'created_at',
];

const placeOrder = (issuer, token, json) => apiRequest(issuer, token, { method: 'POST', path: '/api/stock/orders', json });
const listOrders = (issuer, token) => apiRequest(issuer, token, { path: '/api/stock/orders' });

// An approved trade's access token (demo-agent, CIBA, approved by `user`).
async function tradeToken(issuer, trade = TRADE, user = 'alice') {
  const tokens = await approvedCibaTokens(issuer, { authorization_details: [trade] }, { user });
  return tokens.access_token;
}

describe('stock API', { concurrency: 3 }, () => {
  test('quotes: the fixed demo prices without a token; one by ticker (any case); 404 unknown_ticker', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const all = await apiRequest(issuer, undefined, { path: '/api/stock/quotes' });
    assert.equal(all.status, 200);
    assert.equal(all.headers.get('cache-control'), 'no-store');
    assert.deepEqual(all.body, {
      quotes: [
        { ticker: 'ACME', price: 12.34, currency: 'USD' },
        { ticker: 'GLOBEX', price: 56.78, currency: 'USD' },
        { ticker: 'INITECH', price: 9.1, currency: 'USD' },
        { ticker: 'UMBRELLA', price: 123.45, currency: 'USD' },
      ],
    });
    for (const ticker of ['GLOBEX', 'globex']) {
      const one = await apiRequest(issuer, undefined, { path: `/api/stock/quotes/${ticker}` });
      assert.equal(one.status, 200, ticker);
      assert.deepEqual(one.body, { ticker: 'GLOBEX', price: 56.78, currency: 'USD' });
    }
    const unknown = await apiRequest(issuer, undefined, { path: '/api/stock/quotes/NOPE' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error, 'unknown_ticker');
    assert.match(unknown.body.error_description, /NOPE/);

    const wrongMethod = await apiRequest(issuer, undefined, { method: 'POST', path: '/api/stock/quotes' });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'GET');
    const nowhere = await apiRequest(issuer, undefined, { path: '/api/stock/nothing-here' });
    assert.equal(nowhere.status, 404);
    assert.equal(nowhere.body.error, 'not_found');
  });

  test('an approved trade places exactly that order, once: 201 with the fill, then 409 authorization_used', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const token = await tradeToken(issuer); // buy 10 ACME, limit 12.5 USD

    const placed = await placeOrder(issuer, token, {
      action: 'buy', ticker: 'acme', qty: 10, limit_price: 12.5,
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.deepEqual(Object.keys(placed.body), ORDER_MEMBERS);
    const { id, created_at: createdAt, ...rest } = placed.body;
    assert.match(id, /^ord_[A-Za-z0-9_-]{16}$/);
    assert.match(createdAt, ISO);
    assert.deepEqual(rest, {
      account: 'alice',
      client_id: 'demo-agent',
      action: 'buy',
      ticker: 'ACME',
      qty: 10,
      price: 12.34,
      currency: 'USD',
      total: 123.4,
      status: 'filled',
    });

    const again = await placeOrder(issuer, token, {
      action: 'buy', ticker: 'ACME', qty: 10, limit_price: 12.5,
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'authorization_used');
    assert.ok(again.body.error_description);

    // Without limit_price the order still matches an approval that has one.
    const second = await tradeToken(issuer);
    assert.equal((await placeOrder(issuer, second, { action: 'buy', ticker: 'ACME', qty: 10 })).status, 201);

    const orders = await listOrders(issuer, token);
    assert.equal(orders.status, 200);
    assert.equal(orders.body.orders.length, 2);
    assert.deepEqual(orders.body.orders[1], placed.body, 'the first order, as it was answered');
  });

  test('a sell within its limit fills; the total is exact to the cent', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const token = await tradeToken(issuer, {
      type: 'trade_authorization', action: 'sell', ticker: 'UMBRELLA', qty: 3, limit_price: 120,
    });
    const sold = await placeOrder(issuer, token, { action: 'sell', ticker: 'UMBRELLA', qty: 3 });
    assert.equal(sold.status, 201, JSON.stringify(sold.body));
    assert.equal(sold.body.action, 'sell');
    assert.equal(sold.body.total, 370.35);
  });

  test('orders that differ from the approval: 403 authorization_details_mismatch saying what differs; the token stays unused', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const token = await tradeToken(issuer); // buy 10 ACME, limit 12.5 USD
    const mismatches = [
      [{ action: 'buy', ticker: 'ACME', qty: 5 }, /the approval is for 10 ACME, this order is for 5/],
      [{ action: 'buy', ticker: 'GLOBEX', qty: 10 }, /the approval is for ACME, this order is for GLOBEX/],
      [{ action: 'sell', ticker: 'ACME', qty: 10 }, /the approval is to buy ACME, this order is to sell/],
      [{ action: 'buy', ticker: 'ACME', qty: 10, limit_price: 13 }, /limit price of 12.5, this order has 13/],
    ];
    for (const [order, description] of mismatches) {
      const res = await placeOrder(issuer, token, order);
      assert.equal(res.status, 403, JSON.stringify(order));
      assert.equal(res.body.error, 'authorization_details_mismatch');
      assert.match(res.body.error_description, description);
    }
    assert.equal((await listOrders(issuer, token)).body.orders.length, 0, 'nothing was placed');

    // The price is over the approved limit: nothing the agent can do about it.
    const tight = await tradeToken(issuer, { ...TRADE, limit_price: 12 });
    const over = await placeOrder(issuer, tight, { action: 'buy', ticker: 'ACME', qty: 10 });
    assert.equal(over.status, 403);
    assert.equal(over.body.error, 'authorization_details_mismatch');
    assert.match(over.body.error_description, /ACME is at 12.34 USD, above the approved limit of 12/);

    // An approval in another currency does not cover a USD stock.
    const euro = await tradeToken(issuer, { ...TRADE, currency: 'EUR' });
    assert.match((await placeOrder(issuer, euro, { action: 'buy', ticker: 'ACME', qty: 10 })).body.error_description, /in EUR, ACME trades in USD/);

    // An approval without a limit, an order with its own that the price misses.
    const market = await tradeToken(issuer, {
      type: 'trade_authorization', action: 'buy', ticker: 'ACME', qty: 10,
    });
    const limited = await placeOrder(issuer, market, {
      action: 'buy', ticker: 'ACME', qty: 10, limit_price: 12,
    });
    assert.equal(limited.status, 422);
    assert.equal(limited.body.error, 'limit_not_met');

    // The first token was never spent: the approved order still goes through.
    assert.equal((await placeOrder(issuer, token, { action: 'buy', ticker: 'ACME', qty: 10 })).status, 201);
  });

  test('no trade_authorization: 403 insufficient_authorization_details; malformed: 400; unknown ticker: 400', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const plain = (await approvedCibaTokens(issuer, { authorization_details: undefined })).access_token;
    const none = await placeOrder(issuer, plain, { action: 'buy', ticker: 'ACME', qty: 1 });
    assert.equal(none.status, 403);
    assert.equal(none.body.error, 'insufficient_authorization_details');

    const token = await tradeToken(issuer);
    const malformed = [
      { body: '{', headers: { 'content-type': 'application/json' } },
      { body: 'action=buy', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { json: [] },
      { json: { ticker: 'ACME', qty: 10 } },
      { json: { action: 'hold', ticker: 'ACME', qty: 10 } },
      { json: { action: 'buy', ticker: '', qty: 10 } },
      { json: { action: 'buy', ticker: 'ACME', qty: 0 } },
      { json: { action: 'buy', ticker: 'ACME', qty: 2.5 } },
      { json: { action: 'buy', ticker: 'ACME', qty: '10' } },
      { json: { action: 'buy', ticker: 'ACME', qty: 10, limit_price: 12.345 } },
      { json: { action: 'buy', ticker: 'ACME', qty: 10, limit_price: '12.5' } },
    ];
    for (const request of malformed) {
      const res = await apiRequest(issuer, token, { method: 'POST', path: '/api/stock/orders', ...request });
      assert.equal(res.status, 400, JSON.stringify(request));
      assert.equal(res.body.error, 'invalid_request');
      assert.ok(res.body.error_description);
    }
    const unknown = await placeOrder(issuer, token, { action: 'buy', ticker: 'NOPE', qty: 10 });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error, 'unknown_ticker');
  });

  test('tokens: 401 without one or for another API, 403 insufficient_scope without stock:trade', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const order = { action: 'buy', ticker: 'ACME', qty: 10 };

    for (const res of [await placeOrder(issuer, undefined, order), await listOrders(issuer, undefined)]) {
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      assert.equal(res.body.error, 'unauthorized');
    }

    const dataToken = (await approvedDeviceTokens(issuer)).access_token; // a JWT for the data API
    const foreign = await placeOrder(issuer, dataToken, order);
    assert.equal(foreign.status, 401);
    assert.equal(foreign.body.error, 'invalid_token');
    assert.equal(
      foreign.headers.get('www-authenticate'),
      'Bearer error="invalid_token", error_description="the access token is not for https://api.sandbox.countersign.dev/stock"',
    );
    const expired = await mintAccessToken(data, issuer, {
      audience: STOCK_API, scope: 'stock:trade', claims: { exp: Math.floor(Date.now() / 1000) - 5 },
    });
    assert.match((await listOrders(issuer, expired)).headers.get('www-authenticate'), /error="invalid_token", error_description="the access token has expired"/);

    const noScope = await mintAccessToken(data, issuer, { audience: STOCK_API, scope: 'payments:initiate' });
    for (const res of [await placeOrder(issuer, noScope, order), await listOrders(issuer, noScope)]) {
      assert.equal(res.status, 403);
      assert.equal(res.body.error, 'insufficient_scope');
      assert.equal(
        res.headers.get('www-authenticate'),
        'Bearer error="insufficient_scope", scope="stock:trade", error_description="the access token lacks the stock:trade scope"',
      );
    }
  });

  test('orders: each user sees their own, newest first; a restart keeps them and the spent tokens', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data });
    const acme = await tradeToken(first.issuer);
    const globex = await tradeToken(first.issuer, {
      type: 'trade_authorization', action: 'buy', ticker: 'GLOBEX', qty: 2,
    });
    const bobs = await tradeToken(first.issuer, { ...TRADE, qty: 1 }, 'bob');
    assert.equal((await placeOrder(first.issuer, acme, { action: 'buy', ticker: 'ACME', qty: 10 })).status, 201);
    assert.equal((await placeOrder(first.issuer, globex, { action: 'buy', ticker: 'GLOBEX', qty: 2 })).status, 201);
    assert.equal((await placeOrder(first.issuer, bobs, { action: 'buy', ticker: 'ACME', qty: 1 })).status, 201);

    const before = await listOrders(first.issuer, acme);
    assert.deepEqual(before.body.orders.map((o) => o.ticker), ['GLOBEX', 'ACME'], 'newest first');
    assert.ok(before.body.orders.every((o) => o.account === 'alice'));
    const bobList = await listOrders(first.issuer, bobs);
    assert.deepEqual(bobList.body.orders.map((o) => [o.account, o.qty]), [['bob', 1]]);
    assert.equal((await first.stop()).code, 0);

    // Same port -> same issuer: the tokens from before the restart still verify.
    const second = await startSandbox(t, { data, port: first.port });
    assert.deepEqual((await listOrders(second.issuer, acme)).body, before.body);
    const again = await placeOrder(second.issuer, acme, { action: 'buy', ticker: 'ACME', qty: 10 });
    assert.equal(again.status, 409, 'a spent token stays spent');
  });
});
