// --tls: https on 127.0.0.1 with a certificate from a CA the sandbox
// generates into DIR/tls; the ready line names the CA (ca=PATH). A client
// that trusts the CA gets through, one that does not is refused; both
// flavours; the CA survives restarts; unusable files are replaced.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { describe, it as test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { makeDataDir, SANDBOX_DIR, startSandbox } from '../test-support/harness.mjs';

const HARNESS_URL = pathToFileURL(path.join(SANDBOX_DIR, 'test-support', 'harness.mjs')).href;

/** GET over https with node:https (`ca`: PEM to trust); resolves { status, json, peer } or rejects with the TLS error. */
function httpsGet(url, { ca } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, agent: false }, (res) => {
      const peer = res.socket.getPeerX509Certificate?.();
      let text = '';
      res.setEncoding('utf8').on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text), peer }));
    });
    req.on('error', reject);
  });
}

/** Runs a module-type script in a fresh node with `env`; resolves { code, stdout, stderr }. */
function runNode(script, args, env) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => { stdout += d; });
    proc.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`timed out: ${stderr}`)); }, 60000);
    proc.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

describe('--tls', { concurrency: 3 }, () => {
  test('ready line names the CA; https with the CA trusted works, without it fails', async (t) => {
    const data = await makeDataDir(t);
    const sandbox = await startSandbox(t, { data, tls: true });
    const { issuer, ca } = sandbox;
    assert.match(sandbox.stdout(), /^ready issuer=https:\/\/127\.0\.0\.1:\d+ ca=\S+\n$/);
    assert.equal(ca, path.join(data, 'tls', 'ca.pem'));
    assert.deepEqual(JSON.parse(await readFile(path.join(data, 'sandbox.json'), 'utf8')), { issuer, pid: sandbox.proc.pid, ca });

    const caPem = await readFile(ca, 'utf8');
    const caCert = new X509Certificate(caPem);
    assert.equal(caCert.ca, true);
    assert.match(caCert.subject, /DEMO ONLY/);

    const { status, json, peer } = await httpsGet(`${issuer}/.well-known/openid-configuration`, { ca: caPem });
    assert.equal(status, 200);
    assert.equal(json.issuer, issuer);
    assert.equal(json.token_endpoint, `${issuer}/token`);
    assert.equal(json.countersign_approvals_endpoint, `${issuer}/approvals`, 'the default flavour keeps its channel');
    assert.equal(peer.subjectAltName, 'IP Address:127.0.0.1');
    assert.equal(peer.ca, false);
    assert.ok(peer.checkIssued(caCert) && peer.verify(caCert.publicKey), 'issued by the printed CA');
    assert.deepEqual(peer.keyUsage, ['1.3.6.1.5.5.7.3.1'], 'extended key usage: serverAuth');
    assert.ok(Date.parse(peer.validTo) - Date.now() < 398 * 24 * 3600 * 1000, 'at most 398 days');

    await assert.rejects(httpsGet(`${issuer}/.well-known/openid-configuration`), (err) => {
      assert.equal(err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      return true;
    });
    await assert.rejects(fetch(`${issuer}/.well-known/openid-configuration`), (err) => {
      assert.equal(err.cause?.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      return true;
    });
    assert.match(sandbox.stderr(), /TLS handshake failed/);
    assert.equal((await sandbox.stop()).code, 0);
    assert.equal(existsSync(path.join(data, 'tls', 'server.key.pem')), true);
  });

  test('a restart keeps the CA; unusable files are replaced by a new CA', async (t) => {
    const data = await makeDataDir(t);
    const first = await startSandbox(t, { data, tls: true });
    const ca1 = await readFile(first.ca, 'utf8');
    await first.stop();
    const second = await startSandbox(t, { data, tls: true, port: first.port });
    assert.equal(await readFile(second.ca, 'utf8'), ca1, 'same CA: a client that trusts it keeps working');
    assert.equal((await httpsGet(`${second.issuer}/jwks`, { ca: ca1 })).status, 200);
    await second.stop();

    await writeFile(path.join(data, 'tls', 'server.pem'), 'garbage');
    const third = await startSandbox(t, { data, tls: true });
    const ca3 = await readFile(third.ca, 'utf8');
    assert.notEqual(ca3, ca1);
    assert.match(third.stderr(), /TLS: replaced \(unreadable\)/);
    assert.equal((await httpsGet(`${third.issuer}/jwks`, { ca: ca3 })).status, 200);
    await assert.rejects(httpsGet(`${third.issuer}/jwks`, { ca: ca1 }));
  });

  test('a data directory with a space: ca= is percent-encoded on the ready line', async (t) => {
    const data = path.join(await makeDataDir(t), 'with space');
    await mkdir(data);
    const sandbox = await startSandbox(t, { data, tls: true });
    assert.match(sandbox.stdout(), /^ready issuer=https:\/\/127\.0\.0\.1:\d+ ca=\S+%20space\/tls\/ca\.pem\n$/);
    assert.equal(sandbox.ca, path.join(data, 'tls', 'ca.pem'));
    assert.ok(existsSync(sandbox.ca));
  });

  test('auth0 flavour over https: a fetch client trusting the CA runs CIBA and the Token Vault grant', async (t) => {
    const sandbox = await startSandbox(t, { data: await makeDataDir(t), flavor: 'auth0', tls: true });
    const { issuer, ca } = sandbox;
    assert.match(issuer, /^https:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(sandbox.stdout(), /^ready issuer=https:\/\/127\.0\.0\.1:\d+\/ ca=\S+\n$/);
    // A separate node that trusts the CA the standard way (NODE_EXTRA_CA_CERTS),
    // driving the flows with plain fetch through the test helpers.
    const script = `
      import * as h from ${JSON.stringify(HARNESS_URL)};
      const issuer = process.argv[1];
      h.registerFlavor(issuer, 'auth0');
      const d = await (await fetch(new URL('.well-known/openid-configuration', issuer))).json();
      const login_hint = JSON.stringify({ format: 'iss_sub', iss: issuer, sub: 'alice' });
      const ciba = await h.approvedCibaTokens(issuer, { login_hint, audience: h.STOCK_API });
      const { payload } = await h.verifyAccessToken(issuer, ciba.access_token, h.STOCK_API);
      const vault = await h.tokenExchange(issuer, {
        grant_type: h.FEDERATED_GRANT, subject_token: ciba.access_token, subject_token_type: h.ACCESS_TOKEN_TYPE,
      }, { client: h.AGENT, auth: 'post' });
      console.log(JSON.stringify({
        issuer: d.issuer, bcAuthorize: d.backchannel_authentication_endpoint, iss: payload.iss, aud: payload.aud,
        vault: vault.status, issued: vault.body.issued_token_type,
      }));`;
    const { code, stdout, stderr } = await runNode(script, [issuer], { NODE_EXTRA_CA_CERTS: ca });
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), {
      issuer,
      bcAuthorize: `${issuer}bc-authorize`,
      iss: issuer,
      aud: 'https://api.sandbox.countersign.dev/stock',
      vault: 200,
      issued: 'http://auth0.com/oauth/token-type/federated-connection-access-token',
    });
  });
});
