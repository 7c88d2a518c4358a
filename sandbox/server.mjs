#!/usr/bin/env node
// Countersign sandbox: a local OAuth 2.0 / OpenID Connect authorization server
// for developing and testing the desktop app. DEMO ONLY (see README.md).
//
//   node sandbox/server.mjs --port 0 --data DIR [--flavor default|auth0] [--tls]
//       [--access-token-ttl SECONDS]
//       [--ciba-interval SECONDS] [--ciba-ping-url URL] [--sse-keepalive SECONDS]
//       [--device-interval SECONDS] [--device-code-ttl SECONDS (for tests)]
//       [--no-approval-channel]
//
// Contract with the programs that start it:
//  * stdout carries exactly one line, `ready issuer=http://127.0.0.1:PORT`,
//    printed once the server accepts requests; all logging goes to stderr.
//    The issuer is https with --tls and ends in `/` with --flavor auth0; with
//    --tls the line has a second field, ` ca=PATH` (the CA certificate to
//    trust, percent-encoded like a URI): `ready issuer=https://127.0.0.1:PORT ca=/DIR/tls/ca.pem`.
//  * DIR/sandbox.json = {"issuer", "pid"} exists while it runs (written before
//    the ready line, removed on SIGTERM/SIGINT); + "flavor" with --flavor
//    auth0, + "ca" (the plain path) with --tls.
//  * exit 2 on a usage error, 1 on any other start-up failure, 0 after a
//    clean shutdown.
import './lib/stdout-guard.mjs'; // must stay the first import

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

import { parseArgs, UsageError, USAGE } from './lib/cli.mjs';
import { writeFileAtomic } from './lib/atomic-file.mjs';
import { issuerFor } from './lib/flavor.mjs';
import { writeStdoutLine } from './lib/stdout-guard.mjs';

const HOST = '127.0.0.1';
// oidc-provider accepts tokens up to clockTolerance seconds past `exp` (default
// 15). Issuer and verifier share one clock here, and tests rely on
// --access-token-ttl meaning what it says, so allow no skew.
const CLOCK_TOLERANCE = 0;
const SHUTDOWN_GRACE_MS = 2000;

// Every log line goes to stderr, and with --log also to a file (appended synchronously, so a
// line is on disk before the request it describes is answered).
let logFile;
const log = (msg) => {
  const line = `[sandbox] ${msg}\n`;
  process.stderr.write(line);
  if (logFile !== undefined) appendFileSync(logFile, line);
};

