#!/usr/bin/env node
// Auth0's own agent SDK against the sandbox's auth0 flavour: a `buy_stock`
// tool protected with Auth0 AI's async authorization (CIBA), as an agent
// built on the Vercel AI SDK would write it.
//
//   NODE_EXTRA_CA_CERTS=CA.pem node tests/interop/async-authorization.mjs
//        --domain 127.0.0.1:PORT --client-id ID --client-secret SECRET --user-id USER
//        --audience API --quantity N --symbol TICKER
//        [--binding-message TEXT] [--timeout-ms MS]
//
// The SDK builds https://DOMAIN/ itself, so the sandbox must run with
// `--flavor auth0 --tls` and its CA must be trusted (NODE_EXTRA_CA_CERTS).
//
// What it does: Auth0AI.withAsyncAuthorization({ userID, bindingMessage,
// scopes: ['openid', 'stock:trade'], audience, authorizationDetails: [a
// trade_authorization], onAuthorizationRequest: 'block' }) around an AI SDK
// tool(); then it calls the tool's execute directly (no model), inside
// runWithAIContext({ threadID }), with the call options the AI SDK passes
// ({ toolCallId, messages }). In block mode the SDK posts /bc-authorize and
// polls /oauth/token until the user decides; the tool body reads the granted
// credentials with getAsyncAuthorizationCredentials().
//
// stdout: one JSON object per line.
//   {"event":"started","binding_message":"..."}      right before the tool call
//   {"event":"result","outcome":"approved","authorization_details":[...],"scope":"...","audience":"...",
//    "sub":"...","token_polls":N,"poll_gaps_ms":[...],"poll_answers":[...]}             exit 0
//   {"event":"result","outcome":"denied","error":"AccessDeniedInterrupt",
//    "code":"ASYNC_AUTHORIZATION_ACCESS_DENIED","message":"...", "token_polls":...}   exit 0
//   {"event":"result","outcome":"error","message":"..."}                               exit 1
// Usage errors: message on stderr, exit 2. authorization_details, scope and
// audience are read from the granted access token's JWT payload (decoded, not
// verified: the sandbox's tests verify it). No token is ever printed.
//
// token_polls / poll_gaps_ms / poll_answers come from a wrapper around
// globalThis.fetch installed before the SDK is created (the auth0 client
// binds globalThis.fetch when it is constructed): the number of token
// endpoint requests, the gaps in ms between the bc-authorize answer and the
// first poll and between polls, and each poll's `error` (or "tokens").
// Diagnostics (one line per request) go to stderr.
import { createRequire } from 'node:module';

import { tool } from 'ai';
import { z } from 'zod';

// @auth0/ai and @auth0/ai-vercel ship an ESM build whose relative imports
// have no file extensions (made for bundlers): Node cannot load it
// (ERR_MODULE_NOT_FOUND). Their CommonJS build is what a Node agent loads;
// both must come from the same build, as the credentials live in the CJS
// @auth0/ai's AsyncLocalStorage.
const require = createRequire(import.meta.url);
const { Auth0AI, getAsyncAuthorizationCredentials, runWithAIContext } = require('@auth0/ai-vercel');
const { AccessDeniedInterrupt, Auth0Interrupt } = require('@auth0/ai/interrupts');

const USAGE = 'usage: async-authorization.mjs --domain HOST:PORT --client-id ID --client-secret SECRET --user-id USER '
  + '--audience API --quantity N --symbol TICKER [--binding-message TEXT] [--timeout-ms MS]';
