#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace countersign::gui {

// One request as a detail page shows it (a request in the inbox, or a looked-up device code), every
// string already plain text (see RequestText.h). Made by Inbox.details() and Devices.request;
// read-only, and replaced (not changed) when the request changes.
class RequestDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by Inbox.details() and Devices.request")
    // False when there is no such request (any more); every other property is then empty.
    Q_PROPERTY(bool found READ found CONSTANT)
    // The app's name (its client ID when it has none) and client ID.
    Q_PROPERTY(QString clientName READ clientName CONSTANT)
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    // A request in the inbox: the binding message to compare with what the app shows.
    Q_PROPERTY(QString bindingMessage READ bindingMessage CONSTANT)
    // A device code: the code, and the resource the device named ("" for none).
    Q_PROPERTY(QString userCode READ userCode CONSTANT)
    Q_PROPERTY(QString resource READ resource CONSTANT)
    // "pending", "approved", "denied" or "expired".
    Q_PROPERTY(QString status READ status CONSTANT)
    // Local times, short; "" when unknown.
    Q_PROPERTY(QString createdAt READ createdAt CONSTANT)
    Q_PROPERTY(QString expiresAt READ expiresAt CONSTANT)
    Q_PROPERTY(QString decidedAt READ decidedAt CONSTANT)
    // When it expires, ISO 8601 in UTC, for Countdown.secondsUntil(); "" when unknown.
    Q_PROPERTY(QString expiresAtUtc READ expiresAtUtc CONSTANT)
    // Why it was approved or denied, when the person said.
    Q_PROPERTY(QString reason READ reason CONSTANT)
    // The authorization details, one map per entry (detailSections() in RequestText.h).
    Q_PROPERTY(QVariantList sections READ sections CONSTANT)
    // The scopes in words, one map per scope (scopeDescriptions() in RequestText.h).
    Q_PROPERTY(QVariantList scopes READ scopes CONSTANT)

public:
    struct Fields
    {
        bool found = false;
        QString clientName;
        QString clientId;
        QString bindingMessage;
        QString userCode;
        QString resource;
        QString status;
        QString createdAt;
        QString expiresAt;
        QString decidedAt;
        QString expiresAtUtc;
        QString reason;
        QVariantList sections;
        QVariantList scopes;
    };

    // A request that is not there: found is false.
    RequestDetails();
    explicit RequestDetails(Fields fields, QObject *parent = nullptr);

    bool found() const { return m_fields.found; }
    QString clientName() const { return m_fields.clientName; }
    QString clientId() const { return m_fields.clientId; }
    QString bindingMessage() const { return m_fields.bindingMessage; }
    QString userCode() const { return m_fields.userCode; }
    QString resource() const { return m_fields.resource; }
    QString status() const { return m_fields.status; }
    QString createdAt() const { return m_fields.createdAt; }
    QString expiresAt() const { return m_fields.expiresAt; }
    QString decidedAt() const { return m_fields.decidedAt; }
    QString expiresAtUtc() const { return m_fields.expiresAtUtc; }
    QString reason() const { return m_fields.reason; }
    QVariantList sections() const { return m_fields.sections; }
    QVariantList scopes() const { return m_fields.scopes; }

private:
    Fields m_fields;
};

} // namespace countersign::gui
