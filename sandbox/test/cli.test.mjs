// Process contract: ready line, loopback binding, sandbox.json, flags, exit codes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { makeTempDir, SERVER, startSandbox } from '../test-support/harness.mjs';

function run(args, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => { stdout += d; });
    proc.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`timed out: ${stderr}`)); }, timeoutMs);
    proc.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

// Listening TCP sockets on `port` from /proc/net/tcp{,6}: [{ family, address }].
async function listenersOn(port) {
  const found = [];
  for (const [file, family] of [['/proc/net/tcp', 4], ['/proc/net/tcp6', 6]]) {
    let text;
    try { text = await readFile(file, 'utf8'); } catch { continue; }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [addr, portHex] = local.split(':');
      if (state === '0A' && parseInt(portHex, 16) === port) found.push({ family, address: addr });
    }
  }
  return found;
}

test('prints exactly the ready line, binds 127.0.0.1, writes and removes sandbox.json', async (t) => {
  const data = await makeTempDir(t);
  const sandbox = await startSandbox(t, { data });
  assert.match(sandbox.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(sandbox.port > 0);

  const info = JSON.parse(await readFile(path.join(data, 'sandbox.json'), 'utf8'));
  assert.deepEqual(info, { issuer: sandbox.issuer, pid: sandbox.proc.pid });

  if (existsSync('/proc/net/tcp')) {
    assert.deepEqual(await listenersOn(sandbox.port), [{ family: 4, address: '0100007F' }]);
  }

  // Requests make oidc-provider print notices; none may reach stdout.
  const res = await fetch(`${sandbox.issuer}/.well-known/openid-configuration`);
  assert.equal(res.status, 200);
  await fetch(`${sandbox.issuer}/auth?client_id=nope`);

  const { code, signal } = await sandbox.stop('SIGTERM');
  assert.equal(code, 0, sandbox.stderr());
  assert.equal(signal, null);
  assert.equal(sandbox.stdout(), `ready issuer=${sandbox.issuer}\n`);
  assert.equal(existsSync(path.join(data, 'sandbox.json')), false, 'sandbox.json removed on shutdown');
});

test('SIGINT also shuts down cleanly', async (t) => {
  const data = await makeTempDir(t);
  const sandbox = await startSandbox(t, { data });
  const { code } = await sandbox.stop('SIGINT');
  assert.equal(code, 0);
  assert.equal(existsSync(path.join(data, 'sandbox.json')), false);
});

test('without --data uses a temporary directory and removes it on exit', async (t) => {
  const sandbox = await startSandbox(t);
  const dir = /data directory: (\S+) \(temporary/.exec(sandbox.stderr())?.[1];
  assert.ok(dir, sandbox.stderr());
  const info = JSON.parse(await readFile(path.join(dir, 'sandbox.json'), 'utf8'));
  assert.equal(info.issuer, sandbox.issuer);
  assert.equal((await sandbox.stop()).code, 0);
  assert.equal(existsSync(dir), false);
});

test('refuses a data directory that a running sandbox owns', async (t) => {
  const data = await makeTempDir(t);
  const first = await startSandbox(t, { data });
  const second = await run(['--port', '0', '--data', data]);
  assert.equal(second.code, 1);
  assert.equal(second.stdout, '');
  assert.match(second.stderr, new RegExp(`pid ${first.proc.pid}`));
});

test('usage errors exit with status 2 and print nothing on stdout', async () => {
  for (const args of [['--bogus'], ['--port'], ['--port', 'abc'], ['--port', '70000'], ['--access-token-ttl', '0'], ['extra']]) {
    const { code, stdout, stderr } = await run(args);
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.equal(stdout, '');
    assert.match(stderr, /usage:/);
  }
});

test('CIBA, SSE and device flow flags: validated, listed in --help', async () => {
  for (const args of [
    ['--ciba-interval', '0'], ['--ciba-interval'], ['--sse-keepalive', '0'], ['--sse-keepalive', 'x'],
    ['--ciba-ping-url', 'http://example.com/ping'], ['--ciba-ping-url', 'ftp://127.0.0.1/x'], ['--ciba-ping-url', 'not a url'],
    ['--ciba-ping-url', 'http://user:pw@127.0.0.1/x'],
    ['--device-interval', '0'], ['--device-interval', '3601'], ['--device-interval', '2.5'],
    ['--device-code-ttl', '0'], ['--device-code-ttl', '601'], ['--no-approval-channel=yes'], ['--log'], ['--log='],
  ]) {
    const { code, stdout, stderr } = await run(args);
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.equal(stdout, '');
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--ciba-interval', '--ciba-ping-url', '--sse-keepalive', '--device-interval', '--device-code-ttl',
    '--no-approval-channel', '--log']) {
    assert.match(help.stderr, new RegExp(flag));
  }
});

test('--flavor and --tls: validated, listed in --help; --device-code-ttl allows 900 only with --flavor auth0', async () => {
  for (const args of [
    ['--flavor'], ['--flavor', 'okta'], ['--flavor='], ['--tls=yes'], ['--device-code-ttl', '901', '--flavor', 'auth0'],
    ['--device-code-ttl', '900'], ['--flavor', 'auth0', '--device-code-ttl', '0'],
  ]) {
    const { code, stdout, stderr } = await run(args);
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.equal(stdout, '');
    assert.match(stderr, /usage:/);
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--flavor default\\|auth0', '--tls']) assert.match(help.stderr, new RegExp(flag));
});

test('--flavor auth0 --device-code-ttl 900 starts; its ready line has the issuer with a trailing slash', async (t) => {
  const data = await makeTempDir(t);
  const sandbox = await startSandbox(t, { data, flavor: 'auth0', args: ['--device-code-ttl', '900'] });
  assert.match(sandbox.issuer, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const info = JSON.parse(await readFile(path.join(data, 'sandbox.json'), 'utf8'));
  assert.deepEqual(info, { issuer: sandbox.issuer, pid: sandbox.proc.pid, flavor: 'auth0' });
  assert.equal((await sandbox.stop()).code, 0);
  assert.equal(sandbox.stdout(), `ready issuer=${sandbox.issuer}\n`);
});
