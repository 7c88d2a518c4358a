// Command-line parsing. Deliberately strict: an unknown or malformed flag is a
// usage error (exit code 2) rather than something silently ignored, because
// the sandbox is started by other programs that should fail loudly.

import { deviceCodeTtlFor, FLAVORS } from './flavor.mjs';

export const USAGE = `usage: node sandbox/server.mjs [--port N] [--data DIR] [--flavor default|auth0] [--tls]
                              [--access-token-ttl SECONDS]
                              [--ciba-interval SECONDS] [--ciba-ping-url URL] [--sse-keepalive SECONDS]
                              [--device-interval SECONDS] [--device-code-ttl SECONDS]
                              [--no-approval-channel] [--log FILE]

  --port N                   TCP port on 127.0.0.1 (default 0 = pick a free port)
  --data DIR                 state directory (keys, sessions, grants, tokens,
                             approvals, stock orders, OpenFGA tuples, TLS
                             certificates); default: a fresh temporary directory
  --flavor default|auth0     wire format: the sandbox's own (default), or
                             Auth0's (its paths, issuer https://HOST/ with a
                             trailing slash, audience, iss_sub login_hint,
                             no approval channel in discovery)
  --tls                      serve https with a certificate for 127.0.0.1
                             issued by a CA generated into DIR/tls; the ready
                             line then names the CA file (ca=PATH)
  --access-token-ttl SECONDS access token lifetime (default 600)
  --ciba-interval SECONDS    CIBA poll interval announced by bc-authorize
                             (default 5, minimum 1)
  --ciba-ping-url URL        notification endpoint of the ping client
                             demo-agent-ping (https, or http on 127.0.0.1,
                             localhost or [::1]); without it no ping is sent
  --sse-keepalive SECONDS    keep-alive comment interval on the approval event
                             stream (default 15)
  --device-interval SECONDS  device flow poll interval announced by the device
                             authorization endpoint (default 5, minimum 1)
  --device-code-ttl SECONDS  FOR TESTS: device code lifetime (default 600,
                             auth0 flavour 900, also the maximum); lets
                             tests see codes expire without waiting
  --no-approval-channel      serve neither the approval channel nor the device
                             approver API and leave them out of discovery, like
                             a provider that does not implement Countersign's
                             protocol (Auth0, say); CIBA, device flow, token
                             exchange, demo APIs and OpenFGA stand-in work
  --log FILE                 also append every log line (the ones on stderr)
                             to FILE, e.g. to keep what the provider refused
  --help                     show this help`;

export class UsageError extends Error {}

function integer(flag, raw, { min, max }) {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new UsageError(`${flag} needs a non-negative integer`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`${flag} must be between ${min} and ${max}`);
  return value;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// Plain http only towards this machine: a ping carries a bearer token.
function pingUrl(raw) {
  const url = URL.parse(raw ?? '');
  const ok = url && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)));
  if (!ok || url.username || url.password || url.hash) {
    throw new UsageError('--ciba-ping-url needs an https URL, or an http URL on 127.0.0.1, localhost or [::1]');
  }
  return url.href;
}

/**
 * Parses argv (without node and script); returns { port, data, flavor, tls,
 * accessTokenTTL, cibaInterval, cibaPingUrl, sseKeepAlive, deviceInterval,
 * deviceCodeTTL, approvalChannel, logFile, help }.
 */
export function parseArgs(argv) {
  let deviceCodeTTL;
  const options = {
    port: 0,
    data: undefined,
    flavor: 'default',
    tls: false,
    accessTokenTTL: 600,
    cibaInterval: 5,
    cibaPingUrl: undefined,
    sseKeepAlive: 15,
    deviceInterval: 5,
    approvalChannel: true,
    logFile: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const takeValue = () => {
      if (value !== undefined) return value;
      i += 1;
      if (i >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[i];
    };
    switch (arg) {
      case '--port':
        options.port = integer(arg, takeValue(), { min: 0, max: 65535 });
        break;
      case '--data':
        options.data = takeValue();
        if (!options.data) throw new UsageError('--data needs a directory');
        break;
      case '--flavor':
        options.flavor = takeValue();
        if (!FLAVORS.includes(options.flavor)) throw new UsageError(`--flavor must be one of ${FLAVORS.join(', ')}`);
        break;
      case '--tls':
        if (value !== undefined) throw new UsageError(`${arg} takes no value`);
        options.tls = true;
        break;
      case '--access-token-ttl':
        options.accessTokenTTL = integer(arg, takeValue(), { min: 1, max: 31 * 24 * 3600 });
        break;
      case '--ciba-interval':
        options.cibaInterval = integer(arg, takeValue(), { min: 1, max: 3600 });
        break;
      case '--ciba-ping-url':
        options.cibaPingUrl = pingUrl(takeValue());
        break;
      case '--sse-keepalive':
        options.sseKeepAlive = integer(arg, takeValue(), { min: 1, max: 3600 });
        break;
      case '--device-interval':
        options.deviceInterval = integer(arg, takeValue(), { min: 1, max: 3600 });
        break;
      case '--device-code-ttl':
        deviceCodeTTL = takeValue(); // its maximum depends on --flavor, which may come later
        break;
      case '--no-approval-channel':
        if (value !== undefined) throw new UsageError(`${arg} takes no value`);
        options.approvalChannel = false;
        break;
      case '--log':
        options.logFile = takeValue();
        if (!options.logFile) throw new UsageError('--log needs a file');
        break;
      case '--help':
      case '-h':
        if (value !== undefined) throw new UsageError(`${arg} takes no value`);
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument: ${argv[i]}`);
    }
  }
  const maxDeviceCodeTTL = deviceCodeTtlFor(options.flavor);
  options.deviceCodeTTL = deviceCodeTTL === undefined
    ? maxDeviceCodeTTL
    : integer('--device-code-ttl', deviceCodeTTL, { min: 1, max: maxDeviceCodeTTL });
  return options;
}
