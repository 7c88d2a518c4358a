// The federated token exchange (Token Vault stand-in) and the calendar
// stand-in behind it: which subject tokens are accepted, what the exchanged
// token is, who is connected, and that the calendar accepts nothing else.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it as test } from 'node:test';

import * as jose from 'jose';

import {
  ACCESS_TOKEN_TYPE, AGENT, apiRequest, approvedCibaTokens, CALENDAR_API, CALENDAR_SCOPE, CLIENT_ID, desktopTokens,
  DOCS_API, FEDERATED_GRANT, FEDERATED_TOKEN_TYPE, makeDataDir, mintAccessToken, refresh, REFRESH_TOKEN_TYPE, startSandbox,
  STOCK_API, TOKEN_EXCHANGE_GRANT, tokenExchange, verifyAccessToken,
} from '../test-support/harness.mjs';

const NOT_CONNECTED = {
  error: 'federated_connection_refresh_token_not_found',
  error_description: 'Federated connection Refresh Token not found.',
};
const DATE = '2025-06-02';

const freeBusy = (issuer, token, query = `?date=${DATE}`) => apiRequest(issuer, token, { path: `/api/calendar/freebusy${query}` });

function withRefreshToken(refreshToken, extra = {}) {
  return { subject_token: refreshToken, subject_token_type: REFRESH_TOKEN_TYPE, ...extra };
}

function withAccessToken(accessToken, extra = {}) {
  return { subject_token: accessToken, subject_token_type: ACCESS_TOKEN_TYPE, ...extra };
}

// Busy and free ranges alternate without gaps or overlaps from 09:00 to 17:00.
function assertCoversWorkingDay(answer) {
  const ranges = [...answer.busy, ...answer.free].sort((a, b) => a.start.localeCompare(b.start));
  assert.equal(ranges[0].start, `${answer.date}T09:00:00Z`);
  assert.equal(ranges.at(-1).end, `${answer.date}T17:00:00Z`);
  for (let i = 1; i < ranges.length; i += 1) assert.equal(ranges[i].start, ranges[i - 1].end, 'contiguous');
}

