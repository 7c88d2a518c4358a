// CIBA ping mode: demo-agent-ping's notification reaches a plain-http loopback
// receiver named by --ciba-ping-url, as CIBA Core section 10.2 describes it.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it as test } from 'node:test';

import {
  approvalFor, approvalsToken, cibaAuthorize, decide, makeDataDir, PING_AGENT, pollToken, startSandbox,
} from '../test-support/harness.mjs';

// Stands in for the agent's notification endpoint; records every request.
async function startReceiver(t, status = 204) {
  const hits = [];
  const waiters = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    hits.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(status).end();
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  const next = async (count) => {
    while (hits.length < count) await new Promise((resolve) => { waiters.push(resolve); });
    return hits[count - 1];
  };
  return { url: `http://127.0.0.1:${server.address().port}/ciba/ping`, hits, next };
}

// Each test owns its sandbox; a few run at once so their waits overlap.
describe('CIBA ping delivery', { concurrency: 3 }, () => {
  test('ping: approve and deny both notify the receiver with the bearer token, then the poll answers', async (t) => {
    const receiver = await startReceiver(t);
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t), args: ['--ciba-ping-url', receiver.url] });

    const missing = await cibaAuthorize(issuer, {}, { client: PING_AGENT });
    assert.equal(missing.body.error, 'invalid_request', 'ping clients must send client_notification_token');

    const { body: request } = await cibaAuthorize(issuer, { client_notification_token: 'note-token-1' }, { client: PING_AGENT, path: '/bc-authorize' });
    assert.ok(request.auth_req_id, JSON.stringify(request));
    const { accessToken } = await approvalsToken(issuer);
    const approval = await approvalFor(issuer, accessToken, 'Buy 10 ACME');
    assert.equal(approval.client_id, 'demo-agent-ping');
    assert.equal(approval.client_name, 'Demo Agent (ping)');
    assert.equal(receiver.hits.length, 0, 'no ping before a decision');

    assert.equal((await decide(issuer, accessToken, approval.id, 'approve')).status, 200);
    const ping = await receiver.next(1);
    assert.equal(ping.method, 'POST');
    assert.equal(ping.url, '/ciba/ping');
    assert.equal(ping.headers.authorization, 'Bearer note-token-1');
    assert.match(ping.headers['content-type'], /^application\/json/);
    assert.deepEqual(JSON.parse(ping.body), { auth_req_id: request.auth_req_id });
    const tokens = await pollToken(issuer, request.auth_req_id, { client: PING_AGENT, auth: 'post' });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));

    const { body: second } = await cibaAuthorize(issuer, { client_notification_token: 'note-token-2', binding_message: 'second' }, { client: PING_AGENT });
    await decide(issuer, accessToken, (await approvalFor(issuer, accessToken, 'second')).id, 'deny', 'No.');
    const denyPing = await receiver.next(2);
    assert.equal(denyPing.headers.authorization, 'Bearer note-token-2');
    assert.deepEqual(JSON.parse(denyPing.body), { auth_req_id: second.auth_req_id });
    assert.deepEqual((await pollToken(issuer, second.auth_req_id, { client: PING_AGENT })).body, { error: 'access_denied', error_description: 'No.' });
  });

  test('without --ciba-ping-url (or with a failing receiver) decisions still work and the agent can poll', async (t) => {
    const failing = await startReceiver(t, 500);
    for (const args of [[], ['--ciba-ping-url', failing.url]]) {
      const sandbox = await startSandbox(t, { data: await makeDataDir(t), args });
      const { issuer } = sandbox;
      const { body: request } = await cibaAuthorize(issuer, { client_notification_token: 'tok' }, { client: PING_AGENT });
      const { accessToken } = await approvalsToken(issuer);
      const decided = await decide(issuer, accessToken, (await approvalFor(issuer, accessToken, 'Buy 10 ACME')).id, 'approve');
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal((await pollToken(issuer, request.auth_req_id, { client: PING_AGENT })).status, 200);
      assert.match(sandbox.stderr(), /CIBA ping to demo-agent-ping failed/);
      await sandbox.stop();
    }
    assert.equal(failing.hits.length, 1);
  });
});
