#pragma once

#include "config/ProviderConfig.h"

#include <QRect>
#include <QSettings>

#include <optional>

namespace countersign::config {

// Non-secret settings persisted with QSettings: the provider last used and the account last
// signed in. Tokens never go here (see storage::TokenStore).
class Settings
{
public:
    Settings();

    std::optional<ProviderConfig> lastProvider() const;
    void setLastProvider(const ProviderConfig &provider);

    // Subject of the account last signed in at lastProvider(), if any.
    QString lastSubject() const;
    void setLastSubject(const QString &subject);
    void clearLastSubject();

    // Loopback port of the embedded sandbox last time, so its issuer URL (and with it the
    // stored session) stays the same across restarts when the port is still free.
    quint16 sandboxPort() const;
    void setSandboxPort(quint16 port);

    // Decided or expired approval requests the person cleared from the inbox's history.
    QStringList dismissedApprovals() const;
    void setDismissedApprovals(const QStringList &ids);

    // The agent pane's backend: "demo" or "openai" (empty when never chosen), and the
    // OpenAI-compatible server's base URL and model. Its API key lives in the keychain.
    QString agentBackend() const;
    QUrl openAiBaseUrl() const;
    QString openAiModel() const;
    void setAgentBackend(const QString &kind, const QUrl &openAiBaseUrl, const QString &openAiModel);

    // Where the main window was, and its size when not maximized; nothing until first saved.
    std::optional<QRect> windowGeometry() const;
    bool windowMaximized() const;
    void setWindowPlacement(const QRect &geometry, bool maximized);

    // Closing the window leaves Countersign running in the tray (true until switched off).
    bool keepRunningInTray() const;
    void setKeepRunningInTray(bool keep);

private:
    QSettings m_settings;
};

} // namespace countersign::config
