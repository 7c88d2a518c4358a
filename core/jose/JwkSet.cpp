#include "jose/JwkSet.h"

#include "jose/Base64Url.h"
#include "jose/JwsAlgorithm.h"
#include "jose/OpenSsl.h"
#include "jose/StrictJson.h"
#include "logging/Logging.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <algorithm>
#include <array>

namespace countersign::jose {

namespace {

using json = nlohmann::json;

// Real providers publish a handful of keys in a few kilobytes; these bounds only stop abuse.
constexpr qsizetype kMaxDocumentBytes = 512LL * 1024;
constexpr std::size_t kMaxKeys = 100;
constexpr int kMinRsaBits = 2048;
constexpr qsizetype kMaxRsaModulusBytes = 16384 / 8;
constexpr qsizetype kMaxRsaExponentBytes = 8;

// lupdate files Tr::tr() strings under "JwkSet" (a free Tr::tr() would land in the namespace).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JwkSet)
};

Error failure(const char *code, const QString &message)
{
    return Error{QString::fromLatin1(code), message};
}

struct Curve
{
    const char *jwkName;
    const char *opensslKeyType;
    const char *opensslGroup; // nullptr for OKP curves, which are key types of their own
    qsizetype coordinateBytes;
};

constexpr std::array<Curve, 4> kCurves{{
    {"P-256", "EC", "prime256v1", 32},
    {"P-384", "EC", "secp384r1", 48},
    {"P-521", "EC", "secp521r1", 66},
    {"Ed25519", "ED25519", nullptr, 32},
}};

const Curve *findCurve(const QString &kty, const QString &crv)
{
    for (const Curve &curve : kCurves) {
        const bool okp = curve.opensslGroup == nullptr;
        if (crv == QLatin1String(curve.jwkName) && kty == QLatin1String(okp ? "OKP" : "EC"))
            return &curve;
    }
    return nullptr;
}

bool fitsKeyType(const JwsAlgorithm &algorithm, const QString &kty, const QString &crv)
{
    return kty == QLatin1String(algorithm.keyType) &&
           (!algorithm.curve || crv == QLatin1String(algorithm.curve));
}

QString describeKey(const QString &kid)
{
    return kid.isEmpty() ? Tr::tr("A key without an id") : Tr::tr("Key \"%1\"").arg(kid);
}

QString stringMember(const json &object, const char *name)
{
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

std::optional<QByteArray> binaryMember(const json &object, const char *name)
{
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    const auto &text = it->get_ref<const std::string &>();
    return base64UrlDecode(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
}

// Builds a public key from OSSL_PARAMs and runs OpenSSL's public-key checks on it
// (for EC: on the curve, not the point at infinity, correct order).
Result<ossl::PKey> publicKeyFrom(const char *opensslKeyType, const ossl::ParamBuilder &builder,
                                 const Error &rejection)
{
    const ossl::Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    const ossl::PKeyCtx context(EVP_PKEY_CTX_new_from_name(nullptr, opensslKeyType, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        ERR_clear_error();
        return rejection;
    }
    ossl::PKey key(raw);
    const ossl::PKeyCtx checkContext(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!checkContext || EVP_PKEY_public_check(checkContext.get()) != 1) {
        ERR_clear_error();
        return rejection;
    }
    return key;
}

Result<ossl::PKey> rsaKey(const json &entry, const QString &who)
{
    const auto modulus = binaryMember(entry, "n");
    const auto exponent = binaryMember(entry, "e");
    if (!modulus || !exponent || modulus->isEmpty() || exponent->isEmpty())
        return failure("jwk_malformed",
                       Tr::tr("%1 is an RSA key without a valid modulus and exponent.").arg(who));
    if (modulus->size() > kMaxRsaModulusBytes || exponent->size() > kMaxRsaExponentBytes)
        return failure("jwk_invalid_key", Tr::tr("%1 is an RSA key of an unsupported size.").arg(who));

    const auto *modulusData = reinterpret_cast<const unsigned char *>(modulus->constData());
    const auto *exponentData = reinterpret_cast<const unsigned char *>(exponent->constData());
    const ossl::Bignum n(BN_bin2bn(modulusData, static_cast<int>(modulus->size()), nullptr));
    const ossl::Bignum e(BN_bin2bn(exponentData, static_cast<int>(exponent->size()), nullptr));
    const Error invalid = failure("jwk_invalid_key", Tr::tr("%1 is not a valid RSA public key.").arg(who));
    if (!n || !e)
        return invalid;
    const int bits = BN_num_bits(n.get());
    if (bits < kMinRsaBits) {
        return failure("jwk_rsa_too_small",
                       Tr::tr("%1 is an RSA key of %2 bits; at least %3 bits are required.")
                           .arg(who)
                           .arg(bits)
                           .arg(kMinRsaBits));
    }

    const ossl::ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        return invalid;
    return publicKeyFrom("RSA", builder, invalid);
}

Result<ossl::PKey> ecKey(const json &entry, const Curve &curve, const QString &who)
{
    const auto x = binaryMember(entry, "x");
    const auto y = binaryMember(entry, "y");
    if (!x || !y)
        return failure("jwk_malformed", Tr::tr("%1 is an EC key without valid coordinates.").arg(who));
    const Error notOnCurve =
        failure("jwk_point_not_on_curve",
                Tr::tr("%1 does not describe a point on curve %2.").arg(who, QLatin1String(curve.jwkName)));
    // RFC 7518 §6.2.1.2: coordinates are always the full curve size.
    if (x->size() != curve.coordinateBytes || y->size() != curve.coordinateBytes)
        return notOnCurve;

    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // uncompressed SEC 1 encoding
    const ossl::ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve.opensslGroup, 0) !=
            1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size())) != 1)
        return failure("jwk_invalid_key", Tr::tr("%1 is not a valid EC public key.").arg(who));
    return publicKeyFrom("EC", builder, notOnCurve);
}

