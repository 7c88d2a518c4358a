#!/usr/bin/env node
// Headless stand-in for the user's system browser in end-to-end tests.
//
//   node tests/browser/sign-in.mjs AUTHORIZATION_URL --user U --password P
//        [--deny] [--close-after-login-page] [--ca CA.pem] [--timeout MS]
//   node tests/browser/sign-in.mjs ACTIVATE_URL --activate --user U --password P [--deny] [--ca CA.pem]
//
// Opens the authorization URL in Debian's Chromium (never a downloaded
// browser), fills the sandbox's login form, submits it, clicks Allow (or Deny),
// and follows the redirects to the app's loopback redirect URI (taken from the
// URL's redirect_uri parameter). Prints exactly one JSON line on stdout:
//
//   {"outcome":"redirected","finalUrl":"http://127.0.0.1:PORT/callback?...","pageText":"..."}  exit 0
//   {"outcome":"login_error","error":"<text of .error>"}                                       exit 3
//   {"outcome":"closed"}   (--close-after-login-page: login page shown, nothing submitted)       exit 0
//   {"outcome":"error","error":"...","url":"..."}  anything unexpected, incl. time-outs          exit 1
//
// --activate walks the device flow's pages instead (what a person does on
// Auth0's /activate page): Continue on the code form (the code prefilled from
// ?user_code=), Approve on the confirm page, the login form, Allow (or Deny) on
// the consent page, until the "Device connected" page:
//
//   {"outcome":"activated","pageText":"..."}                                                   exit 0
//   {"outcome":"refused","pageText":"..."}   (the code form came back with a notice or error)   exit 0
//
// A URL whose path is /activate and that has no redirect_uri implies --activate
// (what the app opens for a device code on an Auth0 account).
//
// --ca (or $COUNTERSIGN_BROWSER_CA, for a test that learns the CA only once its
// sandbox is up) trusts a private CA for an https sandbox (`--tls`): the driver connects
// to the URL's host with Node's TLS, verifying the certificate against CA.pem
// (and the host name), and only then tells Chromium to accept that one server
// key (--ignore-certificate-errors-spki-list with its SHA-256). Chromium has no
// flag to add a CA, and nothing here accepts a certificate that CA.pem does not
// vouch for.
//
// Usage errors exit 2. Everything is time-boxed (default 15 s in total) so a
// caller with a 20 s budget always gets an answer. Diagnostics go to stderr.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import tls from 'node:tls';

import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PAGE_TEXT_LIMIT = 4000;
const USAGE = 'usage: sign-in.mjs URL --user U --password P [--deny] [--close-after-login-page] [--activate] [--ca CA.pem] [--timeout MS]';

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = {
    deny: false, closeAfterLoginPage: false, activate: false, timeoutMs: 15000,
  };
  const positional = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      i += 1;
      if (i >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[i];
    };
    switch (arg) {
      case '--user': opts.user = value(); break;
      case '--password': opts.password = value(); break;
      case '--deny': opts.deny = true; break;
      case '--close-after-login-page': opts.closeAfterLoginPage = true; break;
      case '--activate': opts.activate = true; break;
      case '--ca': opts.caFile = value(); break;
      case '--timeout': {
        opts.timeoutMs = Number(value());
        if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs < 1000) throw new UsageError('--timeout needs milliseconds >= 1000');
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown argument: ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError('exactly one URL expected');
  let url;
  try { url = new URL(positional[0]); } catch { throw new UsageError(`not a URL: ${positional[0]}`); }
  if (url.pathname === '/activate' && !url.searchParams.has('redirect_uri')) opts.activate = true;
  if (opts.caFile === undefined && process.env.COUNTERSIGN_BROWSER_CA && url.protocol === 'https:') {
    opts.caFile = process.env.COUNTERSIGN_BROWSER_CA;
  }
  if (!opts.closeAfterLoginPage && (opts.user === undefined || opts.password === undefined)) {
    throw new UsageError('--user and --password are required');
  }
  if (opts.caFile !== undefined && url.protocol !== 'https:') throw new UsageError('--ca needs an https URL');
  if (opts.activate) {
    if (opts.closeAfterLoginPage) throw new UsageError('--activate and --close-after-login-page do not mix');
    return { ...opts, url: url.href, redirectBase: undefined };
  }
  const redirectUri = url.searchParams.get('redirect_uri');
  if (!redirectUri) throw new UsageError('the URL has no redirect_uri parameter');
  const target = new URL(redirectUri);
  return { ...opts, url: url.href, redirectBase: `${target.origin}${target.pathname}` };
}

