#include "jose/JwsVerifier.h"

#include "jose/Base64Url.h"
#include "jose/JwsAlgorithm.h"
#include "jose/OpenSsl.h"
#include "jose/StrictJson.h"
#include "logging/Logging.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <vector>

namespace countersign::jose {

namespace {

using json = nlohmann::json;

// lupdate files Tr::tr() strings under "JwsVerifier" (a free Tr::tr() would land in the namespace).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JwsVerifier)
};

Error failure(const char *code, const QString &message)
{
    return Error{QString::fromLatin1(code), message};
}

// Header values quoted in messages come from whoever made the token: keep them short.
QString quoted(const QString &untrusted)
{
    constexpr qsizetype kMaxQuoted = 40;
    return untrusted.size() <= kMaxQuoted ? untrusted : untrusted.left(kMaxQuoted) + QChar(0x2026);
}

Error malformed(const QString &why)
{
    return failure("jws_malformed", why);
}

// The three segments of a compact JWS, decoded but not yet trusted.
struct CompactParts
{
    json header;
    QByteArray payload;
    QByteArray signature;
    QByteArray signingInput; // ASCII(BASE64URL(header) || '.' || BASE64URL(payload))
};

Result<CompactParts> splitCompact(const QByteArray &compact)
{
    if (compact.size() > kMaxCompactJwsBytes)
        return failure("jws_too_large", Tr::tr("The token is unreasonably large."));
    if (compact.count('.') != 2)
        return malformed(Tr::tr("The token does not consist of three parts."));

    const qsizetype firstDot = compact.indexOf('.');
    const qsizetype secondDot = compact.indexOf('.', firstDot + 1);
    const QByteArrayView text(compact);
    const auto header = base64UrlDecode(text.first(firstDot));
    const auto payload = base64UrlDecode(text.sliced(firstDot + 1, secondDot - firstDot - 1));
    const auto signature = base64UrlDecode(text.sliced(secondDot + 1));
    if (!header || !payload || !signature)
        return malformed(Tr::tr("The token is not valid base64url."));
    auto headerJson = parseStrictJsonObject(*header);
    if (!headerJson)
        return malformed(Tr::tr("The token's header is not a JSON object."));
    return CompactParts{std::move(*headerJson), *payload, *signature, compact.left(secondDot)};
}

QString stringHeader(const json &header, const char *name)
{
    const auto it = header.find(name);
    return it != header.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

Result<const JwsAlgorithm *> checkHeader(const json &header, const QStringList &allowedAlgorithms)
{
    if (!header.contains("alg") || !header["alg"].is_string())
        return malformed(Tr::tr("The token's header does not name its algorithm."));
    if (header.contains("kid") && !header["kid"].is_string())
        return malformed(Tr::tr("The token's key id is not a string."));

    const QString name = stringHeader(header, "alg");
    // Unsigned or MAC'd tokens could be forged by anyone who knows the public key or nothing at all.
    if (name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 ||
        name.startsWith(QLatin1String("HS"), Qt::CaseInsensitive))
        return failure("jws_forbidden_algorithm",
                       Tr::tr("The token uses algorithm \"%1\", which is never accepted.").arg(quoted(name)));
    const JwsAlgorithm *algorithm = JwsAlgorithm::find(name);
    if (!algorithm || !allowedAlgorithms.contains(name))
        return failure("jws_algorithm_not_allowed",
                       Tr::tr("The token uses algorithm \"%1\", which is not allowed.").arg(quoted(name)));

    for (const char *member : {"jwk", "jku", "x5c", "x5u"}) {
        if (header.contains(member))
            return failure("jws_embedded_key",
                           Tr::tr("The token brings its own key (\"%1\"), which is never trusted.")
                               .arg(QLatin1String(member)));
    }
    if (header.contains("crit"))
        return failure("jws_unsupported_critical",
                       Tr::tr("The token requires extensions (\"crit\") that are not supported."));
    return algorithm;
}

// The keys that may have signed the token, by RFC 7515 §4.1.4 "kid" or, without one, the single
// key that fits the algorithm.
Result<std::vector<const Jwk *>> candidateKeys(const JwkSet &keys, const json &header,
                                               const JwsAlgorithm &algorithm)
{
    std::vector<const Jwk *> candidates;
    if (header.contains("kid")) {
        const QString kid = stringHeader(header, "kid");
        bool kidKnown = false;
        for (const Jwk &key : keys.keys()) {
            if (key.kid != kid)
                continue;
            kidKnown = true;
            if (key.canVerify(algorithm))
                candidates.push_back(&key);
        }
        if (!kidKnown)
            return failure(
                "jws_unknown_key",
                Tr::tr("The token names a key the identity provider does not publish (key id \"%1\").")
                    .arg(quoted(kid)));
        if (candidates.empty())
            return failure("jws_key_mismatch", Tr::tr("The token's algorithm \"%1\" does not fit key \"%2\".")
                                                   .arg(QLatin1String(algorithm.name), quoted(kid)));
        return candidates;
    }

    for (const Jwk &key : keys.keys()) {
        if (key.canVerify(algorithm))
            candidates.push_back(&key);
    }
    if (candidates.empty())
        return failure("jws_unknown_key",
                       Tr::tr("The identity provider publishes no key for algorithm \"%1\".")
                           .arg(QLatin1String(algorithm.name)));
    if (candidates.size() > 1)
        return failure("jws_ambiguous_key",
                       Tr::tr("The token does not say which of the identity provider's keys signed it."));
    return candidates;
}

// JWS carries ECDSA signatures as fixed-size R||S; OpenSSL wants DER. Empty on failure.
QByteArray ecdsaRawToDer(QByteArrayView raw)
{
    const auto *data = reinterpret_cast<const unsigned char *>(raw.data());
    const int half = static_cast<int>(raw.size() / 2);
    ossl::Bignum r(BN_bin2bn(data, half, nullptr));
    ossl::Bignum s(BN_bin2bn(data + half, half, nullptr));
    const ossl::EcdsaSig signature(ECDSA_SIG_new());
    if (!r || !s || !signature || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1)
        return {};
    (void)r.release(); // owned by `signature` now
    (void)s.release();
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    return i2d_ECDSA_SIG(signature.get(), &out) == length ? der : QByteArray();
}

bool verifySignature(EVP_PKEY *key, const JwsAlgorithm &algorithm, QByteArrayView signingInput,
                     QByteArrayView signature)
{
    QByteArray der;
    std::vector<OSSL_PARAM> params;
    switch (algorithm.scheme) {
    case SignatureScheme::RsaPkcs1:
    case SignatureScheme::RsaPss:
        if (signature.size() != EVP_PKEY_get_size(key))
            return false;
        if (algorithm.scheme == SignatureScheme::RsaPkcs1) {
            params.push_back(OSSL_PARAM_construct_utf8_string(
                OSSL_SIGNATURE_PARAM_PAD_MODE, const_cast<char *>(OSSL_PKEY_RSA_PAD_MODE_PKCSV15), 0));
        } else {
            params.push_back(OSSL_PARAM_construct_utf8_string(
                OSSL_SIGNATURE_PARAM_PAD_MODE, const_cast<char *>(OSSL_PKEY_RSA_PAD_MODE_PSS), 0));
            params.push_back(OSSL_PARAM_construct_utf8_string(
                OSSL_SIGNATURE_PARAM_PSS_SALTLEN, const_cast<char *>(OSSL_PKEY_RSA_PSS_SALT_LEN_DIGEST), 0));
            params.push_back(OSSL_PARAM_construct_utf8_string(OSSL_SIGNATURE_PARAM_MGF1_DIGEST,
                                                              const_cast<char *>(algorithm.digest), 0));
        }
        break;
    case SignatureScheme::Ecdsa:
        if (signature.size() != algorithm.signatureBytes)
            return false;
        der = ecdsaRawToDer(signature);
        if (der.isEmpty())
            return false;
        signature = der;
        break;
    case SignatureScheme::EdDsa:
        if (signature.size() != algorithm.signatureBytes)
            return false;
        break;
    }
    params.push_back(OSSL_PARAM_construct_end());

    const ossl::MdCtx context(EVP_MD_CTX_new());
    const bool verified =
        context &&
        EVP_DigestVerifyInit_ex(context.get(), nullptr, algorithm.digest, nullptr, nullptr, key,
                                params.data()) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char *>(signingInput.data()),
                         static_cast<size_t>(signingInput.size())) == 1;
    ERR_clear_error(); // a failed verification leaves entries that are of no use to anyone else
    return verified;
}

} // namespace

Result<VerifiedJws> verifyCompactJws(const QByteArray &compact, const JwkSet &keys,
                                     const QStringList &allowedAlgorithms)
{
    auto split = splitCompact(compact);
    if (!split)
        return split.error();
    CompactParts &parts = split.value();
    const auto checked = checkHeader(parts.header, allowedAlgorithms);
    if (!checked)
        return checked.error();
    const JwsAlgorithm &algorithm = *checked.value();
    const auto candidates = candidateKeys(keys, parts.header, algorithm);
    if (!candidates)
        return candidates.error();

    for (const Jwk *key : candidates.value()) {
        if (verifySignature(key->publicKey.get(), algorithm, parts.signingInput, parts.signature)) {
            return VerifiedJws{std::move(parts.header), std::move(parts.payload),
                               QLatin1String(algorithm.name), key->kid};
        }
    }
    qCDebug(lcJose) << "Signature check failed for alg" << algorithm.name << "kid"
                    << candidates->front()->kid;
    return failure("jws_bad_signature", Tr::tr("The token's signature is not valid."));
}

} // namespace countersign::jose
