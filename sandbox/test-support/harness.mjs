// Test harness for the sandbox: start/stop a real server process, and drive
// the OAuth flows over plain HTTP with a small cookie jar, the way a browser
// would. Lives outside test/ because Node 20's test runner treats every .mjs
// file under a directory named "test" as a test file.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as jose from 'jose';

import { loadOrCreateKeys } from '../lib/keys.mjs';

export const SANDBOX_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = path.join(SANDBOX_DIR, 'server.mjs');
export const CLIENT_ID = 'countersign-desktop';
// Nothing listens here: flows driven over HTTP stop at the redirect to it.
export const REDIRECT_URI = 'http://127.0.0.1:49999/callback';
export const PROFILE_API = 'https://api.sandbox.countersign.dev/profile';

// Endpoint paths per flavour (--flavor), written out here rather than taken
// from lib/ so that the tests check them. The helpers below find a server's
// paths by its issuer (startSandbox records the auth0 ones), so they drive
// either flavour unchanged.
export const DEFAULT_PATHS = {
  authorization: '/auth',
  token: '/token',
  userinfo: '/me',
  jwks: '/jwks',
  revocation: '/token/revocation',
  introspection: '/token/introspection',
  end_session: '/session/end',
  pushed_authorization_request: '/request',
  backchannel_authentication: '/backchannel',
  device_authorization: '/device_authorization',
  code_verification: '/activate',
};
export const AUTH0_PATHS = {
  authorization: '/authorize',
  token: '/oauth/token',
  userinfo: '/userinfo',
  jwks: '/.well-known/jwks.json',
  revocation: '/oauth/revoke',
  end_session: '/oidc/logout',
  pushed_authorization_request: '/oauth/par',
  backchannel_authentication: '/bc-authorize',
  device_authorization: '/oauth/device/code',
  code_verification: '/activate',
};
const pathsByIssuer = new Map();

/**
 * Tells the helpers that the sandbox with this issuer runs `flavor` (startSandbox
 * does this itself; for a helper process that did not start the sandbox).
 */
export function registerFlavor(issuer, flavor) {
  if (flavor === 'auth0') pathsByIssuer.set(issuer, AUTH0_PATHS);
  else pathsByIssuer.delete(issuer);
}

/** The URL of endpoint `name` (a key of DEFAULT_PATHS) of the sandbox with this issuer. */
export function endpoint(issuer, name) {
  const p = (pathsByIssuer.get(issuer) ?? DEFAULT_PATHS)[name];
  if (!p) throw new Error(`no ${name} endpoint in this flavour`);
  return new URL(p, issuer).href;
}

export async function makeTempDir(t, prefix = 'sandbox-test-') {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // Retried: a sandbox stopped by a later hook may still be writing into it (ENOTEMPTY), which
  // failed a test under load and left its server running until ctest's timeout.
  t?.after(() => rm(dir, {
    recursive: true, force: true, maxRetries: 20, retryDelay: 100,
  }));
  return dir;
}

let seedKeysDir;

/**
 * A fresh --data directory that already holds signing keys, generated once per
 * test process: a sandbox generating its own RSA key spends ~0.2 s on it,
 * which adds up over dozens of servers. Each test still gets its own copy
 * (and its own sessions, grants, approvals).
 */
export async function makeDataDir(t) {
  if (!seedKeysDir) {
    seedKeysDir = mkdtemp(path.join(os.tmpdir(), 'sandbox-keys-')).then(async (dir) => {
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      await loadOrCreateKeys(dir);
      return dir;
    });
  }
  const data = await makeTempDir(t);
  await cp(path.join(await seedKeysDir, 'keys'), path.join(data, 'keys'), { recursive: true });
  return data;
}

// The ready line: `ready issuer=ISSUER`, + ` ca=PATH` (percent-encoded) with --tls.
const READY_LINE = /^ready issuer=(https?:\/\/127\.0\.0\.1:(\d+)\/?)(?: ca=(\S+))?\n/;