// Started by an app as its browser, this may outlive whoever reads its output (countersign-cli
// exits once the browser is open): a closed pipe must not stop the browser halfway.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

let printed = false;
function emit(result, exitCode) {
  if (!printed) {
    printed = true;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  process.exitCode = exitCode;
}

const log = (msg) => process.stderr.write(`[sign-in] ${msg}\n`);

/**
 * The base64 SHA-256 of the public key (SPKI) of the server at `url`, after
 * Node verified its certificate chain and host name against `caFile` only.
 */
async function verifiedServerKey(url, caFile, timeoutMs) {
  const ca = await readFile(caFile, 'utf8');
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host, port: Number(port || 443), ca, servername: net.isIP(host) ? undefined : host, timeout: timeoutMs,
    }, () => {
      const key = socket.getPeerX509Certificate().publicKey.export({ type: 'spki', format: 'der' });
      socket.end();
      resolve(createHash('sha256').update(key).digest('base64'));
    });
    socket.on('timeout', () => socket.destroy(new Error(`TLS connection to ${host}:${port} timed out`)));
    socket.on('error', (err) => reject(new Error(`the server's certificate is not trusted by ${caFile}: ${err.message}`)));
  });
}

async function signIn(opts, deadline) {
  const remaining = () => Math.max(1, deadline - Date.now());
  const args = [...CHROMIUM_ARGS];
  if (opts.caFile !== undefined) {
    const key = await verifiedServerKey(opts.url, opts.caFile, remaining());
    log(`server key verified against ${opts.caFile}`);
    args.push(`--ignore-certificate-errors-spki-list=${key}`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'countersign-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args,
      timeout: remaining(),
      // Playwright otherwise forwards the browser's own SIGINT/SIGTERM handling;
      // we close it ourselves in `finally`.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    const page = context.pages()[0] ?? await context.newPage();

    // Remember the navigation to the app's redirect URI even if nothing listens
    // there (the page would then be Chromium's error page).
    let redirectedTo;
    page.on('request', (req) => {
      if (opts.redirectBase !== undefined && req.isNavigationRequest() && req.frame() === page.mainFrame() && req.url().startsWith(opts.redirectBase)) {
        redirectedTo = req.url();
      }
    });

    const isRedirected = () => opts.redirectBase !== undefined
      && (redirectedTo !== undefined || page.url().startsWith(opts.redirectBase));
    const pageText = async () => (await page.evaluate(() => document.body?.innerText ?? '').catch(() => '')).slice(0, PAGE_TEXT_LIMIT);
    // Click and wait for the main frame to commit the resulting document
    // (after any redirects), then for its DOM.
    const clickAndWait = async (locator) => {
      const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: remaining() });
      await locator.click({ timeout: remaining() });
      await navigated;
      await page.waitForLoadState('domcontentloaded', { timeout: remaining() });
    };

    log(`opening ${opts.url}`);
    await page.goto(opts.url, { waitUntil: 'domcontentloaded', timeout: remaining() }).catch((err) => {
      if (!isRedirected()) throw err; // a refused loopback connection after the redirect is fine
    });

    if (opts.activate) return await activate(opts, page, { clickAndWait, pageText, remaining });

    let loggedIn = false;
    let decided = false;
    for (let step = 0; step < 6; step += 1) {
      if (isRedirected()) {
        await page.waitForLoadState('domcontentloaded', { timeout: remaining() }).catch(() => {});
        return [{ outcome: 'redirected', finalUrl: redirectedTo ?? page.url(), pageText: await pageText() }, 0];
      }
      const password = page.locator('input[name=password]');
      const decision = page.locator(`button[name=decision][value=${opts.deny ? 'deny' : 'allow'}]`);
      if (await password.count()) {
        if (opts.closeAfterLoginPage) return [{ outcome: 'closed' }, 0];
        if (loggedIn) {
          const error = (await page.locator('.error').first().textContent({ timeout: 1000 }).catch(() => null))?.trim();
          return [{ outcome: 'login_error', error: error ?? '' }, 3];
        }
        log('filling in the login form');
        await page.locator('input[name=login]').fill(opts.user, { timeout: remaining() });
        await password.fill(opts.password, { timeout: remaining() });
        loggedIn = true;
        await clickAndWait(page.locator('button[type=submit]'));
      } else if (await decision.count()) {
        if (opts.closeAfterLoginPage) return [{ outcome: 'error', error: 'expected the login page, got the consent page', url: page.url() }, 1];
        if (decided) break;
        log(`clicking ${opts.deny ? 'Deny' : 'Allow'}`);
        decided = true;
        await clickAndWait(decision).catch((err) => {
          if (!isRedirected()) throw err;
        });
      } else {
        break;
      }
    }
    return [{ outcome: 'error', error: 'unexpected page', url: page.url(), pageText: await pageText() }, 1];
  } finally {
    // Never let closing hang the caller.
    if (context) {
      await Promise.race([context.close().catch(() => {}), new Promise((r) => { setTimeout(r, 3000).unref(); })]);
    }
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * The device flow's pages, in whatever order the server shows them: code form,
 * confirm page, login, consent, then the done page (or the code form again,
 * with a notice, when the device was refused).
 */
async function activate(opts, page, { clickAndWait, pageText, remaining }) {
  const seen = new Set();
  for (let step = 0; step < 8; step += 1) {
    const title = (await page.title().catch(() => '')).trim();
    const codeForm = page.locator('input[name=user_code]:not([type=hidden])');
    const confirm = page.locator('button[form="op.deviceConfirmForm"]:not([name=abort])');
    const password = page.locator('input[name=password]');
    const decision = page.locator(`button[name=decision][value=${opts.deny ? 'deny' : 'allow'}]`);
    if (/Device connected/.test(title)) return [{ outcome: 'activated', pageText: await pageText() }, 0];
    if (await codeForm.count()) {
      if (seen.has('code')) return [{ outcome: 'refused', pageText: await pageText() }, 0];
      seen.add('code');
      log('submitting the code form');
      await clickAndWait(page.locator('form:has(input[name=user_code]:not([type=hidden])) button[type=submit]'));
    } else if (await confirm.count()) {
      if (seen.has('confirm')) break;
      seen.add('confirm');
      log('clicking Approve on the confirm page');
      await clickAndWait(confirm);
    } else if (await password.count()) {
      if (seen.has('login')) {
        const error = (await page.locator('.error').first().textContent({ timeout: 1000 }).catch(() => null))?.trim();
        return [{ outcome: 'login_error', error: error ?? '' }, 3];
      }
      seen.add('login');
      log('filling in the login form');
      await page.locator('input[name=login]').fill(opts.user, { timeout: remaining() });
      await password.fill(opts.password, { timeout: remaining() });
      await clickAndWait(page.locator('button[type=submit]'));
    } else if (await decision.count()) {
      if (seen.has('consent')) break;
      seen.add('consent');
      log(`clicking ${opts.deny ? 'Deny' : 'Allow'}`);
      await clickAndWait(decision);
    } else {
      break;
    }
  }
  return [{ outcome: 'error', error: 'unexpected page', url: page.url(), pageText: await pageText() }, 1];
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`sign-in: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const deadline = Date.now() + opts.timeoutMs;
  // Hard stop slightly after the deadline, whatever Playwright is doing.
  const watchdog = setTimeout(() => {
    emit({ outcome: 'error', error: `timed out after ${opts.timeoutMs} ms` }, 1);
    process.exit(1);
  }, opts.timeoutMs + 2000);
  watchdog.unref();

  try {
    const [result, code] = await signIn(opts, deadline);
    emit(result, code);
  } catch (err) {
    log(err.stack ?? String(err));
    emit({ outcome: 'error', error: err.message.split('\n')[0] }, 1);
  }
  clearTimeout(watchdog);
  // Playwright may keep handles open briefly; exit explicitly once the answer is out.
  process.exit(process.exitCode ?? 0);
}

main();
