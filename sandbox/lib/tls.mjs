// --tls: the sandbox's own certificate authority and its certificate for
// https://127.0.0.1, generated with node:crypto (keys, signatures) and
// x509.mjs (the DER certificate), kept in the data directory:
//
//   DIR/tls/ca.pem          the CA certificate: what a client must trust (printed as ca=... on the ready line)
//   DIR/tls/server.pem      the server certificate: CN and iPAddress SAN 127.0.0.1, issued by the CA
//   DIR/tls/server.key.pem  the server's private key (PKCS#8 PEM, mode 0600)
//
// DEMO ONLY. The CA's private key is never written anywhere: it signs the one
// server certificate and is dropped, so trusting ca.pem means trusting this
// server certificate and nothing else anyone could make later. The price: a
// new server certificate needs a new CA, which happens only when the files
// are missing, inconsistent, or the certificate is within RENEW_BEFORE_DAYS of
// its end; a client that trusts the old ca.pem must then trust the new one.
import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from './atomic-file.mjs';
import { createCertificate, toPem } from './x509.mjs';

export const TLS_HOST = '127.0.0.1';
const VALIDITY_DAYS = 397; // within every client's limit for TLS server certificates (Apple: 398)
const RENEW_BEFORE_DAYS = 30;
const CLOCK_SKEW_MS = 60 * 60 * 1000; // notBefore an hour back, for clients whose clocks lag
const DAY_MS = 24 * 60 * 60 * 1000;

const FILES = { ca: 'ca.pem', cert: 'server.pem', key: 'server.key.pem' };

async function readIfPresent(file) {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

// Why the stored files cannot be used (a short phrase for the log), or undefined if they can.
function problemWith({ ca, cert, key }, now) {
  if (!ca || !cert || !key) return 'missing';
  let caCert;
  let serverCert;
  let privateKey;
  try {
    caCert = new X509Certificate(ca);
    serverCert = new X509Certificate(cert);
    privateKey = createPrivateKey(key);
  } catch {
    return 'unreadable';
  }
  if (!caCert.ca || !serverCert.checkIssued(caCert) || !serverCert.verify(caCert.publicKey)) return 'not issued by the CA';
  if (!serverCert.checkPrivateKey(privateKey)) return 'key does not match the certificate';
  if (serverCert.checkIP(TLS_HOST) !== TLS_HOST) return `not for ${TLS_HOST}`;
  const renewAt = Date.parse(serverCert.validTo) - RENEW_BEFORE_DAYS * DAY_MS;
  if (Date.parse(serverCert.validFrom) > now || renewAt <= now || Date.parse(caCert.validTo) <= now) return 'expiring';
  return undefined;
}

/** A fresh CA and server certificate: { ca, cert, key } as PEM strings. */
export function generateTlsFiles(now = Date.now()) {
  const notBefore = new Date(now - CLOCK_SKEW_MS);
  const notAfter = new Date(now + VALIDITY_DAYS * DAY_MS);
  const caKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const serverKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caName = `Countersign sandbox CA ${notBefore.toISOString().slice(0, 10)} (DEMO ONLY)`;
  const caDer = createCertificate({
    subject: caName,
    issuer: caName,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    issuerPublicKey: caKeys.publicKey,
    notBefore,
    notAfter,
    ca: true,
  });
  const serverDer = createCertificate({
    subject: TLS_HOST,
    issuer: caName,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    issuerPublicKey: caKeys.publicKey,
    notBefore,
    notAfter,
    ipAddresses: [TLS_HOST],
  });
  return {
    ca: toPem(caDer),
    cert: toPem(serverDer),
    key: serverKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }),
  };
}

/**
 * The TLS material under `dataDir`/tls, generated if missing or unusable.
 * Returns { key, cert (PEM strings for https.createServer), caPath (absolute) }.
 */
export async function loadOrCreateTls(dataDir, { log = () => {} } = {}) {
  const dir = path.join(dataDir, 'tls');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const paths = Object.fromEntries(Object.entries(FILES).map(([k, file]) => [k, path.join(dir, file)]));
  const stored = {
    ca: await readIfPresent(paths.ca),
    cert: await readIfPresent(paths.cert),
    key: await readIfPresent(paths.key),
  };
  const problem = problemWith(stored, Date.now());
  let files = stored;
  if (problem) {
    files = generateTlsFiles();
    // The key first and the CA last: a crash in between leaves a set that
    // problemWith() refuses, so the next start generates a fresh one.
    await writeFileAtomic(paths.key, files.key, { mode: 0o600, durable: true });
    await writeFileAtomic(paths.cert, files.cert, { mode: 0o644, durable: true });
    await writeFileAtomic(paths.ca, files.ca, { mode: 0o644, durable: true });
    log(`TLS: ${problem === 'missing' ? 'generated' : `replaced (${problem})`} the CA ${paths.ca} and the certificate for ${TLS_HOST}`);
  }
  return { key: files.key, cert: files.cert, caPath: paths.ca };
}
