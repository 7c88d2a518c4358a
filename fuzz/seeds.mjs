// Writes the seed corpus of the fuzz targets (fuzz/corpus/<target>/): real answers of a local
// sandbox (sandbox-*), then the hostile shapes (hostile-*): deep nesting, wrong types, huge
// strings, invalid UTF-8, bidi overrides and terminal escapes. Crashing inputs found by fuzzing
// (crash-*) are kept. Re-run it when an answer's shape changes: node fuzz/seeds.mjs (after npm ci
// in sandbox/). The files are committed; the targets read them, never this script.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  PAYMENT, TRADE, approvalsToken, cibaAuthorize, decide, desktopTokens, deviceAuthorize, deviceLookup,
  endpoint, listApprovals, makeDataDir, pollDeviceToken, pollToken, refresh, startSandbox, approvedCibaTokens,
} from '../sandbox/test-support/harness.mjs';

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
const targets = ['jws', 'jwks', 'discovery', 'token', 'sse', 'approvals', 'rar', 'user_code', 'openai_stream',
  'tool_arguments'];
const written = Object.fromEntries(targets.map((t) => [t, 0]));

// seed(target, name, bytes, prefix): prefix is the mode byte some targets read first.
async function seed(target, name, content, prefix) {
  let bytes = Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
  if (prefix !== undefined) bytes = Buffer.concat([Buffer.from([prefix]), bytes]);
  await writeFile(path.join(CORPUS, target, name), bytes);
  written[target] += 1;
}

async function text(url, init) {
  const res = await fetch(url, init);
  return Buffer.from(await res.arrayBuffer());
}

// Stands in for node:test's context: the harness registers its clean-ups here.
const cleanups = [];
const t = { after: (fn) => cleanups.push(fn) };

// Everything but the crashing inputs found by fuzzing (crash-*), which stay.
for (const target of targets) {
  await mkdir(path.join(CORPUS, target), { recursive: true });
  for (const file of await readdir(path.join(CORPUS, target)))
    if (!file.startsWith('crash-')) await rm(path.join(CORPUS, target, file));
}

const sandbox = await startSandbox(t, { data: await makeDataDir(t), args: ['--ciba-interval', '1', '--device-interval', '1'] });
const { issuer } = sandbox;
try {
  // Discovery and keys.
  await seed('discovery', 'sandbox-openid-configuration', await text(new URL('.well-known/openid-configuration', issuer)));
  const discovery = JSON.parse((await text(new URL('.well-known/openid-configuration', issuer))).toString());
  await seed('jwks', 'sandbox-jwks', await text(discovery.jwks_uri));

  // Token endpoint answers: code exchange, refresh, a refused refresh, CIBA and device flow.
  const desktop = await desktopTokens(issuer);
  await seed('token', 'sandbox-code-exchange', desktop.tokens);
  const refreshed = await refresh(issuer, desktop.refreshToken);
  await seed('token', 'sandbox-refresh', refreshed.body);
  await seed('token', 'sandbox-invalid-grant', (await refresh(issuer, 'spent')).body);
  const ciba = await cibaAuthorize(issuer, { authorization_details: [TRADE, PAYMENT] });
  await seed('token', 'sandbox-ciba-authorize', ciba.body);
  await seed('token', 'sandbox-ciba-pending', (await pollToken(issuer, ciba.body.auth_req_id)).body);
  await seed('token', 'sandbox-ciba-approved', await approvedCibaTokens(issuer));
  const device = await deviceAuthorize(issuer, { authorization_details: [TRADE] , scope: 'openid stock:trade' });
  await seed('token', 'sandbox-device-authorization', device.body);
  await seed('token', 'sandbox-device-pending', (await pollDeviceToken(issuer, device.body.device_code)).body);

  // The ID token: as it is (it fails at the key: the target has its own), and its header and
  // claims re-dated to the target's clock and issuer, for the target to sign.
  await seed('jws', 'sandbox-id-token', desktop.tokens.id_token, 0);
  const [, claimsPart] = desktop.tokens.id_token.split('.');
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString());
  const now = 1765000000;
  const fixed = { ...claims, iss: 'http://127.0.0.1:8443/', aud: 'countersign-desktop', nonce: 'n-0S6_WzA2Mj',
    iat: now - 5, exp: now + 3600, auth_time: now - 10 };
  const header = { alg: 'EdDSA', kid: 'fuzz', typ: 'JWT' };
  await seed('jws', 'sandbox-claims-signed', `${JSON.stringify(header)}\n${JSON.stringify(fixed)}`, 1);
  await seed('jws', 'sandbox-claims-two-audiences', `${JSON.stringify(header)}\n${JSON.stringify({
    ...fixed, aud: ['countersign-desktop', 'other'], azp: 'countersign-desktop' })}`, 1);
  await seed('jws', 'sandbox-claims-expired', `${JSON.stringify({ alg: 'EdDSA' })}\n${JSON.stringify({
    ...fixed, exp: now - 3600, nbf: now + 100 })}`, 1);

  // The approval channel: the list, one approval, a decision, the event stream, a device code.
  const { accessToken } = await approvalsToken(issuer);
  await cibaAuthorize(issuer, { binding_message: 'Pay Merchant', authorization_details: [PAYMENT], scope: 'openid payments:initiate' });
  const events = await fetch(new URL('/approvals/events', issuer), {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'text/event-stream' },
    signal: AbortSignal.timeout(3000),
  });
  const list = await listApprovals(issuer, accessToken);
  await seed('approvals', 'sandbox-list', list.body, 0);
  await seed('approvals', 'sandbox-approval', list.body.approvals[0], 1);
  const decided = await decide(issuer, accessToken, list.body.approvals[0].id, 'deny', 'not now');
  await seed('approvals', 'sandbox-decided', decided.body, 1);
  const lookup = await deviceLookup(issuer, accessToken, device.body.user_code);
  await seed('approvals', 'sandbox-device-request', lookup.body, 2);
  for (const [i, approval] of list.body.approvals.entries())
    await seed('rar', `sandbox-details-${i}`, approval.authorization_details);
  await seed('rar', 'sandbox-device-details', lookup.body.authorization_details ?? []);
  let stream = Buffer.alloc(0);
  try {
    for await (const chunk of events.body) stream = Buffer.concat([stream, chunk]);
  } catch { /* the timeout ends the stream */ }
  await seed('sse', 'sandbox-approval-events', stream, 0); // one chunk
  await seed('sse', 'sandbox-approval-events-chunked', Buffer.concat([Buffer.from([3, 0, 6, 200, 5]), stream]));

  // User codes as people enter them.
  const code = device.body.user_code;
  await seed('user_code', 'sandbox-code', code);
  await seed('user_code', 'sandbox-code-typed', ` ${code.toLowerCase().replace('-', ' ')} `);
  await seed('user_code', 'sandbox-link', device.body.verification_uri_complete);
} finally {
  for (const fn of cleanups.reverse()) await fn();
}