// A temporary data directory we created, to delete if start-up fails.
let tempDataDir;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// One sandbox per data directory: the file adapter keeps records in memory and
// two writers would overwrite each other's state.
async function claimDataDir(infoFile) {
  let info;
  try {
    info = JSON.parse(await readFile(infoFile, 'utf8'));
  } catch {
    return; // absent or unreadable: nobody (reachable) owns it
  }
  if (Number.isInteger(info?.pid) && info.pid !== process.pid && isAlive(info.pid)) {
    throw new Error(`another sandbox (pid ${info.pid}, ${info.issuer}) is already using this data directory`);
  }
  log(`replacing stale ${infoFile} (pid ${info?.pid} is gone)`);
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: HOST }, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`sandbox: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  logFile = options.logFile;

  // Loaded only after the arguments are known good: oidc-provider and koa take
  // a few hundred milliseconds to import, which usage errors need not pay.
  const [
    { FileStore }, { createInteractionRoutes }, { loadOrCreateKeys }, { createProvider },
    { ApprovalStore }, { ApprovalChannel }, { createApprovalRoutes },
    { DevicePolls }, { DeviceCodes }, { createDeviceRoutes }, { createDemoApis },
    { ConnectionStore }, { createConnectRoutes }, { loadOrCreateTls },
  ] = await Promise.all([
    import('./lib/file-adapter.mjs'),
    import('./lib/interactions.mjs'),
    import('./lib/keys.mjs'),
    import('./lib/provider.mjs'),
    import('./lib/approvals-store.mjs'),
    import('./lib/approvals.mjs'),
    import('./lib/approvals-api.mjs'),
    import('./lib/device-flow.mjs'),
    import('./lib/device-codes.mjs'),
    import('./lib/device-api.mjs'),
    import('./lib/apis/index.mjs'),
    import('./lib/connections.mjs'),
    import('./lib/connect-pages.mjs'),
    import('./lib/tls.mjs'),
  ]);

  const ownsDataDir = options.data === undefined;
  const dataDir = path.resolve(options.data ?? await mkdtemp(path.join(os.tmpdir(), 'countersign-sandbox-')));
  if (ownsDataDir) tempDataDir = dataDir;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  log(`data directory: ${dataDir}${ownsDataDir ? ' (temporary, removed on exit)' : ''}`);
  const infoFile = path.join(dataDir, 'sandbox.json');
  await claimDataDir(infoFile);

  const { jwks, cookieKeys } = await loadOrCreateKeys(dataDir);
  // --tls: DIR/tls/ca.pem and the certificate for 127.0.0.1 it issued (tls.mjs).
  const tls = options.tls ? await loadOrCreateTls(dataDir, { log }) : undefined;
  const store = await FileStore.open(path.join(dataDir, 'store'), { clockTolerance: CLOCK_TOLERANCE, log });
  const approvalStore = await ApprovalStore.open(path.join(dataDir, 'approvals.json'));
  const channel = new ApprovalChannel({ store: approvalStore, interval: options.cibaInterval, log });
  const devicePolls = new DevicePolls({ interval: options.deviceInterval, ttl: options.deviceCodeTTL });
  const deviceCodes = new DeviceCodes({ log });
  // Who has linked which federated connection (Token Vault stand-in, DEMO).
  const connections = await ConnectionStore.open(path.join(dataDir, 'connections.json'));

  // The issuer contains the port, which with --port 0 is only known after
  // listen(); requests that arrive before the provider exists get a 503.
  let app;
  const handler = (req, res) => {
    if (!app) {
      res.writeHead(503, { 'Retry-After': '1' }).end();
      return;
    }
    const started = Date.now();
    // Before any alias rewrite (ciba.mjs, device-flow.mjs); without the
    // query, and without the user code of an approver API path.
    const requestPath = req.url.split('?')[0].replace(/^\/device\/.+/, '/device/...');
    res.on('finish', () => {
      log(`${req.method} ${requestPath} ${res.statusCode} ${Date.now() - started}ms`);
    });
    app(req, res);
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  server.keepAliveTimeout = 5000;
  // Connections that never carried a request (HTTP clients open spare ones,
  // e.g. undici after an aborted event stream). closeIdleConnections() leaves
  // them alone, so shutdown would wait for its grace period; track them. With
  // TLS a request's socket is the TLS socket of 'secureConnection'; the raw
  // sockets (a handshake may never finish) are destroyed when the grace ends.
  const unusedSockets = new Set();
  const rawSockets = new Set();
  server.on(tls ? 'secureConnection' : 'connection', (socket) => {
    unusedSockets.add(socket);
    socket.once('close', () => unusedSockets.delete(socket));
  });
  server.on('connection', (socket) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
  });
  server.on('request', (req) => unusedSockets.delete(req.socket));
  // A client that does not trust the CA ends the handshake: say so once per connection.
  server.on('tlsClientError', (err) => log(`TLS handshake failed: ${err.code ?? err.message}`));

  const port = await listen(server, options.port);
  const origin = `${tls ? 'https' : 'http'}://${HOST}:${port}`;
  const issuer = issuerFor(options.flavor, origin);
  const provider = createProvider({
    issuer, origin, flavor: options.flavor, jwks, cookieKeys, adapter: store.adapterClass(),
    accessTokenTTL: options.accessTokenTTL,
    clockTolerance: CLOCK_TOLERANCE,
    channel,
    cibaPingUrl: options.cibaPingUrl,
    devicePolls,
    deviceCodeTTL: options.deviceCodeTTL,
    approvalChannel: options.approvalChannel,
    connections,
  });
  channel.attach(provider);
  deviceCodes.attach(provider);
  await channel.start(); // expiry timers; approval.expired for what expired while we were down
  provider.on('server_error', (_ctx, err) => log(`server_error: ${err.stack ?? err}`));
  // A grant ends: revoked by its client (sign-out), or because a spent refresh token came back.
  provider.on('grant.revoked', (ctx) => log(`grant.revoked [by ${ctx?.oidc?.client?.clientId ?? 'unknown client'}]`));
  for (const event of [
    'authorization.error', 'backchannel_authentication.error', 'device_authorization.error', 'code_verification.error',
    'device_resume.error', 'grant.error', 'userinfo.error', 'revocation.error', 'end_session.error',
  ]) {
    provider.on(event, (ctx, err) => {
      // Which grant and client failed (never a parameter value that could be a secret).
      const who = event === 'grant.error'
        ? ` [${ctx.oidc?.params?.grant_type ?? '?'} by ${ctx.oidc?.client?.clientId ?? 'unknown client'}]` : '';
      log(`${event}${who}: ${err.error ?? err.name}: ${err.error_description ?? err.message}${err.error_detail ? ` (${err.error_detail})` : ''}`);
    });
  }
  const interactionRoutes = createInteractionRoutes(provider, { log });
  const approvalRoutes = createApprovalRoutes({
    channel, issuer, jwks, keepAliveSeconds: options.sseKeepAlive, log,
  });
  const deviceRoutes = createDeviceRoutes({
    deviceCodes, issuer, jwks, log,
  });
  // The demo APIs (/api/..., the OpenFGA stand-in under /stores/...) stand in
  // for separate services: served with or without the approval channel.
  const demoApis = await createDemoApis({
    issuer, jwks, dataDir, log,
  });
  // "Connect your account" pages of the Token Vault stand-in, also with
  // --no-approval-channel (they stand in for Auth0, not for Countersign).
  const connectRoutes = createConnectRoutes({ connections, log });
  const providerCallback = provider.callback();
  app = (req, res) => {
    if (interactionRoutes(req, res)) return;
    if (connectRoutes(req, res)) return;
    if (options.approvalChannel && (approvalRoutes(req, res) || deviceRoutes(req, res))) return;
    if (demoApis(req, res)) return;
    providerCallback(req, res);
  };

  const info = {
    issuer, pid: process.pid, ...(options.flavor !== 'default' ? { flavor: options.flavor } : {}), ...(tls ? { ca: tls.caPath } : {}),
  };
  await writeFileAtomic(infoFile, `${JSON.stringify(info)}\n`);
  installShutdown({
    server, unusedSockets, rawSockets, store, infoFile, dataDir, ownsDataDir, channel, approvalStore, approvalRoutes, demoApis, connections,
  });
  log(`listening on ${origin} (${options.flavor} flavour, issuer ${issuer}${tls ? `, CA ${tls.caPath}` : ''}; access token TTL ${options.accessTokenTTL}s, CIBA interval ${options.cibaInterval}s, `
    + `ping ${options.cibaPingUrl ?? 'off'}, device interval ${options.deviceInterval}s, `
    + `device code TTL ${options.deviceCodeTTL}s)`);
  // The ready line: space-separated fields, so the CA path is percent-encoded
  // (a space in it would end the field); plain paths come out unchanged.
  await writeStdoutLine(`ready issuer=${issuer}${tls ? ` ca=${encodeURI(tls.caPath)}` : ''}`);
}

