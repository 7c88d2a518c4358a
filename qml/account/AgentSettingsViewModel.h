#pragma once

#include "agent/BackendSettings.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;
class QNetworkAccessManager;

namespace countersign::agent {
class AgentService;
}
namespace countersign::storage {
class TokenStore;
}

namespace countersign::gui {

// The `AgentSettings` singleton behind the Account page's agent card: which backend answers in
// the agent pane (the rule-based demo or an OpenAI-compatible server: base URL, model, API key).
// Kind, URL and model go to the settings, the key to the keychain; the environment wins over both
// (docs/agent.md) and the card says so.
class AgentSettingsViewModel : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(AgentSettings)
    QML_SINGLETON
    Q_PROPERTY(QString backend READ backend NOTIFY changed) // "demo" or "openai"
    Q_PROPERTY(QString baseUrl READ baseUrl NOTIFY changed)
    Q_PROPERTY(QString model READ model NOTIFY changed)
    Q_PROPERTY(bool hasApiKey READ hasApiKey NOTIFY changed)
    // Which settings the environment decides right now, in words; empty when none.
    Q_PROPERTY(QString environmentNote READ environmentNote NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)

public:
    AgentSettingsViewModel(agent::AgentService *service, storage::TokenStore *store,
                           QNetworkAccessManager *network, QObject *parent = nullptr);

    static void setInstance(AgentSettingsViewModel *instance);
    static AgentSettingsViewModel *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // Reads the settings and the key, gives the agent its backend, then starts following the
    // session (first call) or rebuilds the agent (later calls).
    void load();

    QString backend() const { return agent::BackendSettings::kindName(m_settings.kind); }
    QString baseUrl() const { return m_settings.openAi.baseUrl.toString(); }
    QString model() const { return m_settings.openAi.model; }
    bool hasApiKey() const { return !m_settings.openAi.apiKey.isEmpty(); }
    QString environmentNote() const;
    QString errorMessage() const { return m_errorMessage; }
    QString outcome() const { return m_outcome; }
    bool busy() const { return m_busy; }

    // Saves the choice (an empty `apiKey` keeps the saved one) and applies it to the agent.
    Q_INVOKABLE void apply(const QString &backend, const QString &baseUrl, const QString &model,
                           const QString &apiKey);

Q_SIGNALS:
    void changed();

private:
    void finish(const QString &error, const QString &outcome);

    QPointer<agent::AgentService> m_service;
    storage::TokenStore *m_store;
    QNetworkAccessManager *m_network;
    agent::BackendSettings m_settings;
    QString m_errorMessage;
    QString m_outcome;
    bool m_busy = false;
    bool m_following = false;
    static inline QPointer<AgentSettingsViewModel> s_instance;
};

} // namespace countersign::gui
