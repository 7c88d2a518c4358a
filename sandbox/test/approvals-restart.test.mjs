// The approval channel across a sandbox restart: pending requests, their poll
// interval and the event log survive; event ids continue; a request approved
// after the restart still yields tokens to the agent.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';

import {
  approvalFor, approvalsToken, cibaAuthorize, decide, listApprovals, makeDataDir, pollToken, SseReader, startSandbox,
} from '../test-support/harness.mjs';

test('restart mid-approval: nothing is lost, ids continue, approving afterwards yields tokens', async (t) => {
  const data = await makeDataDir(t);
  // An interval long enough that the poll after the restart is still too early on a loaded
  // machine (with 1 s, a restart slower than 6 s made it a plain authorization_pending).
  const first = await startSandbox(t, { data, args: ['--ciba-interval', '30'] });
  const { accessToken } = await approvalsToken(first.issuer);
  const { body: waiting } = await cibaAuthorize(first.issuer, { binding_message: 'survives' });
  // One early poll: the interval grows to 35 s, and that is remembered.
  assert.equal((await pollToken(first.issuer, waiting.auth_req_id)).body.error, 'slow_down');

  // "runs out" expires 2-3 s from now: stop at once (well within that, even on a loaded
  // machine), start again after that.
  const { body: runsOut } = await cibaAuthorize(first.issuer, { binding_message: 'runs out', requested_expiry: '3' });
  const expiredBy = Date.now() + runsOut.expires_in * 1000;
  assert.equal((await first.stop()).code, 0);
  assert.doesNotMatch(first.stderr(), /: expired/, 'still pending at shutdown');
  await sleep(Math.max(0, expiredBy - Date.now() + 100));
  const second = await startSandbox(t, { data, port: first.port, args: ['--ciba-interval', '30'] });
  const { issuer } = second;

  // The approvals token from before the restart still works (same keys).
  const after = await listApprovals(issuer, accessToken);
  assert.equal(after.status, 200);
  assert.equal(after.body.last_event_id, '3', 'the expiry that happened while down got its event at start-up');
  assert.match(second.stderr(), /: expired/);
  const statuses = Object.fromEntries(after.body.approvals.map((a) => [a.binding_message, a.status]));
  assert.deepEqual(statuses, { survives: 'pending', 'runs out': 'expired' });

  const stream = await SseReader.open(issuer, accessToken, { lastEventId: '2' });
  t.after(() => stream.close());
  const missed = await stream.next(3000);
  assert.deepEqual([missed.id, missed.event, missed.data.binding_message], ['3', 'approval.expired', 'runs out']);

  const early = await pollToken(issuer, waiting.auth_req_id);
  assert.equal(early.body.error, 'slow_down');
  assert.match(early.body.error_description, /at least 40 seconds/, 'the grown interval was persisted');

  const { id } = await approvalFor(issuer, accessToken, 'survives');
  assert.equal((await decide(issuer, accessToken, id, 'approve')).status, 200);
  const decided = await stream.next(3000);
  assert.deepEqual([decided.id, decided.event], ['4', 'approval.decided']);

  const tokens = await pollToken(issuer, waiting.auth_req_id);
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  assert.ok(tokens.body.access_token);

  // And once more, without a clean shutdown: ids are never reused.
  await second.stop('SIGKILL');
  const third = await startSandbox(t, { data, port: first.port });
  await cibaAuthorize(third.issuer, { binding_message: 'after a crash' });
  assert.equal((await listApprovals(third.issuer, accessToken)).body.last_event_id, '5');
});
