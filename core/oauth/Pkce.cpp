#include "Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <vector>

namespace countersign::oauth {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray randomUrlSafeToken(int bytes)
{
    // QRandomGenerator::system() reads the OS CSPRNG (getrandom on Linux).
    std::vector<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), static_cast<qsizetype>(words.size()));
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), bytes);
    return raw.toBase64(kBase64Url);
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomUrlSafeToken(32);
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

} // namespace countersign::oauth
