// "Connect your account" (Token Vault stand-in): the /connect pages, linking
// and unlinking a connection, the token exchange following suit, persistence
// across a restart, and the discovery field.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it as test } from 'node:test';

import {
  apiRequest, browserFetch, CookieJar, desktopTokens, errorText, hiddenFields, makeDataDir, REFRESH_TOKEN_TYPE,
  startSandbox, tokenExchange,
} from '../test-support/harness.mjs';

const NOT_CONNECTED = {
  error: 'federated_connection_refresh_token_not_found',
  error_description: 'Federated connection Refresh Token not found.',
};

const exchange = (issuer, refreshToken) => tokenExchange(issuer, {
  subject_token: refreshToken, subject_token_type: REFRESH_TOKEN_TYPE,
});

const freeBusy = (issuer, token) => apiRequest(issuer, token, { path: '/api/calendar/freebusy?date=2025-06-02' });

/**
 * Opens /connect/<connection> in a browser (a fresh cookie jar unless given)
 * and submits its form. Returns { form, result } (both pages).
 */
async function submitConnect(issuer, {
  user = 'bob', password = `${user}-demo`, action = 'connect', connection = 'google-oauth2', jar = new CookieJar(), xsrf,
} = {}) {
  const url = `${issuer}/connect/${connection}`;
  const form = await browserFetch(jar, url);
  assert.equal(form.status, 200, form.text);
  const fields = { ...hiddenFields(form.text), ...(xsrf !== undefined ? { xsrf } : {}) };
  const result = await browserFetch(jar, url, {
    method: 'POST', form: { ...fields, login: user, password, action },
  });
  return { form, result };
}

