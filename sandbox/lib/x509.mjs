// A minimal X.509 v3 certificate writer (DER, RFC 5280) for the sandbox's
// --tls certificates: ECDSA P-256 keys from node:crypto, signed with
// ecdsa-with-SHA256. node:crypto can make keys, sign and parse certificates
// (crypto.X509Certificate) but cannot build one; this is the small rest.
// Only what a CA certificate and a server certificate for an IP address need:
// names made of a common name, UTCTime validity, and the extensions below.
import { createHash, randomBytes, sign } from 'node:crypto';
import net from 'node:net';

// ---- DER encoding -------------------------------------------------------------

function length(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A TLV: `tag` byte, DER length, the concatenated `content` buffers. */
function tlv(tag, ...content) {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items) => tlv(0x30, ...items);
const set = (...items) => tlv(0x31, ...items);
const octetString = (bytes) => tlv(0x04, bytes);
const utf8String = (text) => tlv(0x0c, Buffer.from(text, 'utf8'));
const boolean = (value) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const explicit = (n, ...content) => tlv(0xa0 | n, ...content); // [n] EXPLICIT, constructed

/** INTEGER from unsigned big-endian bytes (a leading 0x00 keeps it positive). */
function unsignedInteger(bytes) {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

/** BIT STRING of whole bytes, or of named bits (`unused` trailing zero bits). */
function bitString(bytes, unused = 0) {
  return tlv(0x03, Buffer.from([unused]), bytes);
}

function oid(dotted) {
  const arcs = dotted.split('.').map(Number);
  const out = [40 * arcs[0] + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

// UTCTime (YYMMDDHHMMSSZ) for 1950-2049, GeneralizedTime after (RFC 5280 4.1.2.5).
function time(date) {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
    : tlv(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}

// ---- Certificate parts --------------------------------------------------------

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

const ECDSA_WITH_SHA256 = sequence(oid(OID.ecdsaWithSha256)); // parameters absent (RFC 5758)

const name = (commonName) => sequence(set(sequence(oid(OID.commonName), utf8String(commonName))));

function extension(id, critical, value) {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

// KeyUsage named bits, most significant bit first (RFC 5280 4.2.1.3).
const DIGITAL_SIGNATURE = 0;
const KEY_CERT_SIGN = 5;
const CRL_SIGN = 6;

function keyUsage(...bits) {
  let byte = 0;
  for (const bit of bits) byte |= 0x80 >> bit;
  return bitString(Buffer.from([byte]), 7 - Math.max(...bits)); // DER: no trailing zero bits
}

/** The key identifier of a public key: SHA-256 of its SubjectPublicKeyInfo, cut to 20 bytes. */
export function keyIdentifier(publicKey) {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest().subarray(0, 20);
}

function ipAddressBytes(ip) {
  if (net.isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  throw new Error(`only IPv4 addresses are supported, not ${ip}`);
}

/**
 * A DER X.509 v3 certificate.
 *
 * @param {object} o
 * @param {string} o.subject            common name of the subject
 * @param {string} o.issuer             common name of the issuer (= subject when self-signed)
 * @param {KeyObject} o.publicKey       the subject's public key (EC P-256)
 * @param {KeyObject} o.signingKey      the issuer's private key (EC P-256)
 * @param {KeyObject} o.issuerPublicKey the issuer's public key (for the authority key identifier)
 * @param {Date} o.notBefore
 * @param {Date} o.notAfter
 * @param {boolean} [o.ca]              a CA certificate (basicConstraints cA, pathLen 0; keyCertSign, cRLSign)
 * @param {string[]} [o.ipAddresses]    subjectAltName iPAddress entries (IPv4) for a server certificate
 */
export function createCertificate({
  subject, issuer, publicKey, signingKey, issuerPublicKey, notBefore, notAfter, ca = false, ipAddresses = [],
}) {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x40; // positive, and never shortened by leading zeros

  const extensions = [
    extension(OID.basicConstraints, true, ca ? sequence(boolean(true), unsignedInteger(Buffer.from([0]))) : sequence()),
    extension(OID.keyUsage, true, ca ? keyUsage(KEY_CERT_SIGN, CRL_SIGN) : keyUsage(DIGITAL_SIGNATURE)),
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
    extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, keyIdentifier(issuerPublicKey)))),
  ];
  if (!ca) {
    extensions.push(extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth))));
    // GeneralName iPAddress: [7] IMPLICIT OCTET STRING. Not critical: the subject is not empty.
    extensions.push(extension(OID.subjectAltName, false, sequence(...ipAddresses.map((ip) => tlv(0x87, ipAddressBytes(ip))))));
  }

  const tbs = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))), // v3
    unsignedInteger(serial),
    ECDSA_WITH_SHA256,
    name(issuer),
    sequence(time(notBefore), time(notAfter)),
    name(subject),
    publicKey.export({ type: 'spki', format: 'der' }), // SubjectPublicKeyInfo, DER as is
    explicit(3, sequence(...extensions)),
  );
  // ECDSA signatures from node:crypto are DER Ecdsa-Sig-Value by default: what X.509 wants.
  const signature = sign('sha256', tbs, signingKey);
  return sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
}

/** PEM armour for DER bytes. */
export function toPem(der, label = 'CERTIFICATE') {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}
