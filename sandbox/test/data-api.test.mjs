// The data API with a device-flow token: the user's own records, nobody
// else's, and the token checks.
import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';

import {
  apiRequest, approvedDeviceTokens, DATA_API, makeDataDir, mintAccessToken, startSandbox,
} from '../test-support/harness.mjs';

const readRecord = (issuer, token, id) => apiRequest(issuer, token, { path: `/api/data/${id}` });

describe('data API', { concurrency: 3 }, () => {
  test('a device-flow token reads its user\'s records; another user\'s record is not found', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const alice = await approvedDeviceTokens(issuer); // demo-device, scope data:read, approved by alice
    assert.equal(alice.scope, 'data:read');

    const record = await readRecord(issuer, alice.access_token, 'r-1001');
    assert.equal(record.status, 200, JSON.stringify(record.body));
    assert.equal(record.headers.get('cache-control'), 'no-store');
    assert.deepEqual(Object.keys(record.body), ['id', 'owner', 'title', 'data']);
    assert.equal(record.body.id, 'r-1001');
    assert.equal(record.body.owner, 'alice');
    assert.equal(record.body.title, 'Quarterly sales figures');
    assert.equal(typeof record.body.data, 'object');
    assert.equal((await readRecord(issuer, alice.access_token, 'r-1002')).body.owner, 'alice');

    // Bob's record looks exactly like a missing one.
    const bobs = await readRecord(issuer, alice.access_token, 'r-2001');
    const missing = await readRecord(issuer, alice.access_token, 'r-9999');
    assert.equal(bobs.status, 404);
    assert.equal(bobs.body.error, 'not_found');
    assert.deepEqual(bobs.body, missing.body);

    const bob = await approvedDeviceTokens(issuer, {}, { user: 'bob' });
    assert.equal((await readRecord(issuer, bob.access_token, 'r-2001')).body.title, 'Fleet maintenance log');
    assert.equal((await readRecord(issuer, bob.access_token, 'r-1001')).status, 404);
  });

  test('tokens: 401 without one or for another API, 403 without data:read', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const none = await readRecord(issuer, undefined, 'r-1001');
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');

    const stock = (await approvedDeviceTokens(issuer, { scope: 'openid stock:trade' })).access_token;
    const foreign = await readRecord(issuer, stock, 'r-1001');
    assert.equal(foreign.status, 401);
    assert.equal(foreign.body.error, 'invalid_token');
    assert.match(foreign.headers.get('www-authenticate'), /not for https:\/\/api\.sandbox\.countersign\.dev\/data/);

    const noScope = await mintAccessToken(data, issuer, { audience: DATA_API, scope: 'profile:read' });
    const scoped = await readRecord(issuer, noScope, 'r-1001');
    assert.equal(scoped.status, 403);
    assert.match(scoped.headers.get('www-authenticate'), /^Bearer error="insufficient_scope", scope="data:read"/);

    const wrongMethod = await apiRequest(issuer, noScope, { method: 'DELETE', path: '/api/data/r-1001' });
    assert.equal(wrongMethod.status, 405);
  });
});
