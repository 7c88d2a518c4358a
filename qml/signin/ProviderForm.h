#pragma once

#include "config/ProviderConfig.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace countersign::gui {

// What the sign-in page asks about the provider: which kind, and the fields that kind needs.
// Validates as the person types (each field's error is empty when the field is fine) and turns
// the answers into a config::ProviderConfig.
class ProviderForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use Session.provider")
    // Which provider the person chose.
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY kindChanged)
    // The Auth0 tenant domain, e.g. "example.eu.auth0.com" (Auth0 only).
    Q_PROPERTY(QString auth0Domain READ auth0Domain WRITE setAuth0Domain NOTIFY auth0DomainChanged)
    // The issuer URL of another OpenID provider (OpenIdProvider only).
    Q_PROPERTY(QString issuerUrl READ issuerUrl WRITE setIssuerUrl NOTIFY issuerUrlChanged)
    // The client ID registered at Auth0 or the other provider (not used for the sandbox).
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    // Auth0 only, optional: the API (identifier) the sign-in asks an access token for.
    Q_PROPERTY(QString audience READ audience WRITE setAudience NOTIFY audienceChanged)
    // Optional, not for the sandbox: a PEM file of CA certificates to trust for this provider.
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY caFileChanged)
    // Why caFile is not acceptable (no such file); empty when it is, or when none is given.
    Q_PROPERTY(QString caFileError READ caFileError NOTIFY validationChanged)
    // Why auth0Domain is not acceptable; empty when it is (or when the kind does not use it).
    Q_PROPERTY(QString auth0DomainError READ auth0DomainError NOTIFY validationChanged)
    // Why issuerUrl is not acceptable; empty when it is (or when the kind does not use it).
    Q_PROPERTY(QString issuerUrlError READ issuerUrlError NOTIFY validationChanged)
    // Why clientId is not acceptable; empty when it is (or when the kind does not use it).
    Q_PROPERTY(QString clientIdError READ clientIdError NOTIFY validationChanged)
    // True when every field the chosen kind needs is acceptable.
    Q_PROPERTY(bool valid READ isValid NOTIFY validationChanged)

public:
    enum class Kind
    {
        Sandbox,
        Auth0,
        OpenIdProvider
    };
    Q_ENUM(Kind)

    explicit ProviderForm(QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    QString auth0Domain() const { return m_auth0Domain; }
    void setAuth0Domain(const QString &domain);
    QString issuerUrl() const { return m_issuerUrl; }
    void setIssuerUrl(const QString &url);
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &clientId);
    QString audience() const { return m_audience; }
    void setAudience(const QString &audience);
    QString caFile() const { return m_caFile; }
    void setCaFile(const QString &caFile);
    QString caFileError() const { return m_errors.caFile; }

    QString auth0DomainError() const { return m_errors.auth0Domain; }
    QString issuerUrlError() const { return m_errors.issuerUrl; }
    QString clientIdError() const { return m_errors.clientId; }
    bool isValid() const { return m_errors == Errors{}; }

    // The provider the answers describe; nullopt while any field is not acceptable. For the
    // sandbox only the kind is set: the resolver finds or starts it and fills in the issuer.
    std::optional<config::ProviderConfig> providerConfig() const;
    // Fills the form from a provider used before (or given on the command line).
    void setProviderConfig(const config::ProviderConfig &provider);

Q_SIGNALS:
    void kindChanged();
    void auth0DomainChanged();
    void issuerUrlChanged();
    void clientIdChanged();
    void audienceChanged();
    void caFileChanged();
    void validationChanged();

private:
    struct Errors
    {
        QString auth0Domain;
        QString issuerUrl;
        QString clientId;
        QString caFile;
        bool operator==(const Errors &) const = default;
    };

    QString checkAuth0Domain() const;
    QString checkIssuerUrl() const;
    QString checkClientId() const;
    QString checkCaFile() const;
    void revalidate();

    Kind m_kind = Kind::Sandbox;
    QString m_auth0Domain;
    QString m_issuerUrl;
    QString m_clientId;
    QString m_audience;
    QString m_caFile;
    Errors m_errors;
};

} // namespace countersign::gui