// Auth0's binding_message rule (and the sandbox's).
const BINDING_MESSAGE = /^[A-Za-z0-9 +\-_.,:#]{1,64}$/;
// The trade_authorization rules of sandbox/lib/rar.mjs.
const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { timeoutMs: 120000 };
  const names = {
    '--domain': 'domain',
    '--client-id': 'clientId',
    '--client-secret': 'clientSecret',
    '--user-id': 'userId',
    '--audience': 'audience',
    '--quantity': 'quantity',
    '--symbol': 'symbol',
    '--binding-message': 'bindingMessage',
    '--timeout-ms': 'timeoutMs',
  };
  for (let i = 0; i < argv.length; i += 1) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const key = names[arg];
    if (!key) throw new UsageError(`unknown argument: ${argv[i]}`);
    if (value === undefined) {
      i += 1;
      if (i >= argv.length) throw new UsageError(`${arg} needs a value`);
      value = argv[i];
    }
    opts[key] = value;
  }
  for (const [flag, key] of Object.entries(names)) {
    if (opts[key] === undefined && !['bindingMessage'].includes(key)) throw new UsageError(`${flag} is required`);
  }
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(opts.domain)) throw new UsageError(`--domain must be HOST[:PORT], not ${opts.domain}`);
  opts.quantity = Number(opts.quantity);
  if (!Number.isInteger(opts.quantity) || opts.quantity < 1 || opts.quantity > 1000000) {
    throw new UsageError('--quantity must be an integer from 1 to 1000000');
  }
  if (!TICKER.test(opts.symbol)) throw new UsageError('--symbol must be 1-10 of A-Z0-9. starting with a letter');
  opts.customBindingMessage = opts.bindingMessage;
  opts.bindingMessage ??= `Buy ${opts.quantity} ${opts.symbol}`;
  if (!BINDING_MESSAGE.test(opts.bindingMessage)) {
    throw new UsageError('--binding-message must be 1-64 of letters, digits, space and +-_.,:#');
  }
  opts.timeoutMs = Number(opts.timeoutMs);
  if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs < 1000) throw new UsageError('--timeout-ms needs milliseconds >= 1000');
  return opts;
}

let finished = false;
function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}
function finish(result, exitCode) {
  if (finished) return;
  finished = true;
  emit({ event: 'result', ...result });
  process.exitCode = exitCode;
  // The SDK's poll loop may still hold a timer (time-out); the answer is out.
  process.stdout.write('', () => process.exit(exitCode));
}

const log = (msg) => process.stderr.write(`[interop] ${msg}\n`);

// ---- Counting the SDK's requests (no tokens recorded) ------------------------

const requests = { authorizedAt: undefined, polls: [] };

function watchFetch() {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const res = await original(input, init);
    const at = Date.now();
    let answer = `HTTP ${res.status}`;
    try {
      const body = await res.clone().json();
      answer = body.error ?? (body.access_token ? 'tokens' : body.auth_req_id ? 'auth_req_id' : answer);
      if (url.pathname === '/bc-authorize' && body.auth_req_id) {
        log(`bc-authorize: HTTP ${res.status}, expires_in ${body.expires_in}, interval ${body.interval}`);
      }
    } catch { /* not JSON */ }
    if (url.pathname === '/bc-authorize') {
      requests.authorizedAt = at;
      if (answer !== 'auth_req_id') log(`bc-authorize: ${answer}`);
    } else if (url.pathname === '/oauth/token') {
      const previous = requests.polls.at(-1)?.at ?? requests.authorizedAt ?? at;
      requests.polls.push({ at, answer });
      log(`token poll #${requests.polls.length} +${at - previous} ms: ${answer}${res.headers.get('retry-after') ? ` (Retry-After ${res.headers.get('retry-after')})` : ''}`);
    } else {
      log(`${init?.method ?? 'GET'} ${url.pathname}: HTTP ${res.status}`);
    }
    return res;
  };
}

function pollStats() {
  const gaps = [];
  let previous = requests.authorizedAt;
  for (const { at } of requests.polls) {
    if (previous !== undefined) gaps.push(at - previous);
    previous = at;
  }
  return { token_polls: requests.polls.length, poll_gaps_ms: gaps, poll_answers: requests.polls.map((p) => p.answer) };
}