Result<ossl::PKey> okpKey(const json &entry, const Curve &curve, const QString &who)
{
    const auto x = binaryMember(entry, "x");
    const Error invalid = failure(
        "jwk_invalid_key", Tr::tr("%1 is not a valid %2 public key.").arg(who, QLatin1String(curve.jwkName)));
    if (!x)
        return failure(
            "jwk_malformed",
            Tr::tr("%1 is an %2 key without a valid public value.").arg(who, QLatin1String(curve.jwkName)));
    if (x->size() != curve.coordinateBytes)
        return invalid;

    const ossl::ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, x->constData(),
                                                     static_cast<size_t>(x->size())) != 1)
        return invalid;
    return publicKeyFrom(curve.opensslKeyType, builder, invalid);
}

bool hasPrivateMaterial(const json &entry)
{
    // RSA private parts (RFC 7518 §6.3.2), EC/OKP "d", and a symmetric "k".
    for (const char *name : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}) {
        if (entry.contains(name))
            return true;
    }
    return false;
}

bool intendedForVerification(const json &entry)
{
    if (const auto use = entry.find("use"); use != entry.end() && *use != "sig")
        return false;
    if (const auto ops = entry.find("key_ops"); ops != entry.end()) {
        if (!ops->is_array())
            return false;
        return std::find(ops->begin(), ops->end(), "verify") != ops->end();
    }
    return true;
}