function installShutdown({
  server, unusedSockets, rawSockets, store, infoFile, dataDir, ownsDataDir, channel, approvalStore, approvalRoutes, demoApis, connections,
}) {
  let stopping = false;

  // Remove sandbox.json only if it still describes this process.
  const removeInfo = () => {
    try {
      const info = JSON.parse(readFileSync(infoFile, 'utf8'));
      if (info.pid === process.pid) rmSync(infoFile, { force: true });
    } catch { /* already gone */ }
  };

  const stop = async (signal) => {
    if (stopping) {
      log(`${signal} again: exiting immediately`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    const forced = setTimeout(() => {
      server.closeAllConnections();
      for (const socket of rawSockets) socket.destroy();
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    channel.stop();
    // Event streams never end by themselves; server.close() would wait for them.
    approvalRoutes.close();
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeIdleConnections();
      for (const socket of unusedSockets) socket.destroy();
    });
    clearTimeout(forced);
    await Promise.all([store.close(), approvalStore.close(), demoApis.close(), connections.close()]);
    removeInfo();
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => { stop('SIGTERM'); });
  process.on('SIGINT', () => { stop('SIGINT'); });
}

main().catch((err) => {
  log(`failed to start: ${err.stack ?? err}`);
  if (tempDataDir) rmSync(tempDataDir, { recursive: true, force: true });
  process.exit(1);
});