// ---- Hostile shapes ------------------------------------------------------------------------

const deep = (n) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const huge = 'A'.repeat(16000);
const bidi = 'Invoice \u202Egnp.exe\u202C \u2066x\u2069 \u200B';
const escapes = '\u001B]0;pwned\u0007\u001B[2J\u009B31m';
const badUtf8 = Buffer.from([0x22, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80, 0xFF, 0x22]);
const jsonShapes = {
  'hostile-deep-65': deep(65),
  'hostile-deep-2000': deep(2000),
  'hostile-deep-object': deepObject(80),
  'hostile-huge-string': JSON.stringify({ a: huge }),
  'hostile-bidi': JSON.stringify({ type: bidi, name: escapes }),
  'hostile-wrong-types': '{"keys":1,"approvals":{},"access_token":7,"token_type":[],"expires_in":"1e9","issuer":true,"scope":{},"authorization_details":"x","choices":"no"}',
  'hostile-numbers': '{"expires_in":18446744073709551615,"interval":-9223372036854775808,"qty":1e308,"amount":-0.0,"exp":1.5e300}',
  'hostile-duplicates': '{"alg":"EdDSA","alg":"none","a":1,"a":2}',
  'hostile-not-json': '{"a":',
};
for (const target of ['jwks', 'discovery', 'token', 'rar'])
  for (const [name, body] of Object.entries(jsonShapes)) await seed(target, name, body);
for (const target of ['jwks', 'discovery', 'token', 'rar'])
  await seed(target, 'hostile-invalid-utf8', Buffer.concat([Buffer.from('{"a":'), badUtf8, Buffer.from('}')]));
for (const mode of [0, 1, 2])
  for (const [name, body] of Object.entries(jsonShapes)) await seed('approvals', `${name}-${mode}`, body, mode);
await seed('approvals', 'hostile-list-items', {
  approvals: [JSON.parse(deep(70)), { id: 7 }, { id: 'x', status: 'pending', client_id: 'c', scopes: 'openid',
    authorization_details: [{ type: bidi, creditorName: escapes }], created_at: 'not a date', expires_at: 1e308 }],
  last_event_id: 5,
}, 0);
await seed('rar', 'hostile-known-types-wrong', [
  { ...TRADE, qty: '10', limit_price: [], ticker: bidi },
  { ...PAYMENT, instructedAmount: { amount: 1e308, currency: escapes }, creditorAccount: 'DE89' },
  { type: 'account_information', actions: 7, locations: [{}] }, 'string entry', null, { no_type: true },
]);

await seed('jws', 'hostile-none', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 0);
await seed('jws', 'hostile-embedded-key', `${JSON.stringify({ alg: 'EdDSA', kid: 'fuzz', jwk: { kty: 'OKP' }, crit: ['b64'] })}\n{}`, 1);
await seed('jws', 'hostile-claims-types', `{"alg":"EdDSA","typ":"at+jwt"}\n{"iss":1,"aud":[1,null],"exp":"soon","iat":1e300,"sub":{},"nonce":[]}`, 1);
await seed('jws', 'hostile-deep-claims', `{"alg":"EdDSA"}\n${deepObject(70)}`, 1);
await seed('jws', 'hostile-padding', 'eyJhbGciOiJFZERTQSJ9==.e30=.AA==', 0);

