// The OpenFGA stand-in: OpenFGA's API shape and error shape, the model's
// semantics (owner implies viewer), the seed, writes and reads, and their
// persistence.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it as test } from 'node:test';

import {
  fgaRequest, FGA_STORE_ID, makeDataDir, startSandbox,
} from '../test-support/harness.mjs';

const MODEL_ID = '01JSANDBXFGAMDE00000000001';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const key = (user, relation, object) => ({ user: `user:${user}`, relation, object: `doc:${object}` });

async function allowed(issuer, user, relation, object) {
  const res = await fgaRequest(issuer, 'check', { tuple_key: key(user, relation, object) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.allowed;
}

describe('OpenFGA stand-in', { concurrency: 3 }, () => {
  test('pre-shared key: anything but "Bearer demo-fga-key" is 401 unauthenticated; unknown store 404', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const body = { tuple_key: key('alice', 'viewer', 'q3-plan') };
    for (const credential of [null, 'wrong-key', 'DEMO-FGA-KEY', 'demo-fga-key.']) {
      const res = await fgaRequest(issuer, 'check', body, { key: credential });
      assert.equal(res.status, 401, String(credential));
      assert.deepEqual(Object.keys(res.body), ['code', 'message']);
      assert.equal(res.body.code, 'unauthenticated');
    }
    const basic = await fetch(`${issuer}/stores/${FGA_STORE_ID}/check`, {
      method: 'POST', headers: { authorization: 'Basic ZGVtbzpkZW1v', 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    assert.equal(basic.status, 401);

    const elsewhere = await fgaRequest(issuer, 'check', body, { store: '01JSANDBOXFGASTORE00000001' });
    assert.equal(elsewhere.status, 404);
    assert.equal(elsewhere.body.code, 'store_id_not_found');
    assert.ok(elsewhere.body.message);
    const noSuchOperation = await fgaRequest(issuer, 'expand', body);
    assert.equal(noSuchOperation.status, 404);
    assert.equal(noSuchOperation.body.code, 'undefined_endpoint');
  });

  test('check: the seed, and owner implies viewer', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const res = await fgaRequest(issuer, 'check', { tuple_key: key('alice', 'viewer', 'q3-plan'), authorization_model_id: MODEL_ID });
    assert.deepEqual(res.body, { allowed: true, resolution: '' });
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');

    const expected = [
      ['alice', 'owner', 'q3-plan', true],
      ['alice', 'viewer', 'q3-plan', true], // as owner
      ['bob', 'viewer', 'q3-plan', true], // direct viewer
      ['bob', 'owner', 'q3-plan', false],
      ['alice', 'viewer', 'budget-2025', true],
      ['bob', 'viewer', 'budget-2025', false],
      ['alice', 'viewer', 'marketing-budget', false],
      ['bob', 'viewer', 'marketing-budget', true],
      ['alice', 'viewer', 'roadmap-2025', true],
      ['alice', 'viewer', 'no-such-doc', false],
      ['carol', 'viewer', 'q3-plan', false],
    ];
    for (const [user, relation, object, answer] of expected) {
      assert.equal(await allowed(issuer, user, relation, object), answer, `${user} ${relation} ${object}`);
    }

    // Contextual tuples count for that one check only.
    const contextual = await fgaRequest(issuer, 'check', {
      tuple_key: key('alice', 'viewer', 'hiring-plan'),
      contextual_tuples: { tuple_keys: [key('alice', 'owner', 'hiring-plan')] },
    });
    assert.equal(contextual.body.allowed, true);
    assert.equal(await allowed(issuer, 'alice', 'viewer', 'hiring-plan'), false);
  });

  test('check: validation errors are 400 {code, message}', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const invalid = {
      'no tuple_key': [{}, 'validation_error'],
      'unknown relation': [{ tuple_key: key('alice', 'editor', 'q3-plan') }, 'validation_error'],
      'a relation named like an Object property': [{ tuple_key: key('alice', 'constructor', 'q3-plan') }, 'validation_error'],
      'unknown object type': [{ tuple_key: { user: 'user:alice', relation: 'viewer', object: 'folder:x' } }, 'validation_error'],
      'unknown user type': [{ tuple_key: { user: 'team:x', relation: 'viewer', object: 'doc:q3-plan' } }, 'validation_error'],
      'malformed object': [{ tuple_key: { user: 'user:alice', relation: 'viewer', object: 'q3-plan' } }, 'validation_error'],
      'malformed user': [{ tuple_key: { user: 'alice', relation: 'viewer', object: 'doc:q3-plan' } }, 'validation_error'],
      'other model': [{ tuple_key: key('alice', 'viewer', 'q3-plan'), authorization_model_id: '01JSANDBXFGAMDE00000000002' }, 'authorization_model_not_found'],
    };
    for (const [label, [body, code]] of Object.entries(invalid)) {
      const res = await fgaRequest(issuer, 'check', body);
      assert.equal(res.status, 400, label);
      assert.deepEqual(Object.keys(res.body), ['code', 'message'], label);
      assert.equal(res.body.code, code, label);
    }
    const notJson = await fetch(`${issuer}/stores/${FGA_STORE_ID}/check`, {
      method: 'POST', headers: { authorization: 'Bearer demo-fga-key', 'content-type': 'application/json' }, body: '{',
    });
    assert.equal(notJson.status, 400);
    assert.equal((await notJson.json()).code, 'validation_error');
  });

  test('batch-check: results by correlation_id, an item\'s own error, request-level validation', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const res = await fgaRequest(issuer, 'batch-check', {
      authorization_model_id: MODEL_ID,
      checks: [
        { tuple_key: key('alice', 'viewer', 'budget-2025'), correlation_id: 'a-budget' },
        { tuple_key: key('alice', 'viewer', 'marketing-budget'), correlation_id: 'a-marketing' },
        { tuple_key: key('alice', 'viewer', 'q3-plan'), correlation_id: '01JA8PM3QM7VBPGB8KMPK8SBD5' },
        { tuple_key: key('alice', 'editor', 'q3-plan'), correlation_id: 'broken' },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body), ['result']);
    assert.deepEqual(res.body.result['a-budget'], { allowed: true });
    assert.deepEqual(res.body.result['a-marketing'], { allowed: false });
    assert.deepEqual(res.body.result['01JA8PM3QM7VBPGB8KMPK8SBD5'], { allowed: true });
    assert.equal(res.body.result.broken.allowed, false);
    assert.equal(res.body.result.broken.error.input_error, 'validation_error');
    assert.match(res.body.result.broken.error.message, /relation 'doc#editor' not found/);

    const item = (id) => ({ tuple_key: key('alice', 'viewer', 'q3-plan'), correlation_id: id });
    const invalid = {
      'no checks': { checks: [] },
      'checks not a list': { checks: {} },
      'missing correlation_id': { checks: [{ tuple_key: key('alice', 'viewer', 'q3-plan') }] },
      'bad correlation_id': { checks: [item('has space')] },
      'too long correlation_id': { checks: [item('x'.repeat(37))] },
      'duplicate correlation_id': { checks: [item('same'), item('same')] },
      'more than 50': { checks: Array.from({ length: 51 }, (_, i) => item(`c${i}`)) },
    };
    for (const [label, body] of Object.entries(invalid)) {
      const bad = await fgaRequest(issuer, 'batch-check', body);
      assert.equal(bad.status, 400, label);
      assert.equal(bad.body.code, 'validation_error', label);
    }
  });

  test('write and read: changes take effect, are all-or-nothing, and respect the model', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const seed = await fgaRequest(issuer, 'read', {});
    assert.equal(seed.status, 200);
    assert.equal(seed.body.continuation_token, '');
    assert.equal(seed.body.tuples.length, 8, 'six owners, two viewers');
    assert.deepEqual(Object.keys(seed.body.tuples[0]), ['key', 'timestamp']);
    assert.match(seed.body.tuples[0].timestamp, ISO);

    const granted = await fgaRequest(issuer, 'write', { writes: { tuple_keys: [key('alice', 'viewer', 'hiring-plan')] } });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.deepEqual(granted.body, {});
    assert.equal(await allowed(issuer, 'alice', 'viewer', 'hiring-plan'), true);

    const hiring = await fgaRequest(issuer, 'read', { tuple_key: { object: 'doc:hiring-plan' } });
    assert.deepEqual(hiring.body.tuples.map((tuple) => tuple.key), [key('bob', 'owner', 'hiring-plan'), key('alice', 'viewer', 'hiring-plan')]);
    const aliceViews = await fgaRequest(issuer, 'read', { tuple_key: { user: 'user:alice', relation: 'viewer', object: 'doc:' } });
    assert.deepEqual(aliceViews.body.tuples.map((tuple) => tuple.key.object).sort(), ['doc:hiring-plan', 'doc:roadmap-2025']);

    const duplicate = await fgaRequest(issuer, 'write', { writes: { tuple_keys: [key('alice', 'viewer', 'hiring-plan')] } });
    assert.equal(duplicate.status, 400);
    assert.equal(duplicate.body.code, 'write_failed_due_to_invalid_input');
    assert.match(duplicate.body.message, /cannot write a tuple which already exists/);
    const missing = await fgaRequest(issuer, 'write', { deletes: { tuple_keys: [key('bob', 'viewer', 'budget-2025')] } });
    assert.equal(missing.body.code, 'write_failed_due_to_invalid_input');
    assert.match(missing.body.message, /cannot delete a tuple which does not exist/);

    // One bad tuple fails the whole request: the good one is not written either.
    const mixed = await fgaRequest(issuer, 'write', {
      writes: { tuple_keys: [key('bob', 'viewer', 'offsite-notes'), key('alice', 'viewer', 'hiring-plan')] },
    });
    assert.equal(mixed.status, 400);
    assert.equal(await allowed(issuer, 'bob', 'viewer', 'offsite-notes'), false);

    const invalid = {
      'nothing to do': [{}, 'validation_error'],
      'a group as viewer': [{ writes: { tuple_keys: [{ user: 'doc:q3-plan', relation: 'viewer', object: 'doc:hiring-plan' }] } }, 'validation_error'],
      'wildcard user': [{ writes: { tuple_keys: [{ user: 'user:*', relation: 'viewer', object: 'doc:hiring-plan' }] } }, 'validation_error'],
      'unknown relation': [{ writes: { tuple_keys: [key('bob', 'editor', 'q3-plan')] } }, 'validation_error'],
      'a condition': [{ writes: { tuple_keys: [{ ...key('bob', 'viewer', 'q3-plan'), condition: { name: 'x' } }] } }, 'validation_error'],
      'the same tuple twice': [{ writes: { tuple_keys: [key('bob', 'viewer', 'offsite-notes'), key('bob', 'viewer', 'offsite-notes')] } }, 'cannot_allow_duplicate_tuples_in_one_request'],
    };
    for (const [label, [body, code]] of Object.entries(invalid)) {
      const res = await fgaRequest(issuer, 'write', body);
      assert.equal(res.status, 400, label);
      assert.equal(res.body.code, code, label);
    }

    // Deleting the owner tuple takes the implied viewer relation with it.
    const deleted = await fgaRequest(issuer, 'write', { deletes: { tuple_keys: [key('alice', 'owner', 'offsite-notes')] } });
    assert.equal(deleted.status, 200);
    assert.equal(await allowed(issuer, 'alice', 'viewer', 'offsite-notes'), false);
  });

  test('tuples persist in DATA/fga.json across a restart', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data });
    await fgaRequest(first.issuer, 'write', {
      writes: { tuple_keys: [key('bob', 'viewer', 'budget-2025')] },
      deletes: { tuple_keys: [key('bob', 'viewer', 'q3-plan')] },
    });
    const before = (await fgaRequest(first.issuer, 'read', {})).body;
    assert.equal((await first.stop()).code, 0);
    const stored = JSON.parse(await readFile(path.join(data, 'fga.json'), 'utf8'));
    assert.equal(stored.tuples.length, 8);

    const second = await startSandbox(t, { data });
    assert.deepEqual((await fgaRequest(second.issuer, 'read', {})).body, before, 'tuples and timestamps as they were');
    assert.equal(await allowed(second.issuer, 'bob', 'viewer', 'budget-2025'), true);
    assert.equal(await allowed(second.issuer, 'bob', 'viewer', 'q3-plan'), false, 'a deleted seed tuple stays deleted');
  });
});
