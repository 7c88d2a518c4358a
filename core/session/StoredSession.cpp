#include "StoredSession.h"
#include "config/Settings.h"
#include "session/SessionErrors.h"
#include "storage/TokenStore.h"

#include <QCoreApplication>

namespace countersign::session {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SessionManager)
};

} // namespace

QByteArray StoredSession::serialize() const
{
    nlohmann::json apis = nlohmann::json::object();
    for (auto it = apiTokens.cbegin(); it != apiTokens.cend(); ++it)
        apis[it.key().toStdString()] = it->toJson();
    const nlohmann::json json{{"version", 1},
                              {"client_id", clientId.toStdString()},
                              {"identity", identity.toJson()},
                              {"tokens", tokens.toJson()},
                              {"api_tokens", apis}};
    return QByteArray::fromStdString(json.dump());
}

Result<StoredSession> StoredSession::parse(const QByteArray &blob)
{
    const Error invalid{errors::storedSessionInvalid,
                        Tr::tr("The saved session could not be read. Sign in again.")};
    // Written by Countersign itself, but read back from a keychain other programs can write to.
    const auto json = nlohmann::json::parse(blob.constBegin(), blob.constEnd(), nullptr, false);
    if (!json.is_object())
        return invalid;
    const auto tokenJson = json.find("tokens");
    const auto identity = json.find("identity");
    if (tokenJson == json.end() || identity == json.end() || !identity->is_object())
        return invalid;
    auto tokens = oauth::TokenSet::fromJson(*tokenJson);
    if (!tokens)
        return invalid;
    StoredSession session;
    session.clientId = jsonString(json, "client_id");
    session.identity = oauth::Identity::fromJson(*identity);
    session.tokens = std::move(tokens).value();
    if (const auto apis = json.find("api_tokens"); apis != json.end() && apis->is_object()) {
        for (auto it = apis->begin(); it != apis->end(); ++it) {
            auto token = oauth::TokenSet::fromJson(it.value());
            if (token && !token->accessToken.isEmpty()) // an unreadable one is simply fetched again
                session.apiTokens.insert(QString::fromStdString(it.key()), std::move(token).value());
        }
    }
    return session;
}

storage::AccountKey sessionKey(const config::ProviderConfig &provider, const QString &subject)
{
    return {provider.issuer.toString(), subject};
}

std::optional<LastSession> LastSession::find(const config::Settings &settings,
                                             const config::ProviderConfig &provider)
{
    const std::optional<config::ProviderConfig> last = settings.lastProvider();
    const QString subject = settings.lastSubject();
    if (!last || last->issuer != provider.issuer || last->clientId != provider.clientId || subject.isEmpty())
        return std::nullopt;
    LastSession found{provider, sessionKey(provider, subject)};
    if (found.provider.audience.isEmpty())
        found.provider.audience = last->audience;
    if (found.provider.caFile.isEmpty())
        found.provider.caFile = last->caFile;
    return found;
}

void LastSession::load(storage::TokenStore *store, Callback<std::optional<StoredSession>> done) const
{
    store->load(key, [done](Result<std::optional<QByteArray>> blob) {
        if (!blob) {
            done(blob.error());
            return;
        }
        if (!blob.value()) {
            done(std::optional<StoredSession>());
            return;
        }
        auto stored = StoredSession::parse(**blob);
        if (!stored)
            done(stored.error());
        else
            done(std::optional<StoredSession>(std::move(stored).value()));
    });
}

} // namespace countersign::session