await seed('sse', 'hostile-line-endings', '\uFEFFid: 1\r\nevent: approval\rdata: {"a":1}\r\n\r\ndata: x\n\n:keep-alive\n\nretry: 1500\nid: a\u0000b\ndata\n\n', 0);
await seed('sse', 'hostile-long-line', `:${'x'.repeat(5000)}\ndata: ${'y'.repeat(3000)}\n\n`, 0);
await seed('sse', 'hostile-retry', 'retry: +5\nretry: -1\nretry: 99999999999\nretry: 0\n\n', 0);

const stream = (...events) => events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');
const delta = (d, finish = null) => ({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: d, finish_reason: finish }] });
const textStream = stream(delta({ role: 'assistant', content: '' }), delta({ content: 'Hello' }), delta({ content: ' Alice.' }),
  delta({}, 'stop'), { choices: [], usage: { prompt_tokens: 5 } }, '[DONE]');
const toolStream = stream(
  delta({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'buy_stock', arguments: '' } }] }),
  delta({ tool_calls: [{ index: 0, function: { arguments: '{"ticker":"AC' } }] }),
  delta({ tool_calls: [{ index: 0, function: { arguments: 'ME","quantity":3}' } }] }),
  delta({ tool_calls: [{ index: 1, id: 'call_2', function: { name: 'check_calendar', arguments: { date: '2026-12-08' } } }] }),
  delta({}, 'tool_calls'), '[DONE]');
await seed('openai_stream', 'text-stream', textStream, 0);
await seed('openai_stream', 'text-stream-chunked', Buffer.concat([Buffer.from([0, 2, 7, 30]), Buffer.from(textStream)]));
await seed('openai_stream', 'tool-stream', toolStream, 0);
await seed('openai_stream', 'error-event', stream({ error: { message: 'Incorrect API key provided: sk-fuzz-0123', type: 'invalid_request_error' } }), 0);
await seed('openai_stream', 'completion', {
  id: 'chatcmpl-2', object: 'chat.completion', choices: [{ index: 0, finish_reason: 'tool_calls', message: {
    role: 'assistant', content: null, tool_calls: [{ id: 'call_3', type: 'function', function: { name: 'make_payment',
      arguments: '{"amount":"12.00","currency":"EUR","creditor_name":"Erika","creditor_iban":"DE89370400440532013000"}' } }] } }],
}, 1);
await seed('openai_stream', 'error-body', { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, 29);
await seed('openai_stream', 'hostile-indexes', stream(delta({ tool_calls: [{ index: 127, function: { name: 'x' } }, { index: -1 }, { id: 'b' }, 7] })), 0);
await seed('openai_stream', 'hostile-deep-arguments', stream(delta({ tool_calls: [{ index: 0, function: { name: 'x', arguments: deep(70) } }] }), '[DONE]'), 0);
await seed('openai_stream', 'hostile-escapes', stream(delta({ content: `${escapes}${bidi}`, refusal: huge.slice(0, 2000) }), '[DONE]'), 0);

const tools = ['buy_stock', 'sell_stock', 'make_payment', 'fetch_data_record', 'check_calendar', 'search_documents', 'read_document'];
const args = [
  [0, { ticker: 'ACME', quantity: 3, max_price: 120 }], [1, { ticker: 'ACME', quantity: 1 }],
  [2, { amount: '12.00', currency: 'EUR', creditor_name: 'Erika Mustermann', creditor_iban: 'DE89370400440532013000', reference: 'Invoice 42' }],
  [3, { id: 'rec-1' }], [4, { date: '2026-12-08' }], [5, { query: 'plan' }], [6, { id: 'q3-plan' }],
  [0, { ticker: 'ACME\n', quantity: 3.0 }], [0, { ticker: bidi, quantity: 1e308 }], [2, { amount: '1e9', currency: escapes, creditor_name: huge.slice(0, 300) }],
  [6, { id: '../../etc/passwd' }], [5, { query: { $ne: 1 } }],
];
for (const [i, [tool, value]] of args.entries()) await seed('tool_arguments', `${tools[tool]}-${i}`, value, tool);
await seed('tool_arguments', 'hostile-deep', deep(70), 0);
await seed('tool_arguments', 'hostile-invalid-utf8', Buffer.concat([Buffer.from('{"ticker":'), badUtf8, Buffer.from('}')]), 0);

for (const [name, input] of Object.entries({ 'hostile-bidi': `WDJB\u202E-MJHT`, 'hostile-fullwidth': 'ＷＤＪＢ－ＭＪＨＴ',
  'hostile-link-no-code': 'http://127.0.0.1:8443/activate?x=1', 'hostile-link-twice': 'https://a/activate?user_code=AAAA&user_code=BBBB',
  'hostile-huge': 'A'.repeat(5000), 'hostile-escapes': escapes, 'hostile-percent': 'https://a/activate?user_code=%00%E2%80%AEWDJB' }))
  await seed('user_code', name, input);
await seed('user_code', 'hostile-invalid-utf8', badUtf8);

console.log(Object.entries(written).map(([k, v]) => `${k}: ${v}`).join(', '));
