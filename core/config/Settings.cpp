#include "Settings.h"

namespace countersign::config {

namespace {
QString kindName(ProviderConfig::Kind kind)
{
    switch (kind) {
    case ProviderConfig::Kind::Sandbox:
        return QStringLiteral("sandbox");
    case ProviderConfig::Kind::Auth0:
        return QStringLiteral("auth0");
    case ProviderConfig::Kind::OpenIdProvider:
        break;
    }
    return QStringLiteral("oidc");
}

ProviderConfig::Kind kindFromName(const QString &name)
{
    if (name == u"sandbox")
        return ProviderConfig::Kind::Sandbox;
    if (name == u"auth0")
        return ProviderConfig::Kind::Auth0;
    return ProviderConfig::Kind::OpenIdProvider;
}
} // namespace

Settings::Settings()
    : m_settings(QSettings::UserScope, QStringLiteral("Countersign"), QStringLiteral("Countersign"))
{}

std::optional<ProviderConfig> Settings::lastProvider() const
{
    const QUrl issuer(m_settings.value(QStringLiteral("provider/issuer")).toString());
    if (!issuer.isValid() || issuer.isEmpty())
        return std::nullopt;
    ProviderConfig provider;
    provider.kind = kindFromName(m_settings.value(QStringLiteral("provider/kind")).toString());
    provider.issuer = issuer;
    provider.clientId = m_settings.value(QStringLiteral("provider/clientId"), provider.clientId).toString();
    provider.audience = m_settings.value(QStringLiteral("provider/audience")).toString();
    provider.caFile = m_settings.value(QStringLiteral("provider/caFile")).toString();
    return provider;
}

void Settings::setLastProvider(const ProviderConfig &provider)
{
    m_settings.setValue(QStringLiteral("provider/kind"), kindName(provider.kind));
    m_settings.setValue(QStringLiteral("provider/issuer"), provider.issuer.toString());
    m_settings.setValue(QStringLiteral("provider/clientId"), provider.clientId);
    m_settings.setValue(QStringLiteral("provider/audience"), provider.audience);
    m_settings.setValue(QStringLiteral("provider/caFile"), provider.caFile);
}

QString Settings::lastSubject() const
{
    return m_settings.value(QStringLiteral("account/subject")).toString();
}

void Settings::setLastSubject(const QString &subject)
{
    m_settings.setValue(QStringLiteral("account/subject"), subject);
}

void Settings::clearLastSubject()
{
    m_settings.remove(QStringLiteral("account/subject"));
}

quint16 Settings::sandboxPort() const
{
    return static_cast<quint16>(m_settings.value(QStringLiteral("sandbox/port"), 0).toUInt());
}

void Settings::setSandboxPort(quint16 port)
{
    m_settings.setValue(QStringLiteral("sandbox/port"), port);
}

QString Settings::agentBackend() const
{
    return m_settings.value(QStringLiteral("agent/backend")).toString();
}

QUrl Settings::openAiBaseUrl() const
{
    return QUrl(m_settings.value(QStringLiteral("agent/openaiBaseUrl")).toString());
}

QString Settings::openAiModel() const
{
    return m_settings.value(QStringLiteral("agent/openaiModel")).toString();
}

void Settings::setAgentBackend(const QString &kind, const QUrl &openAiBaseUrl, const QString &openAiModel)
{
    m_settings.setValue(QStringLiteral("agent/backend"), kind);
    m_settings.setValue(QStringLiteral("agent/openaiBaseUrl"), openAiBaseUrl.toString());
    m_settings.setValue(QStringLiteral("agent/openaiModel"), openAiModel);
}

QStringList Settings::dismissedApprovals() const
{
    return m_settings.value(QStringLiteral("inbox/dismissed")).toStringList();
}

void Settings::setDismissedApprovals(const QStringList &ids)
{
    m_settings.setValue(QStringLiteral("inbox/dismissed"), ids);
}

std::optional<QRect> Settings::windowGeometry() const
{
    const QRect geometry = m_settings.value(QStringLiteral("window/geometry")).toRect();
    return geometry.isValid() ? std::optional(geometry) : std::nullopt;
}

bool Settings::windowMaximized() const
{
    return m_settings.value(QStringLiteral("window/maximized"), false).toBool();
}

void Settings::setWindowPlacement(const QRect &geometry, bool maximized)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/maximized"), maximized);
}

bool Settings::keepRunningInTray() const
{
    return m_settings.value(QStringLiteral("desktop/keepRunningInTray"), true).toBool();
}

void Settings::setKeepRunningInTray(bool keep)
{
    m_settings.setValue(QStringLiteral("desktop/keepRunningInTray"), keep);
}

bool Settings::trayNoticeShown() const
{
    return m_settings.value(QStringLiteral("desktop/trayNoticeShown"), false).toBool();
}

void Settings::setTrayNoticeShown(bool shown)
{
    m_settings.setValue(QStringLiteral("desktop/trayNoticeShown"), shown);
}

} // namespace countersign::config
