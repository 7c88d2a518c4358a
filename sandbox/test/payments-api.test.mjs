// The payments API: payments made with a CIBA-approved token (exactly the
// approved payment_initiation, once), mismatches, token checks, bodies, the
// payment list and its persistence.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it as test } from 'node:test';

import {
  apiRequest, approvedCibaTokens, makeDataDir, mintAccessToken, PAYMENTS_API, startSandbox, STOCK_API, TRADE,
} from '../test-support/harness.mjs';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const PAYMENT_MEMBERS = ['id', 'account', 'client_id', 'amount', 'currency', 'creditor', 'status', 'created_at'];
// What the desktop agent's make_payment tool asks for: "Pay 25 EUR to Erika".
const ERIKA = {
  type: 'payment_initiation',
  instructedAmount: { amount: '25.00', currency: 'EUR' },
  creditorName: 'Erika',
};

const pay = (issuer, token, json) => apiRequest(issuer, token, { method: 'POST', path: '/api/payments', json });
const listPayments = (issuer, token) => apiRequest(issuer, token, { path: '/api/payments' });

// An approved payment's token response (demo-agent, CIBA, approved by `user`).
function approvedPayment(issuer, detail = ERIKA, user = 'alice') {
  return approvedCibaTokens(issuer, { scope: 'openid payments:initiate', authorization_details: [detail] }, { user });
}

async function paymentToken(issuer, detail = ERIKA, user = 'alice') {
  return (await approvedPayment(issuer, detail, user)).access_token;
}

