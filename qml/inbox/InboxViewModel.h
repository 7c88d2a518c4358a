#pragma once

#include "approvals/ApprovalChannel.h"
#include "approvals/InboxModel.h"
#include "inbox/AgentApprovalsModel.h"
#include "request/RequestDetails.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqml.h>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace countersign::gui {

// The `Inbox` singleton the inbox pages bind to: the live list of approval requests (an
// approvals::InboxModel), whether the provider has an approval channel at all, the connection's
// state, and a request's full details for the detail view, already turned into plain text rows
// by the RAR presentation layer. Decisions go through here; no OAuth logic lives here.
class InboxViewModel : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Inbox)
    QML_SINGLETON
    // The requests, newest first (roles: requestId, clientName, bindingMessage, summary, status,
    // secondsLeft, createdAt, deciding, decisionError).
    Q_PROPERTY(countersign::approvals::InboxModel *requests READ requests CONSTANT)
    // Whether the signed-in provider offers an approval channel.
    Q_PROPERTY(Availability availability READ availability NOTIFY availabilityChanged)
    // Why there is no inbox for this provider (shown instead of the list); empty otherwise.
    Q_PROPERTY(QString unavailableMessage READ unavailableMessage NOTIFY availabilityChanged)
    // True when the provider delivers approval requests elsewhere (Auth0: the Guardian app); the
    // page then shows agentApprovals instead of the list.
    Q_PROPERTY(bool approvedElsewhere READ approvedElsewhere NOTIFY availabilityChanged)
    // The approvals this app's own agent waits on (and had), for approvedElsewhere.
    Q_PROPERTY(countersign::gui::AgentApprovalsModel *agentApprovals READ agentApprovals CONSTANT)
    // True while new requests arrive as they happen.
    Q_PROPERTY(bool live READ live NOTIFY connectionChanged)
    // While not live: what is going on ("Connecting…", "Reconnecting: <why>"); empty when live.
    Q_PROPERTY(QString connectionMessage READ connectionMessage NOTIFY connectionChanged)

public:
    enum class Availability
    {
        Unknown,
        Available,
        Unavailable
    };
    Q_ENUM(Availability)

    explicit InboxViewModel(approvals::ApprovalChannel *channel, QObject *parent = nullptr);

    static void setInstance(InboxViewModel *instance);
    static InboxViewModel *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    approvals::InboxModel *requests() const { return m_model; }
    AgentApprovalsModel *agentApprovals() const { return m_agentApprovals; }
    bool approvedElsewhere() const;
    Availability availability() const;
    QString unavailableMessage() const;
    bool live() const;
    QString connectionMessage() const;

    // Everything about one request, for the detail view: {found, requestId, clientName, clientId,
    // bindingMessage, status, createdAt, expiresAt, decidedAt, expiresAtUtc, reason (strings), sections:
    // [{title, summary, note, known, fields: [{label, value, fullValue, truncated, depth}]}],
    // scopes: [{scope, description}]}. All text is sanitized plain text.
    Q_INVOKABLE countersign::gui::RequestDetails *details(const QString &requestId) const;
    Q_INVOKABLE void approve(const QString &requestId, const QString &reason);
    Q_INVOKABLE void deny(const QString &requestId, const QString &reason);
    Q_INVOKABLE void dismiss(const QString &requestId);
    // The request an agent's interrupt waits on: the newest one with this binding message (as
    // shown, plain text) from `clientId` (any client when empty), pending ones first. "" if none.
    Q_INVOKABLE QString findRequest(const QString &bindingMessage, const QString &clientId) const;
    // Brings one request up in the inbox (a notification's "Review"); an empty id: the list.
    Q_INVOKABLE void review(const QString &requestId) { Q_EMIT reviewRequested(requestId); }

Q_SIGNALS:
    void availabilityChanged();
    void connectionChanged();
    // A decision sent from this app came back: `ok`, or `message` says why not.
    void decisionFinished(const QString &requestId, bool ok, const QString &message);
    // The inbox tab should show this request (or the list, for an empty id).
    void reviewRequested(const QString &requestId);

private:
    void decide(const QString &requestId, approvals::Decision decision, const QString &reason);
    void onInboxChanged();

    static inline QPointer<InboxViewModel> s_instance;

    approvals::ApprovalChannel *m_channel;
    approvals::InboxModel *m_model;
    AgentApprovalsModel *m_agentApprovals;
};

// Lets QML know the list model's type (it lives in core, which has no QML).
struct InboxModelForeign
{
    Q_GADGET
    QML_FOREIGN(countersign::approvals::InboxModel)
    QML_NAMED_ELEMENT(InboxModel)
    QML_UNCREATABLE("Use Inbox.requests")
};

} // namespace countersign::gui
