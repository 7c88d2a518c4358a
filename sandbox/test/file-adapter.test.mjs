// Unit tests of the persistent oidc-provider adapter (lib/file-adapter.mjs).
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { FileStore } from '../lib/file-adapter.mjs';
import { makeTempDir } from '../test-support/harness.mjs';

const now = () => Math.floor(Date.now() / 1000);

async function open(dir, options) {
  const store = await FileStore.open(dir, options);
  const Adapter = store.adapterClass();
  return { store, adapter: (model) => new Adapter(model) };
}

async function listFiles(dir) {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
}

test('records survive a reopen; find returns copies', async (t) => {
  const dir = await makeTempDir(t);
  let { store, adapter } = await open(dir);
  const payload = { iat: now(), exp: now() + 60, accountId: 'alice', nested: { a: 1 } };
  await adapter('Grant').upsert('g1', payload, 60);
  payload.accountId = 'changed-after-upsert';

  const found = await adapter('Grant').find('g1');
  assert.equal(found.accountId, 'alice');
  found.nested.a = 2;
  assert.equal((await adapter('Grant').find('g1')).nested.a, 1);
  assert.equal(await adapter('Session').find('g1'), undefined, 'models are separate');
  assert.equal(await adapter('Grant').find(undefined), undefined);
  await store.close();

  ({ store, adapter } = await open(dir));
  assert.equal((await adapter('Grant').find('g1')).accountId, 'alice');
  await store.close();
  assert.deepEqual(await listFiles(dir), ['g1.json']);
});

test('expired records: kept (with exp) for oidc-provider to judge, then swept', async (t) => {
  const dir = await makeTempDir(t);
  const { store, adapter } = await open(dir);
  const rt = adapter('RefreshToken');
  await rt.upsert('with-exp', { iat: now() - 10, exp: now() - 5, grantId: 'g' }, -5);
  await rt.upsert('no-exp', { grantId: 'g' }, -5);
  await rt.upsert('no-ttl', { grantId: 'g' });

  // Past expiry but within retention: a payload with `exp` is still returned
  // (oidc-provider rejects it itself unless it asked with ignoreExpiration).
  assert.equal((await rt.find('with-exp')).exp < now(), true);
  assert.equal(await rt.find('no-exp'), undefined);
  assert.ok(await rt.find('no-ttl'));
  await store.close();

  // With no retention the expired ones are gone, and a sweep deletes the files.
  const short = await open(dir, { retainExpiredSeconds: 0 });
  assert.equal(await short.adapter('RefreshToken').find('with-exp'), undefined);
  await short.store.sweep();
  await short.store.close();
  assert.deepEqual(await listFiles(dir), ['no-ttl.json']);
});

test('consume, destroy, findByUid, findByUserCode, revokeByGrantId', async (t) => {
  const dir = await makeTempDir(t);
  let { store, adapter } = await open(dir);
  const exp = now() + 60;

  await adapter('AuthorizationCode').upsert('c1', { exp, grantId: 'g1' }, 60);
  await adapter('AuthorizationCode').consume('c1');
  assert.ok((await adapter('AuthorizationCode').find('c1')).consumed >= now() - 1);

  await adapter('Session').upsert('s1', { exp, uid: 'u1', accountId: 'alice' }, 60);
  assert.equal((await adapter('Session').findByUid('u1')).accountId, 'alice');
  await adapter('Session').upsert('s1', { exp, uid: 'u2', accountId: 'alice' }, 60);
  assert.equal(await adapter('Session').findByUid('u1'), undefined, 'old uid index dropped');

  await adapter('DeviceCode').upsert('d1', { exp, userCode: 'ABCDWXYZ', grantId: 'g1' }, 60);
  assert.ok(await adapter('DeviceCode').findByUserCode('ABCDWXYZ'));
  assert.equal(await adapter('DeviceCode').findByUserCode('NOPE'), undefined);

  await adapter('RefreshToken').upsert('r1', { exp, grantId: 'g1' }, 60);
  await adapter('RefreshToken').upsert('r2', { exp, grantId: 'g2' }, 60);
  await adapter('AccessToken').upsert('a1', { exp, grantId: 'g1' }, 60);
  await store.close();

  // Indexes are rebuilt from disk.
  ({ store, adapter } = await open(dir));
  assert.ok(await adapter('Session').findByUid('u2'));
  await adapter('RefreshToken').revokeByGrantId('g1');
  assert.equal(await adapter('RefreshToken').find('r1'), undefined);
  assert.ok(await adapter('RefreshToken').find('r2'), 'other grants untouched');
  assert.ok(await adapter('AccessToken').find('a1'), 'other models untouched');
  assert.ok((await adapter('AuthorizationCode').find('c1')).consumed, 'consumed flag persisted');

  await adapter('Session').destroy('s1');
  assert.equal(await adapter('Session').findByUid('u2'), undefined);
  await store.close();
  assert.deepEqual(await listFiles(dir), ['a1.json', 'c1.json', 'd1.json', 'r2.json']);
});

test('odd ids stay inside the store; temp leftovers and corrupt files are handled', async (t) => {
  const dir = await makeTempDir(t);
  let { store, adapter } = await open(dir);
  await adapter('Client').upsert('../../escape', { client_id: '../../escape' });
  await adapter('Client').upsert('a b/c', { client_id: 'a b/c' });
  await store.close();
  const files = await readdir(path.join(dir, 'Client'));
  assert.equal(files.length, 2);
  assert.ok(files.every((f) => f.startsWith('~') && !f.includes('/')));

  await writeFile(path.join(dir, 'Client', '.x.json.abc.tmp'), '{"half');
  await writeFile(path.join(dir, 'Client', 'broken.json'), '{not json');
  const lines = [];
  ({ store, adapter } = await open(dir, { log: (l) => lines.push(l) }));
  assert.equal((await adapter('Client').find('../../escape')).client_id, '../../escape');
  assert.equal(await adapter('Client').find('broken'), undefined);
  assert.match(lines.join('\n'), /broken\.json/);
  await store.close();
  assert.ok(!(await readdir(path.join(dir, 'Client'))).some((f) => f.endsWith('.tmp')));
});

test('concurrent updates of one record end with the last state on disk', async (t) => {
  const dir = await makeTempDir(t);
  const { store, adapter } = await open(dir);
  const grants = adapter('Grant');
  await Promise.all(Array.from({ length: 20 }, (_, i) => grants.upsert('g', { n: i }, 60)));
  await store.close();
  const onDisk = JSON.parse(await readFile(path.join(dir, 'Grant', 'g.json'), 'utf8'));
  assert.equal(onDisk.payload.n, 19);
  assert.deepEqual(await listFiles(dir), ['g.json']);
});
