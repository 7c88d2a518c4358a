#!/usr/bin/env node
// Headless stand-in for the user's system browser in end-to-end tests.
//
//   node tests/browser/sign-in.mjs AUTHORIZATION_URL --user U --password P
//        [--deny] [--close-after-login-page] [--timeout MS]
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
// Usage errors exit 2. Everything is time-boxed (default 15 s in total) so a
// caller with a 20 s budget always gets an answer. Diagnostics go to stderr.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PAGE_TEXT_LIMIT = 4000;
const USAGE = 'usage: sign-in.mjs URL --user U --password P [--deny] [--close-after-login-page] [--timeout MS]';

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { deny: false, closeAfterLoginPage: false, timeoutMs: 15000 };
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
  const redirectUri = url.searchParams.get('redirect_uri');
  if (!redirectUri) throw new UsageError('the URL has no redirect_uri parameter');
  if (!opts.closeAfterLoginPage && (opts.user === undefined || opts.password === undefined)) {
    throw new UsageError('--user and --password are required');
  }
  const target = new URL(redirectUri);
  return { ...opts, url: url.href, redirectBase: `${target.origin}${target.pathname}` };
}

let printed = false;
function emit(result, exitCode) {
  if (!printed) {
    printed = true;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  process.exitCode = exitCode;
}

const log = (msg) => process.stderr.write(`[sign-in] ${msg}\n`);

async function signIn(opts, deadline) {
  const remaining = () => Math.max(1, deadline - Date.now());
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'countersign-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
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
      if (req.isNavigationRequest() && req.frame() === page.mainFrame() && req.url().startsWith(opts.redirectBase)) {
        redirectedTo = req.url();
      }
    });

    const isRedirected = () => redirectedTo !== undefined || page.url().startsWith(opts.redirectBase);
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
