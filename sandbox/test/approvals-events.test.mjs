// The approval channel's event stream (SSE): live events, Last-Event-ID
// replay, resync, keep-alive, and streams ending (token expiry, shutdown).
import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';

import {
  approvalFor, approvalsToken, cibaAuthorize, decide, listApprovals, makeDataDir, SseReader, startSandbox,
} from '../test-support/harness.mjs';

// Each test owns its sandbox; a few run at once so their waits overlap.
// The slowest test (it waits for a token to expire) comes first, so the others run meanwhile.
describe('approval channel: event stream', { concurrency: 3 }, () => {
  test('keep-alive comments every --sse-keepalive seconds; the stream ends when its token expires', async (t) => {
    const { issuer } = await startSandbox(t, {
      data: await makeDataDir(t), args: ['--sse-keepalive', '1', '--access-token-ttl', '6'],
    });
    const { accessToken } = await approvalsToken(issuer);
    const stream = await SseReader.open(issuer, accessToken);
    t.after(() => stream.close());
    // Generous limits: under a loaded CI machine (ctest -j plus this suite) timers run late
    // and the token may be seconds old before the stream opens, so the stream can end early;
    // wait for either, then say which. What matters is that comments come and the stream ends.
    await stream.until(() => stream.comments.length >= 2 || stream.done, 10000);
    assert.deepEqual(stream.comments.slice(0, 2), ['keep-alive', 'keep-alive'],
      `two keep-alive comments before the stream ended (done=${stream.done})`);
    await stream.until(() => stream.done, 10000); // the token lives at most 6 s
  });

  test('events: retry first, then created, decided and expired as they happen', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { accessToken } = await approvalsToken(issuer);
    const stream = await SseReader.open(issuer, accessToken);
    t.after(() => stream.close());
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.headers.get('cache-control'), 'no-store');
    await stream.until(() => stream.retry !== undefined);
    assert.equal(stream.retry, 2000);

    const started = Date.now();
    await cibaAuthorize(issuer, { binding_message: 'live one' });
    const created = await stream.next(1000);
    const latency = Date.now() - started;
    assert.equal(created.event, 'approval.created');
    assert.equal(created.data.binding_message, 'live one');
    assert.equal(created.data.status, 'pending');
    assert.ok(latency < 500, `created event after ${latency} ms`);
    assert.deepEqual(created.data, await approvalFor(issuer, accessToken, 'live one'), 'same object as the list');

    await decide(issuer, accessToken, created.data.id, 'approve');
    const decided = await stream.next(1000);
    assert.equal(decided.event, 'approval.decided');
    assert.equal(decided.data.id, created.data.id);
    assert.equal(decided.data.status, 'approved');
    assert.ok(decided.data.decided_at);

    await cibaAuthorize(issuer, { binding_message: 'short', requested_expiry: '1' });
    const shortLived = await stream.next(1000);
    const expired = await stream.next(2500);
    assert.equal(expired.event, 'approval.expired');
    assert.equal(expired.data.id, shortLived.data.id);
    assert.equal(expired.data.status, 'expired');
    assert.ok(Date.now() - Date.parse(expired.data.expires_at) < 500, 'expired on time');

    const ids = [created, decided, shortLived, expired].map((e) => e.id);
    assert.deepEqual(ids, ['1', '2', '3', '4'], 'one strictly increasing counter');
    assert.equal((await listApprovals(issuer, accessToken)).body.last_event_id, '4');
  });

  test('Last-Event-ID replays exactly the missed events of this user, then streams live', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const alice = (await approvalsToken(issuer, 'alice')).accessToken;
    const first = await SseReader.open(issuer, alice);
    await cibaAuthorize(issuer, { binding_message: 'before the drop' });
    const seen = await first.next(1000);
    first.close();

    // While alice is away: her request is decided, a new one arrives, bob gets one.
    await decide(issuer, alice, seen.data.id, 'deny');
    await cibaAuthorize(issuer, { login_hint: 'bob', binding_message: 'for bob' });
    await cibaAuthorize(issuer, { binding_message: 'while away' });

    const resumed = [
      await SseReader.open(issuer, alice, { lastEventId: seen.id }),
      await SseReader.open(issuer, alice, { query: `?last_event_id=${seen.id}` }),
    ];
    t.after(() => resumed.forEach((stream) => stream.close()));
    for (const stream of resumed) {
      const missed = [await stream.next(1000), await stream.next(1000)];
      assert.deepEqual(missed.map((e) => [e.id, e.event, e.data.binding_message]), [
        ['2', 'approval.decided', 'before the drop'],
        ['4', 'approval.created', 'while away'],
      ]);
    }

    // Both are live now, and saw nothing else.
    await cibaAuthorize(issuer, { binding_message: 'after' });
    for (const stream of resumed) {
      const live = await stream.next(1000);
      assert.deepEqual([live.id, live.data.binding_message], ['5', 'after']);
      assert.equal(stream.events.length, 3);
    }
  });

  test('listing, then subscribing from last_event_id, leaves no gap', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { accessToken } = await approvalsToken(issuer);
    await cibaAuthorize(issuer, { binding_message: 'listed' });
    const { body } = await listApprovals(issuer, accessToken);
    assert.deepEqual(body.approvals.map((a) => a.binding_message), ['listed']);

    await cibaAuthorize(issuer, { binding_message: 'in between' }); // after the list, before the stream
    const stream = await SseReader.open(issuer, accessToken, { lastEventId: body.last_event_id });
    t.after(() => stream.close());
    const replayed = await stream.next(1000);
    assert.equal(replayed.data.binding_message, 'in between');
    await cibaAuthorize(issuer, { binding_message: 'live' });
    assert.equal((await stream.next(1000)).data.binding_message, 'live');
    assert.equal(stream.events.length, 2, 'nothing twice');
  });

  test('an unknown Last-Event-ID gets approval.resync, then live events', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const { accessToken } = await approvalsToken(issuer);
    await cibaAuthorize(issuer, { binding_message: 'one' });

    for (const lastEventId of ['999', 'abc', '-1', '1.5', '1e3']) {
      const stream = await SseReader.open(issuer, accessToken, { lastEventId });
      t.after(() => stream.close());
      const resync = await stream.next(1000);
      assert.equal(resync.event, 'approval.resync', JSON.stringify(lastEventId));
      assert.deepEqual(resync.data, {});
      assert.equal(resync.id, '1', 'carries the newest id to continue from after re-listing');
      stream.close();
    }

    const stream = await SseReader.open(issuer, accessToken, { lastEventId: '7' });
    t.after(() => stream.close());
    assert.equal((await stream.next(1000)).event, 'approval.resync');
    await cibaAuthorize(issuer, { binding_message: 'two' });
    const live = await stream.next(1000);
    assert.equal(live.event, 'approval.created');
    assert.equal(live.id, '2');

    // "0" is valid while nothing has been pruned: everything is replayed.
    const fromStart = await SseReader.open(issuer, accessToken, { lastEventId: '0' });
    t.after(() => fromStart.close());
    assert.deepEqual([(await fromStart.next(1000)).id, (await fromStart.next(1000)).id], ['1', '2']);
  });

  test('SIGTERM ends open event streams and exits promptly', async (t) => {
    const sandbox = await startSandbox(t, { data: await makeDataDir(t) });
    const { accessToken } = await approvalsToken(sandbox.issuer);
    const streams = await Promise.all([SseReader.open(sandbox.issuer, accessToken), SseReader.open(sandbox.issuer, accessToken)]);
    await Promise.all(streams.map((s) => s.until(() => s.retry !== undefined)));
    const started = Date.now();
    const { code } = await sandbox.stop('SIGTERM');
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    await Promise.all(streams.map((s) => s.ended));
  });
});