/** The payload of a JWT, decoded without verification (null if it is not a JWT). */
function jwtPayload(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

// ---- The agent -------------------------------------------------------------

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`async-authorization: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }

  setTimeout(() => finish({ outcome: 'error', message: `no decision within ${opts.timeoutMs} ms`, ...pollStats() }, 1), opts.timeoutMs);

  watchFetch();
  const auth0AI = new Auth0AI({
    auth0: { domain: opts.domain, clientId: opts.clientId, clientSecret: opts.clientSecret },
  });

  const withTradeAuthorization = auth0AI.withAsyncAuthorization({
    userID: opts.userId,
    // From the tool call's arguments (what the user sees on the phone), unless
    // --binding-message names one (e.g. to make it unique for an approver).
    bindingMessage: async ({ symbol, quantity }) => opts.customBindingMessage ?? `Buy ${quantity} ${symbol}`,
    scopes: ['openid', 'stock:trade'],
    audience: opts.audience,
    authorizationDetails: async ({ symbol, quantity }) => [
      { type: 'trade_authorization', action: 'buy', ticker: symbol, qty: quantity },
    ],
    // Wait in the tool call until the user decides, instead of throwing an
    // AuthorizationPendingInterrupt for the host to resume later.
    onAuthorizationRequest: 'block',
  });

  const buyStock = withTradeAuthorization(tool({
    description: 'Buy shares of a stock for the user, once the user approved the trade on their phone',
    inputSchema: z.object({
      symbol: z.string().describe('ticker symbol, e.g. ACME'),
      quantity: z.number().int().positive().describe('number of shares'),
    }),
    execute: async ({ symbol, quantity }) => {
      const credentials = getAsyncAuthorizationCredentials();
      // A real tool would now call the stock API with credentials.accessToken;
      // this one reports what it was granted (never the token itself).
      return {
        symbol,
        quantity,
        tokenType: credentials?.tokenType,
        expiresIn: credentials?.expiresIn,
        scopes: credentials?.scopes,
        authorizationDetails: credentials?.authorizationDetails,
        accessTokenClaims: jwtPayload(credentials?.accessToken),
        hasIdToken: typeof credentials?.idToken === 'string',
      };
    },
  }));

  const toolCallId = `call_${Date.now().toString(36)}`;
  const input = { symbol: opts.symbol, quantity: opts.quantity };
  // What the AI SDK passes to execute: the call id and the conversation so far.
  const callOptions = {
    toolCallId,
    messages: [
      { role: 'user', content: `Buy ${opts.quantity} shares of ${opts.symbol}.` },
    ],
  };

  emit({ event: 'started', binding_message: opts.bindingMessage });
  let result;
  try {
    result = await runWithAIContext({ threadID: `interop-${process.pid}` }, () => buyStock.execute(input, callOptions));
  } catch (err) {
    log(err.stack ?? String(err));
    finish({ outcome: 'error', message: `${err.name ?? 'Error'}: ${err.message}`, ...pollStats() }, 1);
    return;
  }

  // The SDK returns (not throws) the error of an unauthorized call when no
  // onUnauthorized callback is given.
  if (result instanceof Error) {
    const name = result.constructor?.name ?? result.name;
    if (result instanceof AccessDeniedInterrupt) {
      finish({
        outcome: 'denied', error: name, code: result.code, message: result.message, ...pollStats(),
      }, 0);
    } else {
      const code = Auth0Interrupt.isInterrupt(result) ? ` (${result.code})` : '';
      log(result.stack ?? String(result));
      finish({ outcome: 'error', message: `${name}${code}: ${result.message}`, ...pollStats() }, 1);
    }
    return;
  }

  const claims = result?.accessTokenClaims;
  if (!claims) {
    finish({ outcome: 'error', message: 'the granted access token is not a JWT', ...pollStats() }, 1);
    return;
  }
  finish({
    outcome: 'approved',
    authorization_details: claims.authorization_details ?? result.authorizationDetails ?? null,
    scope: claims.scope ?? result.scopes?.join(' ') ?? null,
    audience: claims.aud ?? null,
    sub: claims.sub ?? null,
    ...pollStats(),
  }, 0);
}

main().catch((err) => {
  log(err.stack ?? String(err));
  finish({ outcome: 'error', message: err.message }, 1);
});
