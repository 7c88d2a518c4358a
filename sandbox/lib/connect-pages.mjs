// "Connect your account": the Token Vault stand-in's browser pages, where a
// person links (or unlinks) a federated connection such as google-oauth2.
// When a token exchange (token-exchange.mjs) answers
// federated_connection_refresh_token_not_found, an app opens
// <countersign_connect_endpoint>/<connection> (discovery) in the browser;
// after linking, the same exchange succeeds.
//
//   GET  /connect/:connection   what is being linked, sandbox sign-in, Link / Unlink
//   POST /connect/:connection   login, password, action=connect|disconnect, xsrf
//                               -> "linked" / "unlinked" page; wrong password: the form again
//   anything else under /connect: 404 page
//
// DEMO ONLY: nothing talks to Google; linking just records the account id in
// DATA/connections.json (connections.mjs). The sign-in uses the demo accounts
// of the login page (accounts.mjs).
//
// Cross-site requests: the form needs the sandbox password, carries a token
// that must equal the SameSite=Strict cookie set with the form (double
// submit), and a browser's Sec-Fetch-Site must say same-origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';

import { authenticate, displayName } from './accounts.mjs';
import { CONNECTIONS, isKnownConnection } from './connections.mjs';
import { connectDonePage, connectPage, messagePage } from './html.mjs';
import {
  LOGIN_ERROR, PageError, readForm, sendPage,
} from './interactions.mjs';

export const CONNECT_PATH = '/connect';
const ROUTE = /^\/connect(?:\/([^/]*))?\/?$/;
const XSRF_COOKIE = '_connect_xsrf';
const XSRF_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
export const FORM_EXPIRED = 'This form has expired. Sign in again.';

function cookieValue(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

// The form token of this browser: the cookie's when it has a good one (so
// two open tabs keep working), otherwise a new one, set as the cookie.
function formToken(req, res) {
  const current = cookieValue(req, XSRF_COOKIE);
  if (current && XSRF_TOKEN.test(current)) return current;
  const token = randomBytes(18).toString('base64url');
  res.setHeader('Set-Cookie', `${XSRF_COOKIE}=${token}; Path=${CONNECT_PATH}; HttpOnly; SameSite=Strict`);
  return token;
}

function sameToken(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string' || !XSRF_TOKEN.test(a)) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Browsers say where a request comes from (Fetch Metadata); clients that do
// not send the header (tests, curl) still need the form token and password.
function checkSameOrigin(req) {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new PageError(403, 'This form can only be sent from the sandbox\'s own page.');
  }
}

/**
 * Returns a request handler `(req, res) => boolean` serving /connect and
 * /connect/:connection (false for other paths). `connections` is the
 * ConnectionStore.
 */
export function createConnectRoutes({ connections, log = () => {} }) {
  function showForm(req, res, connection, { status = 200, login, error } = {}) {
    const { provider, purpose } = CONNECTIONS[connection];
    sendPage(res, status, connectPage({
      provider, purpose, connection, xsrf: formToken(req, res), login, error,
    }));
  }

  async function submit(req, res, connection) {
    checkSameOrigin(req);
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    if (!sameToken(cookieValue(req, XSRF_COOKIE), form.get('xsrf'))) {
      showForm(req, res, connection, { status: 403, login, error: FORM_EXPIRED });
      return;
    }
    const action = form.get('action') ?? 'connect';
    if (action !== 'connect' && action !== 'disconnect') throw new PageError(400, 'Choose Link account or Unlink.');
    const accountId = authenticate(login, form.get('password') ?? '');
    if (!accountId) {
      log(`connect ${connection}: login failed for ${JSON.stringify(login)}`);
      showForm(req, res, connection, { login, error: LOGIN_ERROR });
      return;
    }
    const connected = action === 'connect';
    const changed = await connections.set(accountId, connection, connected);
    log(`connect ${connection}: ${accountId} ${connected ? 'linked' : 'unlinked'}${changed ? '' : ' (no change)'}`);
    sendPage(res, 200, connectDonePage({
      provider: CONNECTIONS[connection].provider, userName: displayName(accountId), connected,
    }));
  }

  async function handle(req, res, connection) {
    if (connection === undefined || !isKnownConnection(connection)) {
      const known = Object.keys(CONNECTIONS).join(', ');
      const { status, body } = messagePage('Unknown connection', `This sandbox has no such connection. It has: ${known}.`, 404);
      sendPage(res, status, body);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      showForm(req, res, connection);
    } else if (req.method === 'POST') {
      await submit(req, res, connection);
    } else {
      res.setHeader('Allow', 'GET, HEAD, POST');
      throw new PageError(405, 'Method not allowed.');
    }
  }

  return function connectRoutes(req, res) {
    const { pathname } = new URL(req.url, 'http://sandbox.invalid');
    const match = ROUTE.exec(pathname);
    if (!match) return false;
    let connection = match[1] || undefined;
    try {
      if (connection !== undefined) connection = decodeURIComponent(connection);
    } catch {
      connection = ''; // malformed percent-encoding: unknown
    }
    handle(req, res, connection).catch((err) => {
      const status = err instanceof PageError ? err.status : 500;
      if (status === 500) log(`connect error: ${err.stack ?? err}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const { body } = status === 500
        ? messagePage('Something went wrong', 'Internal error in the sandbox; see its log.', 500)
        : messagePage('Something went wrong', err.message, status);
      sendPage(res, status, body);
    });
    return true;
  };
}
