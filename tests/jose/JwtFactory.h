#pragma once

// Test-only signer: generates keys with OpenSSL, publishes them as JWKs and signs arbitrary JOSE
// headers and payloads, including the malformed and hostile ones the validator must refuse.
// Deliberately independent of core/jose, so a bug there cannot hide itself here.

#include "jose/IdTokenValidator.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>

struct evp_pkey_st;

namespace countersign::jose::test {

using nlohmann::json;

struct SignOptions
{
    bool derEcdsa = false;  // ECDSA as OpenSSL's DER instead of JOSE's raw R||S
    int pssSaltLength = -1; // PSS salt length in bytes; -1 = the hash length, as RFC 7518 requires
};

class TestKey
{
public:
    static TestKey rsa(int bits);
    static TestKey ec(const char *curve); // "P-256", "P-384" or "P-521"
    static TestKey ed25519();

    // The public JWK; "alg" and "use" only when given.
    json publicJwk(const QString &kid, const QString &alg = {}, const QString &use = {}) const;
    // The public JWK plus the private key ("d"), as a leaking provider would publish it.
    json privateJwk(const QString &kid) const;
    // SubjectPublicKeyInfo PEM: what a key-confusion attacker uses as an HMAC secret.
    QByteArray publicKeyPem() const;

    // The JWS signature (RFC 7518 §3) of `signingInput` with `alg`.
    QByteArray sign(const QString &alg, const QByteArray &signingInput, SignOptions options = {}) const;

private:
    TestKey(evp_pkey_st *key, QString kty, QString crv, int coordinateBytes);

    std::shared_ptr<evp_pkey_st> m_key;
    QString m_kty;
    QString m_crv;
    int m_coordinateBytes = 0;
};

QByteArray b64url(const QByteArray &bytes);
QByteArray segment(const json &value); // base64url of the JSON text

// header.payload.signature, where header and payload are raw JSON text (to express duplicates).
QByteArray signRaw(const TestKey &key, const QString &alg, const QByteArray &headerJson,
                   const QByteArray &payloadJson, SignOptions options = {});
// Signs with header["alg"].
QByteArray signJwt(const TestKey &key, const json &header, const json &payload, SignOptions options = {});
// HS256 over header.payload with `secret`.
QByteArray hmacJwt(const QByteArray &secret, const json &header, const json &payload);
QByteArray unsignedJwt(const json &header, const json &payload, const QByteArray &signature = {});

QByteArray jwks(const json &keys); // {"keys": keys}

// A token and expectations that pass validation, for tests to spoil one thing at a time.
inline const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1750000000, Qt::UTC);
inline const QString kIssuer = QStringLiteral("https://id.example.test");
inline const QString kClientId = QStringLiteral("countersign-desktop");
inline const QByteArray kNonce = QByteArrayLiteral("n-0S6_WzA2Mj-Qx7");
json validClaims();
IdTokenValidator::Expectations validExpectations();

// The error code of a rejection, "accepted" for a token that passed, or "<code> (bad message)" when
// the message is empty or quotes any part of the token, so one QCOMPARE checks both.
QString rejectionOf(const Result<IdTokenClaims> &result, const QByteArray &token);

} // namespace countersign::jose::test