/**
 * Spawns `node server.mjs --port PORT(0) --data DIR [--flavor F] [--tls] ...args`
 * and resolves once the ready line arrives. Registers t.after() to stop it.
 * Returns { issuer, origin, port, ca (the CA file with --tls), proc, stdout(),
 * stderr(), stop() }. Note that with flavor 'auth0' the issuer ends in '/':
 * build URLs with endpoint(), new URL(path, issuer) or `origin`.
 */
export function startSandbox(t, {
  data, port = 0, flavor, tls = false, args = [], timeoutMs = 15000,
} = {}) {
  const argv = [
    SERVER, '--port', String(port), ...(data ? ['--data', data] : []), ...(flavor ? ['--flavor', flavor] : []),
    ...(tls ? ['--tls'] : []), ...args,
  ];
  const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  proc.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));

  const stop = async (signal = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  t?.after(() => stop());

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop('SIGKILL');
      reject(new Error(`sandbox did not get ready in ${timeoutMs} ms; stderr:\n${err}`));
    }, timeoutMs);
    const onData = () => {
      const m = READY_LINE.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout.off('data', onData);
      const issuer = m[1];
      registerFlavor(issuer, flavor);
      resolve({
        issuer,
        origin: new URL(issuer).origin,
        port: Number(m[2]),
        ca: m[3] === undefined ? undefined : decodeURIComponent(m[3]),
        proc,
        exited,
        stop,
        stdout: () => out,
        stderr: () => err,
      });
    };
    proc.stdout.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited early (code ${code}, signal ${signal}); stderr:\n${err}`));
    });
  });
}

/** Minimal cookie jar for a single host: honours Path and deletion, ignores Domain. */
export class CookieJar {
  #cookies = new Map();

  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let cookiePath = '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k.toLowerCase();
        if (key === 'path') cookiePath = v;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
        if (key === 'max-age' && Number(v) <= 0) expired = true;
      }
      const id = `${name}\0${cookiePath}`;
      if (expired) this.#cookies.delete(id);
      else this.#cookies.set(id, { name, value, path: cookiePath });
    }
  }

  header(url) {
    const { pathname } = new URL(url);
    return [...this.#cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** fetch without following redirects, sending and storing cookies. */
export async function browserFetch(jar, url, { method = 'GET', form, headers = {} } = {}) {
  const cookie = jar.header(url);
  const init = { method, redirect: 'manual', headers: { ...headers, ...(cookie ? { cookie } : {}) } };
  if (form) {
    init.body = new URLSearchParams(form).toString();
    init.headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(url, init);
  jar.store(res);
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), headers: res.headers, text, url };
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorizationUrl(issuer, {
  scope = 'openid profile email offline_access', redirectUri = REDIRECT_URI, resource, extra = {}, challenge,
  state = randomBytes(8).toString('hex'),
} = {}) {
  const url = new URL(endpoint(issuer, 'authorization'));
  const params = {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  for (const r of [resource ?? []].flat()) url.searchParams.append('resource', r);
  return url.href;
}

/** Follows redirects within the issuer; stops at a page (2xx/4xx) or at a redirect leaving the issuer. */
export async function follow(jar, issuer, response, maxHops = 10) {
  let res = response;
  const { origin } = new URL(issuer);
  for (let hop = 0; hop < maxHops; hop += 1) {
    if (res.status < 300 || res.status >= 400) return res;
    const next = new URL(res.location, res.url).href;
    if (!next.startsWith(`${origin}/`)) return { ...res, redirectTo: next };
    res = await browserFetch(jar, next);
  }
  throw new Error('too many redirects');
}

/** Text of the first element with class "error" on a page, if any. */
export function errorText(html) {
  return /<[^>]*class="error"[^>]*>([^<]*)</.exec(html)?.[1];
}

/**
 * Runs the authorization request through login and consent with a fresh (or
 * given) cookie jar. Returns { jar, redirect: URL, pkce, pages }.
 */
export async function authorize(issuer, {
  user = 'alice', password = 'alice-demo', wrongPasswordFirst = false, decision = 'allow', jar = new CookieJar(), ...urlOptions
} = {}) {
  const pkce = pkcePair();
  const pages = {};
  let res = await follow(jar, issuer, await browserFetch(jar, authorizationUrl(issuer, { ...urlOptions, challenge: pkce.challenge })));
  if (res.status === 200 && res.text.includes('name="password"')) {
    pages.login = res;
    if (wrongPasswordFirst) {
      pages.wrongPassword = await browserFetch(jar, res.url, { method: 'POST', form: { login: user, password: `${password}-wrong` } });
    }
    res = await follow(jar, issuer, await browserFetch(jar, res.url, { method: 'POST', form: { login: user, password } }));
  }
  if (res.status === 200 && res.text.includes('name="decision"')) {
    pages.consent = res;
    res = await follow(jar, issuer, await browserFetch(jar, res.url, { method: 'POST', form: { decision } }));
  }
  if (!res.redirectTo) throw new Error(`flow did not reach the redirect URI: ${res.status} ${res.url}\n${res.text.slice(0, 500)}`);
  return { jar, redirect: new URL(res.redirectTo), pkce, pages };
}

export async function tokenRequest(issuer, params) {
  const res = await fetch(endpoint(issuer, 'token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...params }),
  });
  return { status: res.status, body: await res.json() };
}

export function exchangeCode(issuer, { redirect, pkce }, { redirectUri = REDIRECT_URI, resource } = {}) {
  return tokenRequest(issuer, {
    grant_type: 'authorization_code',
    code: redirect.searchParams.get('code'),
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
    ...(resource ? { resource } : {}),
  });
}

export function refresh(issuer, refreshToken, extra = {}) {
  return tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });
}

/** Login + consent + code exchange; returns the token response body. */
export async function obtainTokens(issuer, options = {}) {
  const flow = await authorize(issuer, options);
  const { status, body } = await exchangeCode(issuer, flow, options);
  if (status !== 200) throw new Error(`token request failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** jose.jwtVerify of a JWT access token (RFC 9068: ES256, typ at+jwt) for `audience`. */
