#include "BackendSettings.h"

#include "agent/DemoBackend.h"
#include "config/Settings.h"
#include "storage/TokenStore.h"

namespace countersign::agent {

namespace {

// The keychain entry of the OpenAI-compatible server's key (not an account's).
const storage::AccountKey kKeyEntry{QStringLiteral("countersign:agent-backend"), QStringLiteral("openai")};
const QString kKeySlot = QStringLiteral("api-key");

} // namespace

BackendSettings BackendSettings::load()
{
    const config::Settings stored;
    BackendSettings result;
    // The demo unless chosen otherwise; an OpenAI server named in the environment (and no choice
    // made in the settings) is taken as the choice.
    const bool openAiInEnvironment =
        qEnvironmentVariableIsSet("OPENAI_BASE_URL") || qEnvironmentVariableIsSet("OPENAI_API_KEY");
    QString kind = stored.agentBackend();
    if (kind.isEmpty())
        kind = openAiInEnvironment ? QStringLiteral("openai") : QStringLiteral("demo");
    if (qEnvironmentVariableIsSet("COUNTERSIGN_AGENT_BACKEND"))
        kind = qEnvironmentVariable("COUNTERSIGN_AGENT_BACKEND");
    result.kind = kind == u"openai" ? Kind::OpenAi : Kind::Demo;
    OpenAiBackend::Config fallback;
    fallback.baseUrl = stored.openAiBaseUrl();
    fallback.model = stored.openAiModel();
    result.openAi = OpenAiBackend::fromEnvironment(fallback);
    return result;
}

void BackendSettings::save() const
{
    config::Settings().setAgentBackend(kindName(kind), openAi.baseUrl, openAi.model);
}

void BackendSettings::loadApiKey(storage::TokenStore *store, BackendSettings settings,
                                 Callback<BackendSettings> done)
{
    if (!settings.openAi.apiKey.isEmpty() || settings.kind != Kind::OpenAi) {
        done(std::move(settings));
        return;
    }
    store->loadEntry(kKeyEntry, kKeySlot, [settings, done](Result<std::optional<QByteArray>> key) mutable {
        if (!key) {
            done(key.error());
            return;
        }
        settings.openAi.apiKey = key->value_or(QByteArray());
        done(std::move(settings));
    });
}

void BackendSettings::saveApiKey(storage::TokenStore *store, const QByteArray &key, Callback<Done> done)
{
    store->saveEntry(kKeyEntry, kKeySlot, key, std::move(done));
}

Result<AgentService::BackendFactory> BackendSettings::factory(QNetworkAccessManager *network) const
{
    if (kind == Kind::Demo)
        return AgentService::BackendFactory(
            [](QObject *parent) -> Backend * { return new DemoBackend(parent); });
    if (const Status usable = OpenAiBackend::check(openAi); !usable)
        return usable.error();
    return AgentService::BackendFactory([network, config = openAi](QObject *parent) -> Backend * {
        return new OpenAiBackend(network, config, parent);
    });
}

} // namespace countersign::agent
