// The documents API: a retriever that returns every match (whoever asks),
// its token checks, and the retrieval the agent pane does with it: search,
// then keep what an FGA batch-check allows.
import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';

import {
  apiRequest, APPROVALS_API, approvalsToken, authorize, cibaAuthorize, desktopTokens, DOCS_API, fgaRequest, makeDataDir, mintAccessToken,
  startSandbox,
} from '../test-support/harness.mjs';

const BUDGET_DOCS = ['budget-2025', 'hiring-plan', 'marketing-budget', 'q3-plan'];

const search = (issuer, token, q) => apiRequest(issuer, token, { path: `/api/docs/search${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}` });
const docsToken = async (issuer, user) => (await desktopTokens(issuer, user, { resource: DOCS_API })).accessToken;

// What the agent pane does: search, then keep the documents `user` may view.
async function readableResults(issuer, token, user, q) {
  const { body } = await search(issuer, token, q);
  const checks = body.documents.map((doc, i) => ({
    tuple_key: { user: `user:${user}`, relation: 'viewer', object: `doc:${doc.id}` }, correlation_id: `c${i}`,
  }));
  const { body: { result } } = await fgaRequest(issuer, 'batch-check', { checks });
  return body.documents.filter((_, i) => result[`c${i}`].allowed).map((doc) => doc.id).sort();
}

describe('documents API', { concurrency: 3 }, () => {
  test('search returns every match, whoever asks, case-insensitively in titles and texts', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const alice = await docsToken(issuer, 'alice');
    const bob = await docsToken(issuer, 'bob');

    const found = await search(issuer, alice, 'budget');
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.headers.get('cache-control'), 'no-store');
    assert.deepEqual(found.body.documents.map((doc) => doc.id).sort(), BUDGET_DOCS);
    for (const doc of found.body.documents) {
      assert.deepEqual(Object.keys(doc), ['id', 'title', 'snippet']);
      assert.match(doc.snippet, /budget/i, doc.id);
    }
    assert.deepEqual((await search(issuer, bob, 'budget')).body, found.body, 'the same for bob: filtering is the client\'s job');

    const roadmap = await search(issuer, alice, 'ROADMAP');
    assert.deepEqual(roadmap.body.documents.map((doc) => doc.id).sort(), ['offsite-notes', 'q3-plan', 'roadmap-2025']);
    const byTitle = await search(issuer, alice, 'offsite');
    assert.deepEqual(byTitle.body.documents.map((doc) => doc.title), ['Team offsite notes']);
    assert.deepEqual((await search(issuer, alice, 'no such words')).body, { documents: [] });

    for (const q of [undefined, '', '   ', 'x'.repeat(201)]) {
      const res = await search(issuer, alice, q);
      assert.equal(res.status, 400, JSON.stringify(q));
      assert.equal(res.body.error, 'invalid_request');
    }
  });

  test('a document by id: the full text; 404 not_found for others', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const token = await docsToken(issuer, 'bob');
    const doc = await apiRequest(issuer, token, { path: '/api/docs/budget-2025' });
    assert.equal(doc.status, 200);
    assert.deepEqual(Object.keys(doc.body), ['id', 'title', 'text']);
    assert.equal(doc.body.title, '2025 budget draft');
    assert.match(doc.body.text, /^Draft budget for 2025/);
    const missing = await apiRequest(issuer, token, { path: '/api/docs/nothing' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, 'not_found');
  });

  test('searching, then checking with FGA: alice and bob each keep what they may read', async (t) => {
    const { issuer } = await startSandbox(t, { data: await makeDataDir(t) });
    const alice = await docsToken(issuer, 'alice');
    const bob = await docsToken(issuer, 'bob');
    assert.deepEqual(await readableResults(issuer, alice, 'alice', 'budget'), ['budget-2025', 'q3-plan']);
    assert.deepEqual(await readableResults(issuer, bob, 'bob', 'budget'), ['hiring-plan', 'marketing-budget', 'q3-plan']);
    assert.deepEqual(await readableResults(issuer, alice, 'alice', 'roadmap'), ['offsite-notes', 'q3-plan', 'roadmap-2025']);
    assert.deepEqual(await readableResults(issuer, bob, 'bob', 'roadmap'), ['q3-plan', 'roadmap-2025']);
  });

  test('tokens: the desktop client may ask for docs:read (consent shows it); others are refused', async (t) => {
    const data = await makeDataDir(t);
    const { issuer } = await startSandbox(t, { data });
    const flow = await authorize(issuer, { scope: 'openid offline_access docs:read', resource: DOCS_API });
    assert.match(flow.pages.consent.text, /Search and read shared documents/);
    const agent = await cibaAuthorize(issuer, { scope: 'openid docs:read', authorization_details: undefined });
    assert.equal(agent.body.error, 'invalid_target', 'the agents may not read documents themselves');

    const none = await search(issuer, undefined, 'budget');
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');

    const approvals = (await approvalsToken(issuer)).accessToken;
    const foreign = await search(issuer, approvals, 'budget');
    assert.equal(foreign.status, 401);
    assert.equal(foreign.body.error, 'invalid_token');
    assert.match(foreign.body.error_description, /not for https:\/\/api\.sandbox\.countersign\.dev\/docs/);

    const noScope = await mintAccessToken(data, issuer, { audience: DOCS_API, scope: 'approvals', claims: { aud: DOCS_API } });
    for (const path of ['/api/docs/search?q=budget', '/api/docs/q3-plan']) {
      const res = await apiRequest(issuer, noScope, { path });
      assert.equal(res.status, 403, path);
      assert.equal(res.body.error, 'insufficient_scope');
      assert.match(res.headers.get('www-authenticate'), /^Bearer error="insufficient_scope", scope="docs:read"/);
    }
    const forApprovals = await mintAccessToken(data, issuer, { audience: APPROVALS_API, scope: 'docs:read' });
    assert.equal((await search(issuer, forApprovals, 'budget')).status, 401, 'the scope alone is not enough');
  });
});
