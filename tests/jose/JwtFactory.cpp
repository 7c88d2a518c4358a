#include "JwtFactory.h"

#include <QMessageAuthenticationCode>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>
#include <vector>

namespace countersign::jose::test {

namespace {

void require(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(what);
}

struct Algorithm
{
    const char *digest; // nullptr for EdDSA
    bool pss;
};

Algorithm algorithmFor(const QString &alg)
{
    if (alg == QLatin1String("EdDSA"))
        return {nullptr, false};
    const QString bits = alg.mid(2);
    const char *digest = bits == QLatin1String("256")   ? "SHA256"
                         : bits == QLatin1String("384") ? "SHA384"
                                                        : "SHA512";
    return {digest, alg.startsWith(QLatin1String("PS"))};
}

QByteArray bignumBytes(const BIGNUM *bn, int padTo = 0)
{
    QByteArray out(padTo ? padTo : BN_num_bytes(bn), '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), static_cast<int>(out.size()));
    return out;
}

QByteArray bignumParam(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    require(EVP_PKEY_get_bn_param(key, name, &bn) == 1, name);
    const QByteArray bytes = bignumBytes(bn, padTo);
    BN_clear_free(bn);
    return bytes;
}

QByteArray derToRawEcdsa(const QByteArray &der, int coordinateBytes)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *signature = d2i_ECDSA_SIG(nullptr, &in, der.size());
    require(signature, "d2i_ECDSA_SIG");
    const QByteArray raw = bignumBytes(ECDSA_SIG_get0_r(signature), coordinateBytes) +
                           bignumBytes(ECDSA_SIG_get0_s(signature), coordinateBytes);
    ECDSA_SIG_free(signature);
    return raw;
}

} // namespace

TestKey::TestKey(evp_pkey_st *key, QString kty, QString crv, int coordinateBytes)
    : m_key(key, EVP_PKEY_free), m_kty(std::move(kty)), m_crv(std::move(crv)),
      m_coordinateBytes(coordinateBytes)
{
    require(key, "key generation");
}

TestKey TestKey::rsa(int bits)
{
    return TestKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)),
                   QStringLiteral("RSA"), {}, 0);
}

TestKey TestKey::ec(const char *curve)
{
    const QString crv = QLatin1String(curve);
    const int size = crv == QLatin1String("P-256") ? 32 : crv == QLatin1String("P-384") ? 48 : 66;
    return TestKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve), QStringLiteral("EC"), crv, size);
}

TestKey TestKey::ed25519()
{
    return TestKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), QStringLiteral("OKP"),
                   QStringLiteral("Ed25519"), 32);
}

json TestKey::publicJwk(const QString &kid, const QString &alg, const QString &use) const
{
    EVP_PKEY *key = m_key.get();
    json jwk{{"kty", m_kty.toStdString()}, {"kid", kid.toStdString()}};
    if (m_kty == QLatin1String("RSA")) {
        jwk["n"] = b64url(bignumParam(key, OSSL_PKEY_PARAM_RSA_N)).toStdString();
        jwk["e"] = b64url(bignumParam(key, OSSL_PKEY_PARAM_RSA_E)).toStdString();
    } else if (m_kty == QLatin1String("EC")) {
        jwk["crv"] = m_crv.toStdString();
        jwk["x"] = b64url(bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_X, m_coordinateBytes)).toStdString();
        jwk["y"] = b64url(bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, m_coordinateBytes)).toStdString();
    } else {
        QByteArray x(32, '\0');
        size_t length = 32;
        require(EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(x.data()), &length) == 1,
                "x");
        jwk["crv"] = m_crv.toStdString();
        jwk["x"] = b64url(x).toStdString();
    }
    if (!alg.isEmpty())
        jwk["alg"] = alg.toStdString();
    if (!use.isEmpty())
        jwk["use"] = use.toStdString();
    return jwk;
}

json TestKey::privateJwk(const QString &kid) const
{
    json jwk = publicJwk(kid);
    EVP_PKEY *key = m_key.get();
    if (m_kty == QLatin1String("RSA")) {
        jwk["d"] = b64url(bignumParam(key, OSSL_PKEY_PARAM_RSA_D)).toStdString();
    } else if (m_kty == QLatin1String("EC")) {
        jwk["d"] = b64url(bignumParam(key, OSSL_PKEY_PARAM_PRIV_KEY, m_coordinateBytes)).toStdString();
    } else {
        QByteArray d(32, '\0');
        size_t length = 32;
        require(EVP_PKEY_get_raw_private_key(key, reinterpret_cast<unsigned char *>(d.data()), &length) == 1,
                "d");
        jwk["d"] = b64url(d).toStdString();
    }
    return jwk;
}