export function verifyAccessToken(issuer, token, audience) {
  const jwks = jose.createRemoteJWKSet(new URL(endpoint(issuer, 'jwks')));
  return jose.jwtVerify(token, jwks, { issuer, audience, typ: 'at+jwt', algorithms: ['ES256'] });
}

/** jose.jwtVerify of an ID token (RS256) for `clientId`. */
export function verifyIdToken(issuer, token, clientId = CLIENT_ID) {
  const jwks = jose.createRemoteJWKSet(new URL(endpoint(issuer, 'jwks')));
  return jose.jwtVerify(token, jwks, { issuer, audience: clientId, algorithms: ['RS256'] });
}

export async function userinfo(issuer, accessToken) {
  const res = await fetch(endpoint(issuer, 'userinfo'), { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.text(), headers: res.headers };
}

// ---- CIBA and the approval channel -------------------------------------------

export const AGENT = { id: 'demo-agent', secret: 'demo-agent-secret' };
export const PING_AGENT = { id: 'demo-agent-ping', secret: 'demo-agent-ping-secret' };
export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';
export const STOCK_API = 'https://api.sandbox.countersign.dev/stock';
export const PAYMENTS_API = 'https://api.sandbox.countersign.dev/payments';
export const APPROVALS_API = 'https://api.sandbox.countersign.dev/approvals';
export const DOCS_API = 'https://api.sandbox.countersign.dev/docs';
export const CALENDAR_API = 'https://api.sandbox.countersign.dev/calendar';
// The scope of each API the desktop client may ask for.
const DESKTOP_API_SCOPES = { [PROFILE_API]: 'profile:read', [APPROVALS_API]: 'approvals', [DOCS_API]: 'docs:read' };

export const TRADE = {
  type: 'trade_authorization', action: 'buy', ticker: 'ACME', qty: 10, limit_price: 12.5, currency: 'USD',
};
export const PAYMENT = {
  type: 'payment_initiation',
  instructedAmount: { amount: '123.45', currency: 'EUR' },
  creditorName: 'Merchant A.G.',
  creditorAccount: { iban: 'DE89 3704 0044 0532 0130 00' },
  remittanceInformation: 'Invoice 42',
};

// A form POST authenticated as a confidential client, with client_secret_basic
// (Authorization header) or client_secret_post (secret in the body).
async function clientPost(url, client, params, auth) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(params);
  if (auth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')}`;
  } else {
    body.set('client_id', client.id);
    body.set('client_secret', client.secret);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/**
 * POST to the backchannel authentication endpoint. Defaults: alice buys ACME
 * through demo-agent (poll mode). `params` values that are not strings are
 * JSON-encoded (authorization_details); undefined values are left out.
 */
export function cibaAuthorize(issuer, params = {}, { client = AGENT, auth = 'basic', path } = {}) {
  const merged = {
    scope: 'openid stock:trade',
    login_hint: 'alice',
    binding_message: 'Buy 10 ACME',
    authorization_details: [TRADE],
    ...params,
  };
  const form = {};
  for (const [k, v] of Object.entries(merged)) {
    if (v !== undefined) form[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return clientPost(path ? new URL(path, issuer) : endpoint(issuer, 'backchannel_authentication'), client, form, auth);
}

/** One CIBA token request (a poll). */
export function pollToken(issuer, authReqId, { client = AGENT, auth = 'basic', extra = {} } = {}) {
  return clientPost(endpoint(issuer, 'token'), client, { grant_type: CIBA_GRANT, auth_req_id: authReqId, ...extra }, auth);
}

/**
 * The desktop client's tokens for `user`, the way the app gets them: sign in
 * (login + consent) with `scope` (+ `apiScope`, by default the scope of
 * `resource`) and `resource`, exchange
 * the code (opaque userinfo access token), then, with a resource, refresh
 * with it (JWT access token for that API). Returns { accessToken (the JWT
 * with a resource, else the opaque one), refreshToken (the live one: refresh
 * tokens rotate), tokens (the code exchange's answer), refreshed, jar }.
 */
export async function desktopTokens(issuer, user = 'alice', {
  resource, apiScope = DESKTOP_API_SCOPES[resource], scope = 'openid profile email offline_access',
} = {}) {
  const flow = await authorize(issuer, {
    user, password: `${user}-demo`, scope: apiScope ? `${scope} ${apiScope}` : scope, resource,
  });
  const code = await exchangeCode(issuer, flow);
  if (code.status !== 200) throw new Error(`code exchange failed: ${JSON.stringify(code.body)}`);
  if (!resource) {
    return {
      accessToken: code.body.access_token, refreshToken: code.body.refresh_token, tokens: code.body, jar: flow.jar,
    };
  }
  const api = await refresh(issuer, code.body.refresh_token, { resource });
  if (api.status !== 200) throw new Error(`refresh failed: ${JSON.stringify(api.body)}`);
  return {
    accessToken: api.body.access_token, refreshToken: api.body.refresh_token, tokens: code.body, refreshed: api.body, jar: flow.jar,
  };
}

/**
 * The desktop client's way to an approvals token: sign in with scope
 * `approvals` and resource=approvals, exchange the code (opaque userinfo
 * token), then refresh with resource=approvals (JWT for the channel).
 * Returns { accessToken, tokens, jar }.
 */
export function approvalsToken(issuer, user = 'alice') {
  return desktopTokens(issuer, user, { resource: APPROVALS_API });
}

/**
 * An access token minted with the sandbox's own ES256 key from its data
 * directory, for `audience` with `scope`: right in every respect unless
 * `claims`, `header` or `signWith` (another key) say otherwise. For testing
 * the token checks.
 */
export async function mintAccessToken(data, issuer, {
  audience, scope, claims = {}, header = {}, signWith,
}) {
  const jwk = JSON.parse(await readFile(path.join(data, 'keys', 'es256.jwk.json'), 'utf8'));
  return new jose.SignJWT({
    scope, client_id: CLIENT_ID, jti: randomBytes(12).toString('base64url'), ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk.kid, ...header })
    .setIssuer(claims.iss ?? issuer).setAudience(claims.aud ?? audience).setSubject(claims.sub ?? 'alice')
    .setIssuedAt().setExpirationTime(claims.exp ?? '5m')
    .sign(signWith ?? await jose.importJWK(jwk, 'ES256'));
}

/** mintAccessToken for the approvals API with the `approvals` scope. */
export function mintApprovalsToken(data, issuer, options = {}) {
  return mintAccessToken(data, issuer, { audience: APPROVALS_API, scope: 'approvals', ...options });
}

/**
 * A JSON request to one of the sandbox's APIs; `token` may be undefined (no
 * Authorization). `json` is sent as application/json, `body` as given.
 * Returns { status, body (parsed if JSON), headers }.
 */
export async function apiRequest(issuer, token, { method = 'GET', path = '/approvals', json, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token !== undefined) init.headers.authorization = `Bearer ${token}`;
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['content-type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const res = await fetch(new URL(path, issuer), init);
  const text = await res.text();
  let parsed;
  try { parsed = JSON.parse(text); } catch { parsed = text; }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A request to the approval channel (apiRequest, which defaults to GET /approvals). */
export const approvalsRequest = apiRequest;

export function listApprovals(issuer, token) {
  return approvalsRequest(issuer, token);
}

export function decide(issuer, token, id, decision, reason) {
  return approvalsRequest(issuer, token, {
    method: 'POST', path: `/approvals/${id}`, json: { decision, ...(reason !== undefined ? { reason } : {}) },
  });
}

/** The listed approval with this binding message (throws if there is none). */
export async function approvalFor(issuer, token, bindingMessage) {
  const { body } = await listApprovals(issuer, token);
  const found = body.approvals.find((a) => a.binding_message === bindingMessage);
  if (!found) throw new Error(`no approval with binding message ${bindingMessage}: ${JSON.stringify(body)}`);
  return found;
}

// ---- Device flow (RFC 8628) and the approver API ----------------------------

export const DEVICE_CLIENT_ID = 'demo-device';
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const DATA_API = 'https://api.sandbox.countersign.dev/data';
export const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

async function formPost(url, params) {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/**
 * POST to the device authorization endpoint as a public client. Defaults:
 * demo-device asks for openid, profile, offline_access and data:read.
 * `params` values that are not strings are JSON-encoded
 * (authorization_details); undefined values are left out.
 */
export function deviceAuthorize(issuer, params = {}, { clientId = DEVICE_CLIENT_ID, path } = {}) {
  const form = { client_id: clientId };
  for (const [k, v] of Object.entries({ scope: 'openid profile offline_access data:read', ...params })) {
    if (v !== undefined) form[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return formPost(path ? new URL(path, issuer) : endpoint(issuer, 'device_authorization'), form);
}

/** One device code token request (a poll). */
export function pollDeviceToken(issuer, deviceCode, { clientId = DEVICE_CLIENT_ID } = {}) {
  return formPost(endpoint(issuer, 'token'), { grant_type: DEVICE_GRANT, device_code: deviceCode, client_id: clientId });
}

/** GET /device/{user_code}; the code goes into the path as given (URL-encoded). */
export function deviceLookup(issuer, token, userCode) {
  return approvalsRequest(issuer, token, { path: `/device/${encodeURIComponent(userCode)}` });
}

/** POST /device/{user_code} {"decision": ...}. */
export function deviceDecide(issuer, token, userCode, decision) {
  return approvalsRequest(issuer, token, { method: 'POST', path: `/device/${encodeURIComponent(userCode)}`, json: { decision } });
}

/** name -> value of the hidden inputs on a page (all forms). */
export function hiddenFields(html) {
  const fields = {};
  for (const [input] of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(input)?.[1] ?? '';
  }
  return fields;
}

/**
 * The /activate pages in a browser: code form, confirm page (`confirm`:
 * approve | cancel), login and consent (`decision`: allow | deny) as far as
 * they come. Returns { jar, pages: { form, confirm, login, consent, done } }.
 */
export async function activateDevice(issuer, userCode, {
  user = 'alice', password = `${user}-demo`, confirm = 'approve', decision = 'allow', jar = new CookieJar(),
} = {}) {
  const pages = {};
  const activate = endpoint(issuer, 'code_verification');
  pages.form = await browserFetch(jar, activate);
  const { xsrf } = hiddenFields(pages.form.text);
  pages.confirm = await browserFetch(jar, activate, { method: 'POST', form: { xsrf, user_code: userCode } });
  if (!pages.confirm.text.includes('op.deviceConfirmForm')) throw new Error(`no confirm page: ${pages.confirm.text}`);
  const answer = { ...hiddenFields(pages.confirm.text), ...(confirm === 'cancel' ? { abort: 'yes' } : {}) };
  let res = await follow(jar, issuer, await browserFetch(jar, activate, { method: 'POST', form: answer }));
  if (res.status === 200 && res.text.includes('name="password"')) {
    pages.login = res;
    res = await follow(jar, issuer, await browserFetch(jar, res.url, { method: 'POST', form: { login: user, password } }));
  }
  if (res.status === 200 && res.text.includes('name="decision"')) {
    pages.consent = res;
    res = await follow(jar, issuer, await browserFetch(jar, res.url, { method: 'POST', form: { decision } }));
  }
  pages.done = res;
  return { jar, pages };
}

// ---- The demo APIs, the token exchange and the OpenFGA stand-in ---------------

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const FEDERATED_GRANT = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
export const FEDERATED_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';
export const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.freebusy';
export const FGA_STORE_ID = '01JSANDBXFGASTRE0000000000';
export const FGA_KEY = 'demo-fga-key';

/**
 * A CIBA request by demo-agent for `user`, approved by that user through the
 * approval channel, polled once: the agent's token response (an access token
 * for the API the details name, carrying them). `params` as for cibaAuthorize.
 */
export async function approvedCibaTokens(issuer, params = {}, { user = 'alice' } = {}) {
  const bindingMessage = params.binding_message ?? `approve ${randomBytes(4).toString('hex')}`;
  const { status, body: request } = await cibaAuthorize(issuer, { login_hint: user, ...params, binding_message: bindingMessage });
  if (status !== 200) throw new Error(`bc-authorize failed: ${JSON.stringify(request)}`);
  const { accessToken } = await approvalsToken(issuer, user);
  const approval = await approvalFor(issuer, accessToken, bindingMessage);
  const decided = await decide(issuer, accessToken, approval.id, 'approve');
  if (decided.status !== 200) throw new Error(`approval failed: ${JSON.stringify(decided.body)}`);
  const tokens = await pollToken(issuer, request.auth_req_id);
  if (tokens.status !== 200) throw new Error(`CIBA poll failed: ${JSON.stringify(tokens.body)}`);
  return tokens.body;
}

/**
 * A device code of demo-device (`params` as for deviceAuthorize; default
 * scope data:read) approved by `user` through the approver API, polled once:
 * the device's token response.
 */
export async function approvedDeviceTokens(issuer, params = {}, { user = 'alice' } = {}) {
  const { status, body: request } = await deviceAuthorize(issuer, params);
  if (status !== 200) throw new Error(`device authorization failed: ${JSON.stringify(request)}`);
  const { accessToken } = await approvalsToken(issuer, user);
  const decided = await deviceDecide(issuer, accessToken, request.user_code, 'approve');
  if (decided.status !== 200) throw new Error(`device approval failed: ${JSON.stringify(decided.body)}`);
  const tokens = await pollDeviceToken(issuer, request.device_code);
  if (tokens.status !== 200) throw new Error(`device poll failed: ${JSON.stringify(tokens.body)}`);
  return tokens.body;
}

/**
 * A token exchange at the token endpoint: as the public desktop client by
 * default (its client_id in the body), or as a confidential `client`
 * ({ id, secret }, client_secret_basic, or client_secret_post with
 * auth 'post'). Defaults: RFC 8693 grant, connection google-oauth2.
 */
export async function tokenExchange(issuer, params, { client, auth = 'basic' } = {}) {
  const form = { grant_type: TOKEN_EXCHANGE_GRANT, connection: 'google-oauth2', ...params };
  if (client) return clientPost(endpoint(issuer, 'token'), client, form, auth);
  const res = await fetch(endpoint(issuer, 'token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...form }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** POST /stores/{store}/{operation} of the OpenFGA stand-in, with the demo key unless `key` says otherwise (null: none). */
export function fgaRequest(issuer, operation, json, { store = FGA_STORE_ID, key = FGA_KEY } = {}) {
  return apiRequest(issuer, undefined, {
    method: 'POST',
    path: `/stores/${store}/${operation}`,
    json,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
}

export { SseReader } from './sse-reader.mjs';
