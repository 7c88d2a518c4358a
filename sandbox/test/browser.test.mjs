// End-to-end through a real browser: tests/browser/sign-in.mjs drives Debian's
// Chromium through the sandbox's pages while a tiny loopback listener stands
// in for the desktop app's redirect URI. Skipped when Chromium is absent.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';

import {
  authorizationUrl, exchangeCode, makeTempDir, pkcePair, SANDBOX_DIR, startSandbox,
} from '../test-support/harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BROWSER_DIR = path.resolve(SANDBOX_DIR, '..', 'tests', 'browser');
const SIGN_IN = path.join(BROWSER_DIR, 'sign-in.mjs');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not installed`;

function assertDriverInstalled() {
  assert.ok(
    existsSync(path.join(BROWSER_DIR, 'node_modules', 'playwright-core')),
    'tests/browser dependencies missing: run `npm ci` in tests/browser',
  );
}

// Stands in for the app: answers the loopback redirect and remembers it.
// (Chromium also asks it for /favicon.ico; only /callback hits are recorded.)
async function startFakeApp(t) {
  const hits = [];
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/callback')) hits.push(req.url);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>Countersign</title><p>Signed in. You can close this window.</p>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  return { redirectUri: `http://127.0.0.1:${server.address().port}/callback`, hits };
}

function signIn(url, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    execFile(process.execPath, [SIGN_IN, url, ...args], { timeout: 20000 }, (err, stdout, stderr) => {
      const lines = stdout.split('\n').filter(Boolean);
      resolve({
        code: err ? err.code : 0, lines, result: lines.length === 1 ? JSON.parse(lines[0]) : undefined, stderr, ms: Date.now() - started,
      });
    });
  });
}

test('sign-in.mjs: Chromium signs in, allows, and lands on the app\'s loopback redirect', { skip, timeout: 60000 }, async (t) => {
  assertDriverInstalled();
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const app = await startFakeApp(t);
  const pkce = pkcePair();
  const url = authorizationUrl(issuer, { redirectUri: app.redirectUri, challenge: pkce.challenge, state: 'browser-1' });

  const run = await signIn(url, ['--user', 'alice', '--password', 'alice-demo']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.lines.length, 1, 'exactly one JSON line on stdout');
  assert.ok(run.ms < 20000, `took ${run.ms} ms`);
  assert.equal(run.result.outcome, 'redirected');
  assert.match(run.result.pageText, /Signed in/);

  const redirect = new URL(run.result.finalUrl);
  assert.equal(`${redirect.origin}${redirect.pathname}`, app.redirectUri);
  assert.equal(redirect.searchParams.get('state'), 'browser-1');
  assert.deepEqual(app.hits, [`${redirect.pathname}${redirect.search}`]);

  const tokens = await exchangeCode(issuer, { redirect, pkce }, { redirectUri: app.redirectUri });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  assert.ok(tokens.body.refresh_token);
});

test('sign-in.mjs: wrong password, deny, and close-after-login-page', { skip, timeout: 60000 }, async (t) => {
  assertDriverInstalled();
  const { issuer } = await startSandbox(t, { data: await makeTempDir(t) });
  const app = await startFakeApp(t);
  const freshUrl = () => authorizationUrl(issuer, { redirectUri: app.redirectUri, challenge: pkcePair().challenge });

  const wrong = await signIn(freshUrl(), ['--user', 'alice', '--password', 'not-it']);
  assert.equal(wrong.code, 3, wrong.stderr);
  assert.deepEqual(wrong.result, { outcome: 'login_error', error: 'Wrong user name or password.' });

  const denied = await signIn(freshUrl(), ['--user', 'bob', '--password', 'bob-demo', '--deny']);
  assert.equal(denied.code, 0, denied.stderr);
  assert.equal(denied.result.outcome, 'redirected');
  assert.equal(new URL(denied.result.finalUrl).searchParams.get('error'), 'access_denied');

  const closed = await signIn(freshUrl(), ['--close-after-login-page']);
  assert.equal(closed.code, 0, closed.stderr);
  assert.deepEqual(closed.result, { outcome: 'closed' });
  assert.equal(app.hits.length, 1, 'only the denied run reached the app');
});