QByteArray TestKey::publicKeyPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    require(bio && PEM_write_bio_PUBKEY(bio, m_key.get()) == 1, "PEM_write_bio_PUBKEY");
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, length);
    BIO_free(bio);
    return pem;
}

QByteArray TestKey::sign(const QString &alg, const QByteArray &signingInput, SignOptions options) const
{
    const Algorithm algorithm = algorithmFor(alg);
    std::vector<OSSL_PARAM> params;
    int saltLength = options.pssSaltLength;
    if (m_kty == QLatin1String("RSA")) {
        params.push_back(OSSL_PARAM_construct_utf8_string(
            OSSL_SIGNATURE_PARAM_PAD_MODE,
            const_cast<char *>(algorithm.pss ? OSSL_PKEY_RSA_PAD_MODE_PSS : OSSL_PKEY_RSA_PAD_MODE_PKCSV15),
            0));
        if (algorithm.pss) {
            if (saltLength < 0)
                saltLength = EVP_MD_get_size(EVP_get_digestbyname(algorithm.digest));
            params.push_back(OSSL_PARAM_construct_int(OSSL_SIGNATURE_PARAM_PSS_SALTLEN, &saltLength));
            params.push_back(OSSL_PARAM_construct_utf8_string(OSSL_SIGNATURE_PARAM_MGF1_DIGEST,
                                                              const_cast<char *>(algorithm.digest), 0));
        }
    }
    params.push_back(OSSL_PARAM_construct_end());

    EVP_MD_CTX *context = EVP_MD_CTX_new();
    require(context && EVP_DigestSignInit_ex(context, nullptr, algorithm.digest, nullptr, nullptr,
                                             m_key.get(), params.data()) == 1,
            "EVP_DigestSignInit_ex");
    const auto *input = reinterpret_cast<const unsigned char *>(signingInput.constData());
    size_t length = 0;
    require(EVP_DigestSign(context, nullptr, &length, input, signingInput.size()) == 1,
            "EVP_DigestSign size");
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    require(EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length, input,
                           signingInput.size()) == 1,
            "EVP_DigestSign");
    EVP_MD_CTX_free(context);
    signature.resize(static_cast<qsizetype>(length));

    if (m_kty == QLatin1String("EC") && !options.derEcdsa)
        return derToRawEcdsa(signature, m_coordinateBytes);
    return signature;
}

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray segment(const json &value)
{
    return b64url(QByteArray::fromStdString(value.dump()));
}

QByteArray signRaw(const TestKey &key, const QString &alg, const QByteArray &headerJson,
                   const QByteArray &payloadJson, SignOptions options)
{
    const QByteArray input = b64url(headerJson) + '.' + b64url(payloadJson);
    return input + '.' + b64url(key.sign(alg, input, options));
}

QByteArray signJwt(const TestKey &key, const json &header, const json &payload, SignOptions options)
{
    const QByteArray input = segment(header) + '.' + segment(payload);
    const QString alg = QString::fromStdString(header.at("alg").get<std::string>());
    return input + '.' + b64url(key.sign(alg, input, options));
}

QByteArray hmacJwt(const QByteArray &secret, const json &header, const json &payload)
{
    const QByteArray input = segment(header) + '.' + segment(payload);
    return input + '.' + b64url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

QByteArray unsignedJwt(const json &header, const json &payload, const QByteArray &signature)
{
    return segment(header) + '.' + segment(payload) + '.' + b64url(signature);
}

QByteArray jwks(const json &keys)
{
    return QByteArray::fromStdString(json{{"keys", keys}}.dump());
}

json validClaims()
{
    const qint64 now = kNow.toSecsSinceEpoch();
    return json{
        {"iss", kIssuer.toStdString()},
        {"sub", "user-7f3a"},
        {"aud", kClientId.toStdString()},
        {"exp", now + 300},
        {"iat", now - 5},
        {"auth_time", now - 20},
        {"nonce", kNonce.toStdString()},
        {"name", "Ada Lovelace"},
        {"email", "ada@example.test"},
        {"email_verified", true},
    };
}

IdTokenValidator::Expectations validExpectations()
{
    IdTokenValidator::Expectations expected;
    expected.issuer = kIssuer;
    expected.clientId = kClientId;
    expected.nonce = kNonce;
    expected.now = kNow;
    return expected;
}

QString rejectionOf(const Result<IdTokenClaims> &result, const QByteArray &token)
{
    if (result.ok())
        return QStringLiteral("accepted");
    const Error &error = result.error();
    bool leaks = error.message.trimmed().isEmpty();
    for (const QByteArray &part : token.split('.')) {
        if (part.size() >= 8 && error.message.contains(QString::fromLatin1(part)))
            leaks = true;
    }
    return leaks ? error.code + QStringLiteral(" (bad message)") : error.code;
}

} // namespace countersign::jose::test
