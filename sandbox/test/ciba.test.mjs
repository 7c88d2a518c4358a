// CIBA backchannel authentication requests: endpoint, client authentication,
// login_hint, binding_message, requested_expiry, RAR validation, the API a
// request targets, interval / slow_down and expiry.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it as test } from 'node:test';

import {
  AGENT, approvalsToken, CIBA_GRANT, cibaAuthorize, listApprovals, makeDataDir, PAYMENT, PAYMENTS_API, pollToken,
  startSandbox, STOCK_API, TRADE,
} from '../test-support/harness.mjs';

// Each test owns its sandbox; a few run at once so their waits overlap.
describe('CIBA backchannel authentication', { concurrency: 3 }, () => {
  test('discovery advertises CIBA (poll and ping), the RAR types and the approval channel', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const d = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    assert.equal(d.backchannel_authentication_endpoint, `${issuer}/backchannel`);
    assert.deepEqual(d.backchannel_token_delivery_modes_supported, ['poll', 'ping']);
    assert.ok(d.grant_types_supported.includes(CIBA_GRANT));
    assert.deepEqual(d.authorization_details_types_supported, ['trade_authorization', 'payment_initiation']);
    assert.equal(d.countersign_approvals_endpoint, `${issuer}/approvals`);
    assert.equal(d.countersign_approvals_resource, 'https://api.sandbox.countersign.dev/approvals');
  });

  test('bc-authorize answers at both paths, with client_secret_basic and client_secret_post', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    for (const path of ['/backchannel', '/bc-authorize']) {
      for (const auth of ['basic', 'post']) {
        const { status, body, headers } = await cibaAuthorize(issuer, { binding_message: `${path.slice(1)} ${auth}` }, { path, auth });
        assert.equal(status, 200, `${path} ${auth}: ${JSON.stringify(body)}`);
        assert.match(body.auth_req_id, /^[A-Za-z0-9_-]{20,}$/);
        assert.equal(body.expires_in, 300);
        assert.equal(body.interval, 5, 'interval is always announced (default 5 s)');
        assert.equal(headers.get('cache-control'), 'no-store');
      }
    }
    const wrong = await cibaAuthorize(issuer, {}, { client: { ...AGENT, secret: 'wrong' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'invalid_client');
    const wrongAlias = await cibaAuthorize(issuer, {}, { client: { ...AGENT, secret: 'wrong' }, path: '/bc-authorize', auth: 'post' });
    assert.equal(wrongAlias.body.error, 'invalid_client');
  });

  test('login_hint accepts the subject, the email and the iss_sub JSON; others are unknown_user_id', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const accepted = {
      subject: 'alice',
      email: 'alice@example.com',
      'email any case': 'Alice@Example.COM',
      'iss_sub JSON': JSON.stringify({ format: 'iss_sub', iss: issuer, sub: 'alice' }),
      'iss_sub JSON, trailing slash': JSON.stringify({ format: 'iss_sub', iss: `${issuer}/`, sub: 'alice' }),
    };
    for (const [label, hint] of Object.entries(accepted)) {
      const { status, body } = await cibaAuthorize(issuer, { login_hint: hint, binding_message: label.replace(/[^A-Za-z ]/g, '') });
      assert.equal(status, 200, `${label}: ${JSON.stringify(body)}`);
    }
    const bobs = await cibaAuthorize(issuer, { login_hint: 'bob@example.com', binding_message: 'for bob' });
    assert.equal(bobs.status, 200);

    // Each request reached the user its hint named.
    const alice = await listApprovals(issuer, (await approvalsToken(issuer, 'alice')).accessToken);
    assert.equal(alice.body.approvals.length, Object.keys(accepted).length);
    const bob = await listApprovals(issuer, (await approvalsToken(issuer, 'bob')).accessToken);
    assert.deepEqual(bob.body.approvals.map((a) => a.binding_message), ['for bob']);

    const refused = [
      ['mallory', 'unknown_user_id'],
      ['mallory@example.com', 'unknown_user_id'],
      [JSON.stringify({ format: 'iss_sub', iss: 'https://elsewhere.example/', sub: 'alice' }), 'unknown_user_id'],
      [JSON.stringify({ format: 'iss_sub', iss: issuer, sub: 'mallory' }), 'unknown_user_id'],
      [JSON.stringify({ format: 'email', email: 'alice@example.com' }), 'invalid_request'],
      ['{not json', 'invalid_request'],
    ];
    for (const [hint, error] of refused) {
      const { status, body } = await cibaAuthorize(issuer, { login_hint: hint });
      assert.equal(status, 400, hint);
      assert.equal(body.error, error, `${hint}: ${JSON.stringify(body)}`);
      assert.ok(body.error_description, hint);
    }

    for (const param of ['login_hint_token', 'id_token_hint']) {
      const { body } = await cibaAuthorize(issuer, { login_hint: undefined, [param]: 'eyJhbGciOiJub25lIn0.e30.' });
      assert.equal(body.error, 'invalid_request', param);
      assert.match(body.error_description, new RegExp(`${param} is not supported`));
    }
    const none = await cibaAuthorize(issuer, { login_hint: undefined });
    assert.equal(none.body.error, 'invalid_request');
  });

  test('binding_message is required: 1-64 of letters, digits, space and +-_.,:#', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    for (const good of ['Buy 10 ACME', 'x', 'A'.repeat(64), 'Aa0 +-_.,:#']) {
      const { status, body } = await cibaAuthorize(issuer, { binding_message: good });
      assert.equal(status, 200, `${good}: ${JSON.stringify(body)}`);
    }
    for (const bad of [undefined, 'A'.repeat(65), 'Hello!', 'caf\u00e9', 'two\nlines', 'a/b', '<b>']) {
      const { status, body } = await cibaAuthorize(issuer, { binding_message: bad });
      assert.equal(status, 400, String(bad));
      assert.equal(body.error, 'invalid_binding_message', `${bad}: ${JSON.stringify(body)}`);
      assert.match(body.error_description, bad === undefined ? /required/ : /1 to 64 characters/);
    }
  });

  test('requested_expiry: default 300 s, honoured up to 3600 s', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    assert.equal((await cibaAuthorize(issuer)).body.expires_in, 300);
    assert.equal((await cibaAuthorize(issuer, { requested_expiry: '60' })).body.expires_in, 60);
    assert.equal((await cibaAuthorize(issuer, { requested_expiry: '3600' })).body.expires_in, 3600);
    const tooLong = await cibaAuthorize(issuer, { requested_expiry: '3601' });
    assert.equal(tooLong.body.error, 'invalid_request');
    assert.match(tooLong.body.error_description, /at most 3600 seconds/);
    for (const bad of ['0', '-5', 'soon', '1.5']) {
      assert.equal((await cibaAuthorize(issuer, { requested_expiry: bad })).body.error, 'invalid_request', bad);
    }
  });

  test('authorization_details are validated field by field', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const trade = (change) => ({ ...TRADE, ...change });
    const payment = (change) => ({ ...PAYMENT, ...change });
    const cases = [
      [trade({ action: 'hold' }), /trade_authorization\.action/],
      [trade({ ticker: '1ACME' }), /trade_authorization\.ticker/],
      [trade({ ticker: 'acme' }), /trade_authorization\.ticker/],
      [trade({ ticker: 'ABCDEFGHIJK' }), /trade_authorization\.ticker/],
      [trade({ qty: 0 }), /trade_authorization\.qty/],
      [trade({ qty: 1.5 }), /trade_authorization\.qty/],
      [trade({ qty: 1000001 }), /trade_authorization\.qty/],
      [trade({ qty: '10' }), /trade_authorization\.qty/],
      [trade({ limit_price: -1 }), /trade_authorization\.limit_price/],
      [trade({ limit_price: 10.005 }), /trade_authorization\.limit_price/],
      [trade({ limit_price: '10.00' }), /trade_authorization\.limit_price/],
      [trade({ currency: 'usd' }), /trade_authorization\.currency/],
      [trade({ currency: 'EURO' }), /trade_authorization\.currency/],
      [trade({ note: 'hi' }), /trade_authorization: unknown field note/],
      [payment({ instructedAmount: { amount: '0', currency: 'EUR' } }), /instructedAmount\.amount/],
      [payment({ instructedAmount: { amount: '1.234', currency: 'EUR' } }), /instructedAmount\.amount/],
      [payment({ instructedAmount: { amount: '-3', currency: 'EUR' } }), /instructedAmount\.amount/],
      [payment({ instructedAmount: { amount: '12', currency: 'eur' } }), /instructedAmount\.currency/],
      [payment({ instructedAmount: { amount: '12', currency: 'EUR', fx: 1 } }), /instructedAmount: unknown field fx/],
      [payment({ instructedAmount: '12 EUR' }), /payment_initiation\.instructedAmount must be an object/],
      [payment({ creditorName: '' }), /creditorName/],
      [payment({ creditorName: 'x'.repeat(141) }), /creditorName/],
      [payment({ creditorAccount: { iban: 'DE89 3704 0044 0532 0130 01' } }), /creditorAccount\.iban is not a valid IBAN/],
      [payment({ creditorAccount: { iban: 'not an iban' } }), /creditorAccount\.iban/],
      [payment({ creditorAccount: { iban: 'DE89370400440532013000', bic: 'X' } }), /creditorAccount: unknown field bic/],
      [payment({ remittanceInformation: 'r'.repeat(141) }), /remittanceInformation/],
      [payment({ remittanceInformationUnstructured: 'r'.repeat(141) }), /remittanceInformationUnstructured must be/],
      [payment({ creditorName: '   ' }), /creditorName must not be blank/],
      [payment({ creditorAccount: null }), /creditorAccount must be an object/],
      [payment({ debtor: 'me' }), /payment_initiation: unknown field debtor/],
      [trade({ 'say "hi"': 1 }), /trade_authorization: unknown field \(with unusual characters\)/],
    ];
    for (const [detail, message] of cases) {
      const scope = detail.type === 'trade_authorization' ? 'openid stock:trade' : 'openid payments:initiate';
      const { status, body } = await cibaAuthorize(issuer, { scope, authorization_details: [detail] });
      assert.equal(status, 400, JSON.stringify(detail));
      assert.equal(body.error, 'invalid_authorization_details', `${JSON.stringify(detail)}: ${JSON.stringify(body)}`);
      assert.match(body.error_description, message, JSON.stringify(detail));
      assert.doesNotMatch(body.error_description, /["\\]/, 'RFC 6749 error_description characters');
    }

    const unknownType = await cibaAuthorize(issuer, { authorization_details: [{ type: 'wire_transfer' }] });
    assert.equal(unknownType.body.error, 'invalid_authorization_details');
    const notJson = await cibaAuthorize(issuer, { authorization_details: '[{' });
    assert.equal(notJson.body.error, 'invalid_authorization_details');

    // Valid variants: a numeric amount, an IBAN without spaces, no optional
    // fields (no creditorAccount either), RFC 9396's remittance field name.
    for (const detail of [
      { type: 'payment_initiation', instructedAmount: { amount: '25.00', currency: 'EUR' }, creditorName: 'Erika' },
      { ...PAYMENT, remittanceInformation: undefined, remittanceInformationUnstructured: 'Ref Number Merchant' },
      payment({ instructedAmount: { amount: 99.9, currency: 'CHF' }, creditorAccount: { iban: 'GB82WEST12345698765432' } }),
      { type: 'payment_initiation', instructedAmount: { amount: '5', currency: 'EUR' }, creditorName: 'X', creditorAccount: { iban: 'DE89370400440532013000' } },
      { type: 'trade_authorization', action: 'sell', ticker: 'BRK.B', qty: 1000000 },
    ]) {
      const { status, body } = await cibaAuthorize(issuer, { scope: 'openid', authorization_details: [detail] });
      assert.equal(status, 200, `${JSON.stringify(detail)}: ${JSON.stringify(body)}`);
    }
  });

  test('one request targets one API: default resource from scope or details, invalid_target otherwise', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const both = await cibaAuthorize(issuer, { scope: 'openid stock:trade payments:initiate', authorization_details: undefined });
    assert.equal(both.status, 400);
    assert.equal(both.body.error, 'invalid_target');
    assert.match(both.body.error_description, /one API/);

    const mixedDetails = await cibaAuthorize(issuer, { scope: 'openid', authorization_details: [TRADE, PAYMENT] });
    assert.equal(mixedDetails.body.error, 'invalid_target');

    const scopeElsewhere = await cibaAuthorize(issuer, { scope: 'openid stock:trade payments:initiate', resource: STOCK_API });
    assert.equal(scopeElsewhere.body.error, 'invalid_target');
    assert.match(scopeElsewhere.body.error_description, /payments:initiate is for https:\/\/api\.sandbox\.countersign\.dev\/payments/);

    const detailsElsewhere = await cibaAuthorize(issuer, { scope: 'openid payments:initiate', resource: PAYMENTS_API, authorization_details: [TRADE] });
    assert.equal(detailsElsewhere.body.error, 'invalid_authorization_details');
    assert.match(detailsElsewhere.body.error_description, /trade_authorization details are for https:\/\/api\.sandbox\.countersign\.dev\/stock/);

    const stockByDefault = await cibaAuthorize(issuer, { scope: 'openid stock:trade', authorization_details: undefined });
    assert.equal(stockByDefault.status, 200, 'the stock API is the default for stock:trade');
    const explicit = await cibaAuthorize(issuer, { scope: 'openid stock:trade', resource: STOCK_API });
    assert.equal(explicit.status, 200);

    // The approvals and profile APIs are not for agents.
    const approvals = await cibaAuthorize(issuer, { scope: 'openid approvals', resource: 'https://api.sandbox.countersign.dev/approvals', authorization_details: undefined });
    assert.equal(approvals.body.error, 'invalid_target');
    // The agents' OpenID scopes are limited too.
    const email = await cibaAuthorize(issuer, { scope: 'openid email stock:trade' });
    assert.equal(email.body.error, 'invalid_scope');
  });

  test('polls: interval announced, slow_down (+5 s) when too early, authorization_pending otherwise', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t), args: ['--ciba-interval', '1'] });
    const { body: request } = await cibaAuthorize(issuer);
    assert.equal(request.interval, 1);

    // First poll right after issuance: too early.
    const early = await pollToken(issuer, request.auth_req_id);
    assert.equal(early.status, 400);
    assert.equal(early.body.error, 'slow_down');
    assert.match(early.body.error_description, /at least 6 seconds/);

    // Another request, polled politely: pending, then too early again.
    const { body: polite } = await cibaAuthorize(issuer, { binding_message: 'polite' });
    await sleep(1050);
    const pending = await pollToken(issuer, polite.auth_req_id, { auth: 'post' });
    assert.equal(pending.body.error, 'authorization_pending', JSON.stringify(pending.body));
    const again = await pollToken(issuer, polite.auth_req_id);
    assert.equal(again.body.error, 'slow_down');
    assert.match(again.body.error_description, /at least 6 seconds/);
    const third = await pollToken(issuer, polite.auth_req_id);
    assert.match(third.body.error_description, /at least 11 seconds/, 'each early poll adds 5 s');

    // Someone else's request id is not this client's business.
    const other = await pollToken(issuer, 'no-such-request');
    assert.equal(other.body.error, 'invalid_grant');
  });

  test('an expired request gets expired_token, also after a restart', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data, args: ['--ciba-interval', '1'] });
    const { body } = await cibaAuthorize(first.issuer, { requested_expiry: '1' });
    assert.equal(body.expires_in, 1);
    await sleep(1100);
    const expired = await pollToken(first.issuer, body.auth_req_id);
    assert.equal(expired.body.error, 'expired_token', JSON.stringify(expired.body));

    assert.equal((await first.stop()).code, 0);
    const second = await startSandbox(t, { data, port: first.port });
    const afterRestart = await pollToken(second.issuer, body.auth_req_id);
    assert.equal(afterRestart.body.error, 'expired_token', JSON.stringify(afterRestart.body));
  });
});
