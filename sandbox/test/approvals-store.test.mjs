// ApprovalStore on its own: event ids, persistence, retention and replay
// boundaries (which the HTTP tests cannot reach without waiting a day).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { ApprovalStore, RETENTION_MS } from '../lib/approvals-store.mjs';
import { makeTempDir } from '../test-support/harness.mjs';

const HOUR = 60 * 60 * 1000;

function record(id, accountId, { status = 'pending', createdAt = Date.now(), ...rest } = {}) {
  return {
    id,
    authReqId: `req-${id}`,
    accountId,
    clientId: 'demo-agent',
    clientName: 'Demo Agent',
    bindingMessage: id,
    scope: 'openid',
    authorizationDetails: [],
    createdAt,
    expiresAt: createdAt + 300_000,
    status,
    interval: 5,
    lastPollAt: null,
    ...rest,
  };
}

const add = (store, rec) => store.transact((draft, emit) => {
  draft.approvals[rec.id] = rec;
  emit('approval.created', rec);
});

test('event ids count up across reopen; changes are published after they are stored', async (t) => {
  const file = path.join(await makeTempDir(t), 'approvals.json');
  const store = await ApprovalStore.open(file);
  assert.equal(store.lastEventId, '0');
  const seen = [];
  store.subscribe((event) => {
    // By the time a listener runs, the event is on disk.
    seen.push([event.id, JSON.parse(readFileSync(file, 'utf8')).lastEventId >= event.id]);
  });
  await add(store, record('a', 'alice'));
  await add(store, record('b', 'bob'));
  await store.close();
  assert.deepEqual(seen, [[1, true], [2, true]]);

  const again = await ApprovalStore.open(file);
  assert.equal(again.lastEventId, '2');
  await add(again, record('c', 'alice'));
  assert.equal(again.lastEventId, '3');
  assert.deepEqual(again.eventsAfter('alice', '0').events.map((e) => e.id), [1, 3]);
  assert.deepEqual(again.listFor('alice').map((r) => r.id).sort(), ['a', 'c']);
});

test('old events and finished approvals age out; replay from before the pruned point resyncs', async (t) => {
  const file = path.join(await makeTempDir(t), 'approvals.json');
  const old = Date.now() - RETENTION_MS - HOUR;
  const store = await ApprovalStore.open(file);
  await add(store, record('stale', 'alice', { createdAt: old }));
  await add(store, record('waiting', 'alice', { createdAt: old }));
  await store.transact((draft, emit) => {
    Object.assign(draft.approvals.stale, { status: 'denied', decidedAt: old + 1000 });
    emit('approval.decided', draft.approvals.stale);
  });
  await add(store, record('fresh', 'alice'));
  await store.close();

  // Pretend the first three events happened a day ago.
  const state = JSON.parse(await readFile(file, 'utf8'));
  for (const event of state.events.slice(0, 3)) event.at = old;
  await writeFile(file, JSON.stringify(state));

  const reopened = await ApprovalStore.open(file);
  assert.equal(reopened.lastEventId, '4');
  assert.deepEqual(reopened.listFor('alice').map((r) => r.id).sort(), ['fresh', 'waiting'], 'pending ones stay, however old');
  assert.equal(reopened.eventsAfter('alice', '2').resync, true, 'event 3 was pruned');
  assert.equal(reopened.eventsAfter('alice', '3').resync, false);
  assert.deepEqual(reopened.eventsAfter('alice', '3').events.map((e) => e.id), [4]);
  assert.equal(reopened.eventsAfter('alice', '5').resync, true, 'newer than anything written');
  assert.equal(reopened.eventsAfter('alice', 'x').resync, true);
});

test('a damaged store file stops the start instead of reusing event ids', async (t) => {
  const file = path.join(await makeTempDir(t), 'approvals.json');
  await writeFile(file, '{"version": 1, "lastEv');
  await assert.rejects(ApprovalStore.open(file), /cannot read .*approvals\.json/);
  await writeFile(file, '{"version": 99}');
  await assert.rejects(ApprovalStore.open(file), /not an approval store/);
});