describe('connecting a federated account (/connect)', { concurrency: 3 }, () => {
  test('the page says what is being linked and asks for the sandbox sign-in', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const jar = new CookieJar();
    const page = await browserFetch(jar, `${issuer}/connect/google-oauth2`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.match(page.headers.get('content-security-policy'), /default-src 'none'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.match(page.text, /<title>Link a Google account - Countersign sandbox<\/title>/);
    assert.match(page.text, /Link a <strong class="provider">Google<\/strong> account \(demo, nothing talks to Google\) so apps can <strong class="purpose">read your calendar<\/strong>/);
    assert.match(page.text, /<code>google-oauth2<\/code>/);
    assert.match(page.text, /name="login"/);
    assert.match(page.text, /name="password" type="password"/);
    assert.match(page.text, /name="action" value="connect"/);
    assert.match(page.text, /name="action" value="disconnect"/);
    assert.match(page.text, /DEMO ONLY/);
    const { xsrf } = hiddenFields(page.text);
    assert.match(xsrf, /^[A-Za-z0-9_-]{22,}$/);
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith('_connect_xsrf='));
    assert.match(cookie, /Path=\/connect; HttpOnly; SameSite=Strict/);
    assert.equal(cookie.split(';')[0], `_connect_xsrf=${xsrf}`, 'the form token is the cookie (double submit)');

    // The same browser keeps its token (two tabs both work).
    const again = await browserFetch(jar, `${issuer}/connect/google-oauth2`);
    assert.equal(hiddenFields(again.text).xsrf, xsrf);
    assert.equal(again.headers.getSetCookie().length, 0);
    assert.equal((await fetch(`${issuer}/connect/google-oauth2`, { method: 'HEAD' })).status, 200);
  });

  test('unknown connections and bare /connect: 404 page; other methods 405', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    for (const p of ['/connect/github', '/connect', '/connect/', '/connect/%E0%A4%A', '/connect/google-oauth2x']) {
      const res = await browserFetch(new CookieJar(), `${issuer}${p}`);
      assert.equal(res.status, 404, p);
      assert.match(res.headers.get('content-type'), /^text\/html/, p);
      assert.match(res.text, /Unknown connection/, p);
      assert.match(res.text, /It has: google-oauth2\./, p);
    }
    const posted = await browserFetch(new CookieJar(), `${issuer}/connect/github`, {
      method: 'POST', form: { login: 'bob', password: 'bob-demo' },
    });
    assert.equal(posted.status, 404);
    const put = await fetch(`${issuer}/connect/google-oauth2`, { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'GET, HEAD, POST');
  });

  test('wrong password, a missing form token or a cross-site post: nothing is linked', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const bob = await desktopTokens(issuer, 'bob');

    const { result: wrong } = await submitConnect(issuer, { password: 'nope' });
    assert.equal(wrong.status, 200);
    assert.equal(errorText(wrong.text), 'Wrong user name or password.');
    assert.match(wrong.text, /name="login" type="text" value="bob"/, 'the user name stays filled in');
    assert.match(wrong.text, /name="password"/, 'the form again');
    const { result: unknownUser } = await submitConnect(issuer, { user: 'mallory', password: 'x' });
    assert.equal(errorText(unknownUser.text), 'Wrong user name or password.');

    const { result: noToken } = await submitConnect(issuer, { xsrf: '' });
    assert.equal(noToken.status, 403);
    assert.equal(errorText(noToken.text), 'This form has expired. Sign in again.');
    const { result: otherToken } = await submitConnect(issuer, { xsrf: 'A'.repeat(24) });
    assert.equal(otherToken.status, 403);
    const noCookie = await browserFetch(new CookieJar(), `${issuer}/connect/google-oauth2`, {
      method: 'POST', form: { xsrf: 'A'.repeat(24), login: 'bob', password: 'bob-demo' },
    });
    assert.equal(noCookie.status, 403);

    const jar = new CookieJar();
    const { xsrf } = hiddenFields((await browserFetch(jar, `${issuer}/connect/google-oauth2`)).text);
    const crossSite = await browserFetch(jar, `${issuer}/connect/google-oauth2`, {
      method: 'POST', form: { xsrf, login: 'bob', password: 'bob-demo' }, headers: { 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(crossSite.status, 403);
    const notAForm = await fetch(`${issuer}/connect/google-oauth2`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    });
    assert.equal(notAForm.status, 415);

    const res = await exchange(issuer, bob.refreshToken);
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, NOT_CONNECTED);
  });

  test('bob links Google -> the exchange succeeds -> the calendar answers; unlinking brings the 401 back', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const bob = await desktopTokens(issuer, 'bob');
    assert.deepEqual((await exchange(issuer, bob.refreshToken)).body, NOT_CONNECTED);

    const { result: linked } = await submitConnect(issuer, { user: 'bob' });
    assert.equal(linked.status, 200);
    assert.match(linked.text, /Google account linked/);
    assert.match(linked.text, /Bob Brown<\/span>, your Google account is linked \(demo\)/);
    assert.match(linked.text, /You can go back to Countersign and try again\./);

    const exchanged = await exchange(issuer, bob.refreshToken);
    assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
    const calendar = await freeBusy(issuer, exchanged.body.access_token);
    assert.equal(calendar.status, 200, JSON.stringify(calendar.body));
    assert.equal(calendar.body.date, '2025-06-02');

    // Linking again changes nothing.
    assert.equal((await submitConnect(issuer, { user: 'bob' })).result.status, 200);
    assert.equal((await exchange(issuer, bob.refreshToken)).status, 200);

    const { result: unlinked } = await submitConnect(issuer, { user: 'bob', action: 'disconnect' });
    assert.equal(unlinked.status, 200);
    assert.match(unlinked.text, /Google account unlinked/);
    const after = await exchange(issuer, bob.refreshToken);
    assert.equal(after.status, 401);
    assert.deepEqual(after.body, NOT_CONNECTED);

    // Alice's own link is untouched by bob's; she can unlink hers too.
    const alice = await desktopTokens(issuer, 'alice');
    assert.equal((await exchange(issuer, alice.refreshToken)).status, 200);
    await submitConnect(issuer, { user: 'alice', action: 'disconnect' });
    assert.deepEqual((await exchange(issuer, alice.refreshToken)).body, NOT_CONNECTED);
  });

  test('links survive a restart with the same data directory (DATA/connections.json)', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data });
    const bob = await desktopTokens(first.issuer, 'bob');
    await submitConnect(first.issuer, { user: 'bob' });
    await submitConnect(first.issuer, { user: 'alice', action: 'disconnect' });
    assert.equal((await first.stop()).code, 0);

    const stored = JSON.parse(await readFile(path.join(data, 'connections.json'), 'utf8'));
    assert.deepEqual(stored, { version: 1, accounts: { alice: [], bob: ['google-oauth2'] } });

    const second = await startSandbox(t, { data, port: first.port });
    const res = await exchange(second.issuer, bob.refreshToken);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const alice = await desktopTokens(second.issuer, 'alice');
    assert.deepEqual((await exchange(second.issuer, alice.refreshToken)).body, NOT_CONNECTED);
  });

  test('discovery names the connect endpoint, with and without the approval channel', async (t) => {
    for (const args of [[], ['--no-approval-channel']]) {
      const { issuer } = await startSandbox(t, { data: await makeDataDir(t), args });
      const d = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      assert.equal(d.countersign_connect_endpoint, `${issuer}/connect`, args.join(' '));
      const page = await fetch(`${d.countersign_connect_endpoint}/google-oauth2`);
      assert.equal(page.status, 200, args.join(' '));
    }
  });
});