describe('payments API', { concurrency: 3 }, () => {
  test('a CIBA-approved payment is executed exactly once: 201, listed, then 409 authorization_used', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const tokens = await approvedPayment(issuer);
    assert.deepEqual(tokens.authorization_details, [ERIKA], 'the token response repeats the approved details');
    const token = tokens.access_token;

    // "25" is 25.00; the creditor is compared after trimming.
    const paid = await pay(issuer, token, { amount: '25', currency: 'EUR', creditor: ' Erika ' });
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    assert.equal(paid.headers.get('cache-control'), 'no-store');
    assert.deepEqual(Object.keys(paid.body), PAYMENT_MEMBERS);
    const { id, created_at: createdAt, ...rest } = paid.body;
    assert.match(id, /^pay_[A-Za-z0-9_-]{16}$/);
    assert.match(createdAt, ISO);
    assert.deepEqual(rest, {
      account: 'alice', client_id: 'demo-agent', amount: '25.00', currency: 'EUR', creditor: 'Erika', status: 'executed',
    });

    const again = await pay(issuer, token, { amount: '25.00', currency: 'EUR', creditor: 'Erika' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'authorization_used');
    assert.ok(again.body.error_description);

    // A numeric amount, a lowercase currency, and an approval with the optional fields.
    const second = await paymentToken(issuer, {
      ...ERIKA,
      instructedAmount: { amount: 7.5, currency: 'EUR' },
      creditorAccount: { iban: 'DE89 3704 0044 0532 0130 00' },
      remittanceInformationUnstructured: 'Lunch',
    });
    const numeric = await pay(issuer, second, { amount: 7.5, currency: 'eur', creditor: 'Erika' });
    assert.equal(numeric.status, 201, JSON.stringify(numeric.body));
    assert.equal(numeric.body.amount, '7.50');
    assert.equal(numeric.body.currency, 'EUR');

    const listed = await listPayments(issuer, token);
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body, { payments: [numeric.body, paid.body] }, 'newest first, as answered');

    // Only the caller's own payments.
    const bob = await mintAccessToken(data, issuer, { audience: PAYMENTS_API, scope: 'payments:initiate', claims: { sub: 'bob' } });
    assert.deepEqual((await listPayments(issuer, bob)).body, { payments: [] });
  });

  test('payments that differ from the approval: 403 authorization_details_mismatch saying what differs; the token stays unused', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const token = await paymentToken(issuer); // 25.00 EUR to Erika
    const mismatches = [
      [{ amount: '30', currency: 'EUR', creditor: 'Erika' }, /the approval is for 25.00 EUR, this payment is for 30.00 EUR/],
      [{ amount: '25.01', currency: 'EUR', creditor: 'Erika' }, /the approval is for 25.00 EUR, this payment is for 25.01 EUR/],
      [{ amount: '25', currency: 'USD', creditor: 'Erika' }, /the approval is in EUR, this payment is in USD/],
      [{ amount: '25', currency: 'EUR', creditor: 'Max' }, /the approval is to pay Erika, this payment is to Max/],
      [{ amount: '25', currency: 'EUR', creditor: 'erika' }, /the approval is to pay Erika, this payment is to erika/],
      [{ amount: '25', currency: 'EUR', creditor: 'Erika "E" M\\' }, /^the approval is for another creditor$/],
    ];
    for (const [payment, description] of mismatches) {
      const res = await pay(issuer, token, payment);
      assert.equal(res.status, 403, JSON.stringify(payment));
      assert.equal(res.body.error, 'authorization_details_mismatch', JSON.stringify(res.body));
      assert.match(res.body.error_description, description);
    }
    assert.deepEqual((await listPayments(issuer, token)).body.payments, [], 'nothing was paid');

    // A payments token without any payment_initiation.
    const bare = await mintAccessToken(data, issuer, { audience: PAYMENTS_API, scope: 'payments:initiate' });
    const none = await pay(issuer, bare, { amount: '25', currency: 'EUR', creditor: 'Erika' });
    assert.equal(none.status, 403);
    assert.equal(none.body.error, 'insufficient_authorization_details');
    const tradeOnly = await mintAccessToken(data, issuer, {
      audience: PAYMENTS_API, scope: 'payments:initiate', claims: { authorization_details: [TRADE] },
    });
    assert.equal((await pay(issuer, tradeOnly, { amount: '25', currency: 'EUR', creditor: 'Erika' })).body.error, 'insufficient_authorization_details');

    // Several approved payments: any one that fits will do.
    const two = await mintAccessToken(data, issuer, {
      audience: PAYMENTS_API,
      scope: 'payments:initiate',
      claims: { authorization_details: [ERIKA, { ...ERIKA, creditorName: 'Max', instructedAmount: { amount: '5', currency: 'EUR' } }] },
    });
    const toMax = await pay(issuer, two, { amount: '6', currency: 'EUR', creditor: 'Max' });
    assert.match(toMax.body.error_description, /the approval is for 5.00 EUR, this payment is for 6.00 EUR/, 'explained against Max');
    assert.equal((await pay(issuer, two, { amount: '5.00', currency: 'EUR', creditor: 'Max' })).status, 201);

    // The first token was never spent: the approved payment still goes through.
    assert.equal((await pay(issuer, token, { amount: '25.00', currency: 'EUR', creditor: 'Erika' })).status, 201);
  });

  test('token problems: 401 without a token or with another API\'s, 403 insufficient_scope', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const body = { amount: '25', currency: 'EUR', creditor: 'Erika' };

    for (const method of ['POST', 'GET']) {
      const none = await apiRequest(issuer, undefined, { method, path: '/api/payments', json: method === 'POST' ? body : undefined });
      assert.equal(none.status, 401, method);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      assert.equal(none.body.error, 'unauthorized');
    }

    const garbage = await pay(issuer, 'not-a-token', body);
    assert.equal(garbage.status, 401);
    assert.equal(garbage.body.error, 'invalid_token');
    assert.match(garbage.headers.get('www-authenticate'), /^Bearer error="invalid_token"/);

    // An approved trade is a token for the stock API, not this one.
    const stock = await approvedCibaTokens(issuer);
    const otherApi = await pay(issuer, stock.access_token, body);
    assert.equal(otherApi.status, 401);
    assert.equal(otherApi.body.error, 'invalid_token');

    const wrongScope = await mintAccessToken(data, issuer, {
      audience: PAYMENTS_API, scope: 'stock:trade', claims: { authorization_details: [ERIKA] },
    });
    for (const method of ['POST', 'GET']) {
      const res = await apiRequest(issuer, wrongScope, { method, path: '/api/payments', json: method === 'POST' ? body : undefined });
      assert.equal(res.status, 403, method);
      assert.equal(res.body.error, 'insufficient_scope');
      assert.match(res.headers.get('www-authenticate'), /^Bearer error="insufficient_scope", scope="payments:initiate"/);
    }
    const stockAudience = await mintAccessToken(data, issuer, { audience: STOCK_API, scope: 'payments:initiate' });
    assert.equal((await pay(issuer, stockAudience, body)).status, 401);

    const put = await apiRequest(issuer, undefined, { method: 'PUT', path: '/api/payments' });
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'POST, GET');
  });

  test('malformed bodies: 400 invalid_request naming the field; the token stays unused', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const token = await mintAccessToken(data, issuer, {
      audience: PAYMENTS_API, scope: 'payments:initiate', claims: { authorization_details: [ERIKA] },
    });
    const ok = { amount: '25', currency: 'EUR', creditor: 'Erika' };
    const cases = [
      [{ ...ok, amount: '0' }, /amount/],
      [{ ...ok, amount: '-5' }, /amount/],
      [{ ...ok, amount: '1.234' }, /amount/],
      [{ ...ok, amount: '25 EUR' }, /amount/],
      [{ ...ok, amount: 1e21 }, /amount/],
      [{ ...ok, amount: undefined }, /amount/],
      [{ ...ok, currency: 'EURO' }, /currency/],
      [{ ...ok, currency: 978 }, /currency/],
      [{ ...ok, creditor: '   ' }, /creditor/],
      [{ ...ok, creditor: 'x'.repeat(141) }, /creditor/],
      [{ ...ok, creditor: undefined }, /creditor/],
      [[ok], /JSON object/],
    ];
    for (const [json, description] of cases) {
      const res = await pay(issuer, token, json);
      assert.equal(res.status, 400, JSON.stringify(json));
      assert.equal(res.body.error, 'invalid_request');
      assert.match(res.body.error_description, description, JSON.stringify(json));
      assert.doesNotMatch(res.body.error_description, /["\\]/, 'RFC 6749 error_description characters');
    }
    const notJson = await apiRequest(issuer, token, {
      method: 'POST', path: '/api/payments', body: '{', headers: { 'content-type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error, 'invalid_request');
    assert.equal((await pay(issuer, token, ok)).status, 201);
  });

  test('payments and spent tokens survive a restart (DATA/payments.json)', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data });
    const token = await paymentToken(first.issuer);
    const paid = await pay(first.issuer, token, { amount: '25.00', currency: 'EUR', creditor: 'Erika' });
    assert.equal(paid.status, 201);
    assert.equal((await first.stop()).code, 0);

    const stored = JSON.parse(await readFile(path.join(data, 'payments.json'), 'utf8'));
    assert.equal(stored.version, 1);
    assert.deepEqual(stored.payments, [paid.body]);

    const second = await startSandbox(t, { data, port: first.port });
    assert.deepEqual((await listPayments(second.issuer, token)).body, { payments: [paid.body] });
    assert.equal((await pay(second.issuer, token, { amount: '25.00', currency: 'EUR', creditor: 'Erika' })).status, 409);
  });
});