describe('token exchange and the calendar stand-in', { concurrency: 3 }, () => {
  test('alice\'s refresh token -> a calendar token (ES256 at+jwt, connection google-oauth2) -> free/busy', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const alice = await desktopTokens(issuer, 'alice');

    const exchanged = await tokenExchange(issuer, withRefreshToken(alice.refreshToken));
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    assert.equal(exchanged.headers.get('cache-control'), 'no-store');
    const { access_token: calendarToken, ...rest } = exchanged.body;
    assert.deepEqual(rest, {
      issued_token_type: FEDERATED_TOKEN_TYPE, token_type: 'Bearer', expires_in: 600, scope: CALENDAR_SCOPE,
    });

    const { payload, protectedHeader } = await verifyAccessToken(issuer, calendarToken, CALENDAR_API);
    assert.equal(protectedHeader.typ, 'at+jwt');
    assert.equal(protectedHeader.alg, 'ES256');
    assert.deepEqual(Object.keys(payload).sort(), ['aud', 'client_id', 'connection', 'exp', 'iat', 'iss', 'jti', 'scope', 'sub']);
    assert.equal(payload.iss, issuer);
    assert.equal(payload.aud, CALENDAR_API);
    assert.equal(payload.sub, 'alice');
    assert.equal(payload.connection, 'google-oauth2');
    assert.equal(payload.client_id, CLIENT_ID);
    assert.equal(payload.scope, CALENDAR_SCOPE);
    assert.equal(payload.exp - payload.iat, 600);

    const busy = await freeBusy(issuer, calendarToken);
    assert.equal(busy.status, 200, JSON.stringify(busy.body));
    assert.deepEqual(Object.keys(busy.body), ['date', 'timezone', 'busy', 'free']);
    assert.equal(busy.body.date, DATE);
    assert.equal(busy.body.timezone, 'UTC');
    assertCoversWorkingDay(busy.body);
    assert.deepEqual((await freeBusy(issuer, calendarToken)).body, busy.body, 'the same answer every time');
    const today = await freeBusy(issuer, calendarToken, '');
    assert.equal(today.body.date, new Date().toISOString().slice(0, 10), 'no date: today (UTC)');
    assertCoversWorkingDay(today.body);

    // The exchange does not use the refresh token up.
    assert.equal((await refresh(issuer, alice.refreshToken)).status, 200);
  });

  test('access tokens work as subject tokens too (opaque or JWT), under Auth0\'s grant name as well', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const opaque = await desktopTokens(issuer, 'alice');
    const docs = await desktopTokens(issuer, 'alice', { resource: DOCS_API });
    const cases = {
      'opaque access token': withAccessToken(opaque.accessToken),
      'JWT access token (docs API)': withAccessToken(docs.accessToken),
      'Auth0 grant, all parameters': withAccessToken(opaque.accessToken, {
        grant_type: FEDERATED_GRANT, requested_token_type: FEDERATED_TOKEN_TYPE, login_hint: 'ignored',
      }),
      'Auth0 grant, refresh token': withRefreshToken(docs.refreshToken, { grant_type: FEDERATED_GRANT }),
    };
    for (const [label, params] of Object.entries(cases)) {
      const res = await tokenExchange(issuer, params);
      assert.equal(res.status, 200, `${label}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.issued_token_type, FEDERATED_TOKEN_TYPE, label);
      assert.equal((await freeBusy(issuer, res.body.access_token)).status, 200, label);
    }
  });

  test('demo-agent exchanges its own CIBA token', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const agent = await approvedCibaTokens(issuer);
    const res = await tokenExchange(issuer, withAccessToken(agent.access_token), { client: AGENT });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { payload } = await verifyAccessToken(issuer, res.body.access_token, CALENDAR_API);
    assert.equal(payload.client_id, 'demo-agent');
    assert.equal(payload.sub, 'alice');
  });

  test('bob has no Google connection: 401 federated_connection_refresh_token_not_found, exactly as Auth0', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const bob = await desktopTokens(issuer, 'bob');
    for (const params of [withRefreshToken(bob.refreshToken), withAccessToken(bob.accessToken, { grant_type: FEDERATED_GRANT })]) {
      const res = await tokenExchange(issuer, params);
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, NOT_CONNECTED);
    }
  });

  test('subject tokens that are garbage, expired, revoked, used or another client\'s: invalid_grant', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const alice = await desktopTokens(issuer, 'alice');
    const agent = await approvedCibaTokens(issuer);
    const calendar = (await tokenExchange(issuer, withRefreshToken(alice.refreshToken))).body.access_token;
    const rotated = await desktopTokens(issuer, 'alice');
    await refresh(issuer, rotated.refreshToken); // rotates: the old one is used up
    const revoked = await desktopTokens(issuer, 'alice');
    const revocation = await fetch(`${issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, token: revoked.refreshToken }),
    });
    assert.equal(revocation.status, 200);
    const { privateKey: otherKey } = await jose.generateKeyPair('ES256');
    const mint = (claims, options = {}) => mintAccessToken(data, issuer, {
      audience: STOCK_API, scope: 'stock:trade', claims, ...options,
    });

    const cases = {
      'garbage refresh token': [withRefreshToken('not-a-token'), /not a refresh token of this server/],
      'access token sent as a refresh token': [withRefreshToken(alice.accessToken), /not a refresh token/],
      'garbage access token': [withAccessToken('not-a-token'), /not an access token of this server/],
      'garbage JWT': [withAccessToken('a.b.c'), /subject_token is not a JWT access token/],
      'expired JWT': [withAccessToken(await mint({ exp: Math.floor(Date.now() / 1000) - 5 })), /subject_token has expired/],
      'JWT signed elsewhere': [withAccessToken(await mint({}, { signWith: otherKey })), /signature does not verify/],
      'JWT of another issuer': [withAccessToken(await mint({ iss: 'https://elsewhere.example' })), /not issued by this server/],
      'the demo agent\'s token': [withAccessToken(agent.access_token), /issued to another client/],
      'a calendar token': [withAccessToken(calendar), /not for an API of this server/],
      'used refresh token': [withRefreshToken(rotated.refreshToken), /already been used/],
      'revoked refresh token': [withRefreshToken(revoked.refreshToken), /not a refresh token of this server|revoked/],
    };
    for (const [label, [params, description]] of Object.entries(cases)) {
      const res = await tokenExchange(issuer, params);
      assert.equal(res.status, 400, `${label}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error, 'invalid_grant', label);
      assert.match(res.body.error_description, description, label);
    }

    // The desktop's refresh token presented by the agent.
    const stolen = await tokenExchange(issuer, withRefreshToken(alice.refreshToken), { client: AGENT });
    assert.equal(stolen.body.error, 'invalid_grant');
    assert.match(stolen.body.error_description, /issued to another client/);
  });

  test('an access token that has expired for real: invalid_grant', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t), args: ['--access-token-ttl', '1'] });
    const alice = await desktopTokens(issuer, 'alice');
    await sleep(2100);
    const res = await tokenExchange(issuer, withAccessToken(alice.accessToken));
    assert.equal(res.body.error, 'invalid_grant');
    assert.match(res.body.error_description, /expired/);
  });

  test('parameters: connection, token types and the client are checked (invalid_request)', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const alice = await desktopTokens(issuer, 'alice');
    const valid = withRefreshToken(alice.refreshToken);
    const invalid = {
      'unknown connection': [{ ...valid, connection: 'github' }, /unknown connection/],
      'no connection': [{ ...valid, connection: '' }, /connection/],
      'no subject_token': [{ ...valid, subject_token: '' }, /subject_token/],
      'unknown subject_token_type': [{ ...valid, subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' }, /subject_token_type/],
      'other requested_token_type': [{ ...valid, requested_token_type: ACCESS_TOKEN_TYPE }, /requested_token_type/],
    };
    for (const [label, [params, description]] of Object.entries(invalid)) {
      const res = await tokenExchange(issuer, params);
      assert.equal(res.status, 400, label);
      assert.equal(res.body.error, 'invalid_request', label);
      assert.match(res.body.error_description, description, label);
    }
    const device = await tokenExchange(issuer, { ...valid, client_id: 'demo-device' });
    assert.equal(device.status, 400);
    assert.match(device.body.error_description, /not allowed for this client/);
    assert.equal((await tokenExchange(issuer, { ...valid, grant_type: TOKEN_EXCHANGE_GRANT })).status, 200, 'still valid');
  });

  test('the calendar accepts nothing but exchanged tokens; no other grant gets one', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const mint = (claims) => mintAccessToken(data, issuer, { audience: CALENDAR_API, scope: CALENDAR_SCOPE, claims });
    const stock = (await approvedCibaTokens(issuer)).access_token;

    const none = await freeBusy(issuer, undefined);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    const refused = {
      'a stock API token': [stock, /not for https:\/\/api\.sandbox\.countersign\.dev\/calendar/],
      'no connection claim': [await mint({}), /not a google-oauth2 connection token/],
      'another connection': [await mint({ connection: 'github' }), /not a google-oauth2 connection token/],
      expired: [await mint({ connection: 'google-oauth2', exp: Math.floor(Date.now() / 1000) - 5 }), /expired/],
    };
    for (const [label, [token, description]] of Object.entries(refused)) {
      const res = await freeBusy(issuer, token);
      assert.equal(res.status, 401, label);
      assert.equal(res.body.error, 'invalid_token', label);
      assert.match(res.headers.get('www-authenticate'), /^Bearer error="invalid_token", error_description="[^"\\]+"$/, label);
      assert.match(res.body.error_description, description, label);
    }
    const good = await mint({ connection: 'google-oauth2' });
    assert.equal((await freeBusy(issuer, good)).status, 200, 'the same token with the claim is fine');
    for (const query of ['?date=2025-02-30', '?date=tomorrow', '?date=2025-6-2']) {
      const res = await freeBusy(issuer, good, query);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error, 'invalid_request');
    }

    // The calendar is not a resource any ordinary grant may name.
    const alice = await desktopTokens(issuer, 'alice');
    const viaRefresh = await refresh(issuer, alice.refreshToken, { resource: CALENDAR_API });
    assert.equal(viaRefresh.body.error, 'invalid_target');
  });
});