Result<Jwk> parseKey(const json &entry)
{
    if (!entry.is_object())
        return failure("jwk_malformed", Tr::tr("An entry of the key set is not a JSON object."));
    Jwk jwk;
    if (const auto kid = entry.find("kid"); kid != entry.end() && !kid->is_string())
        return failure("jwk_malformed", Tr::tr("A key has a \"kid\" that is not a string."));
    jwk.kid = stringMember(entry, "kid");
    jwk.kty = stringMember(entry, "kty");
    jwk.crv = stringMember(entry, "crv");
    jwk.alg = stringMember(entry, "alg");
    const QString who = describeKey(jwk.kid);

    if (jwk.kty.isEmpty())
        return failure("jwk_malformed", Tr::tr("%1 has no key type (\"kty\").").arg(who));
    const bool rsa = jwk.kty == QLatin1String("RSA");
    if (!rsa && jwk.kty != QLatin1String("EC") && jwk.kty != QLatin1String("OKP"))
        return failure(
            "jwk_unsupported_kty",
            Tr::tr("%1 has key type \"%2\", which is not used for signatures here.").arg(who, jwk.kty));
    if (hasPrivateMaterial(entry)) {
        return failure("jwk_private_key",
                       Tr::tr("%1 contains private key material, which an identity provider must "
                              "never publish; the key is ignored.")
                           .arg(who));
    }
    if (!intendedForVerification(entry))
        return failure("jwk_not_for_signing", Tr::tr("%1 is not meant for verifying signatures.").arg(who));

    const Curve *curve = rsa ? nullptr : findCurve(jwk.kty, jwk.crv);
    if (rsa)
        jwk.crv.clear();
    else if (!curve)
        return failure("jwk_unsupported_curve",
                       Tr::tr("%1 uses curve \"%2\", which is not supported.").arg(who, jwk.crv));

    if (entry.contains("alg")) {
        const JwsAlgorithm *algorithm = JwsAlgorithm::find(jwk.alg);
        if (!algorithm || !fitsKeyType(*algorithm, jwk.kty, jwk.crv)) {
            return failure(
                "jwk_unsupported_alg",
                Tr::tr("%1 is declared for algorithm \"%2\", which is not supported for this key type.")
                    .arg(who, jwk.alg));
        }
    }

    auto key = rsa                   ? rsaKey(entry, who)
               : curve->opensslGroup ? ecKey(entry, *curve, who)
                                     : okpKey(entry, *curve, who);
    if (!key)
        return key.error();
    jwk.publicKey = ossl::share(std::move(key).value());
    return jwk;
}

// Keys a correct provider never publishes (as opposed to keys meant for something else).
bool isSuspicious(const Error &reason)
{
    for (const char *code :
         {"jwk_private_key", "jwk_rsa_too_small", "jwk_point_not_on_curve", "jwk_invalid_key"}) {
        if (reason.code == QLatin1String(code))
            return true;
    }
    return false;
}

} // namespace

bool Jwk::canVerify(const JwsAlgorithm &algorithm) const
{
    return fitsKeyType(algorithm, kty, crv) && (alg.isEmpty() || alg == QLatin1String(algorithm.name));
}

Result<JwkSet> JwkSet::parse(const QByteArray &json)
{
    if (json.size() > kMaxDocumentBytes)
        return failure("jwks_too_large", Tr::tr("The identity provider's key set is unreasonably large."));
    const auto document = parseStrictJsonObject(json);
    if (!document || !document->contains("keys") || !(*document)["keys"].is_array())
        return failure("jwks_malformed", Tr::tr("The identity provider's key set is not a JSON object with a "
                                                "\"keys\" list."));
    const auto &entries = (*document)["keys"];
    if (entries.size() > kMaxKeys)
        return failure("jwks_too_large", Tr::tr("The identity provider's key set lists too many keys."));

    JwkSet set;
    for (const auto &entry : entries) {
        auto key = parseKey(entry);
        if (key) {
            set.m_keys.append(std::move(key).value());
            continue;
        }
        const QString kid = entry.is_object() ? stringMember(entry, "kid") : QString();
        if (isSuspicious(key.error()))
            qCWarning(lcJose) << "Ignoring JWK" << kid << "from the key set:" << key.error().code;
        else
            qCDebug(lcJose) << "Ignoring JWK" << kid << "from the key set:" << key.error().code;
        set.m_skipped.append(SkippedJwk{kid, key.error()});
    }
    if (set.m_keys.isEmpty()) {
        const QString why =
            set.m_skipped.isEmpty() ? Tr::tr("The key set is empty.") : set.m_skipped.first().reason.message;
        return failure(
            "jwks_no_usable_keys",
            Tr::tr("The identity provider publishes no key this app can verify signatures with. %1")
                .arg(why));
    }
    return set;
}

} // namespace countersign::jose
