#pragma once

#include "agent/AgentService.h"
#include "agent/OpenAiBackend.h"
#include "common/Result.h"

class QNetworkAccessManager;

namespace countersign::storage {
class TokenStore;
}

namespace countersign::agent {

// Which backend answers in the agent pane and `countersign-cli agent`: the rule-based demo (the
// default; no network) or an OpenAI-compatible server. Kept in the app's settings (kind, base
// URL, model); the API key only in the keychain. The environment overrides the settings:
// COUNTERSIGN_AGENT_BACKEND=demo|openai, and OPENAI_BASE_URL / OPENAI_API_KEY / OPENAI_MODEL.
struct BackendSettings
{
    enum class Kind
    {
        Demo,
        OpenAi
    };
    Kind kind = Kind::Demo;
    OpenAiBackend::Config openAi; // apiKey filled by loadApiKey()

    // The settings, with the environment applied (the API key still to load).
    static BackendSettings load();
    // Saves kind, base URL and model (not the key).
    void save() const;

    // Reads the key from the keychain into openAi.apiKey unless OPENAI_API_KEY gave one.
    static void loadApiKey(storage::TokenStore *store, BackendSettings settings,
                           Callback<BackendSettings> done);
    static void saveApiKey(storage::TokenStore *store, const QByteArray &key, Callback<Done> done);

    // Makes the chosen backend (an OpenAI configuration that check() refuses makes none: error).
    Result<AgentService::BackendFactory> factory(QNetworkAccessManager *network) const;

    static QString kindName(Kind kind)
    {
        return kind == Kind::OpenAi ? QStringLiteral("openai") : QStringLiteral("demo");
    }
};

} // namespace countersign::agent
