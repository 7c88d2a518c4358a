#include "InboxViewModel.h"

#include "request/RequestText.h"

#include "approvals/ApprovalErrors.h"
#include "rar/Presentation.h"

#include <QJSEngine>
#include <QLocale>

namespace countersign::gui {

namespace {

constexpr int kLineChars = 200;

} // namespace

InboxViewModel::InboxViewModel(approvals::ApprovalChannel *channel, QObject *parent)
    : QObject(parent), m_channel(channel), m_model(new approvals::InboxModel(this)),
      m_agentApprovals(new AgentApprovalsModel(this))
{
    connect(m_channel, &approvals::ApprovalChannel::availabilityChanged, this,
            &InboxViewModel::availabilityChanged);
    connect(m_channel, &approvals::ApprovalChannel::inboxChanged, this, &InboxViewModel::onInboxChanged);
    onInboxChanged();
}

void InboxViewModel::setInstance(InboxViewModel *instance)
{
    s_instance = instance;
}

InboxViewModel *InboxViewModel::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance)
        qFatal("InboxViewModel::setInstance() must be called before QML uses the Inbox singleton");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void InboxViewModel::onInboxChanged()
{
    approvals::ApprovalInbox *inbox = m_channel->inbox();
    m_model->setInbox(inbox);
    if (inbox)
        connect(inbox, &approvals::ApprovalInbox::connectionChanged, this,
                &InboxViewModel::connectionChanged);
    Q_EMIT connectionChanged();
}

InboxViewModel::Availability InboxViewModel::availability() const
{
    switch (m_channel->availability()) {
    case approvals::ApprovalChannel::Availability::Available:
        return Availability::Available;
    case approvals::ApprovalChannel::Availability::Unavailable:
        return Availability::Unavailable;
    case approvals::ApprovalChannel::Availability::Unknown:
        break;
    }
    return Availability::Unknown;
}

QString InboxViewModel::unavailableMessage() const
{
    return availability() == Availability::Unavailable ? m_channel->lastError().message : QString();
}

bool InboxViewModel::approvedElsewhere() const
{
    return availability() == Availability::Unavailable &&
           m_channel->lastError().code == approvals::errors::guardian;
}

bool InboxViewModel::live() const
{
    const approvals::ApprovalInbox *inbox = m_channel->inbox();
    return inbox && inbox->connection() == approvals::ApprovalInbox::Connection::Live;
}

QString InboxViewModel::connectionMessage() const
{
    const approvals::ApprovalInbox *inbox = m_channel->inbox();
    if (!inbox)
        return m_channel->lastError().message;
    switch (inbox->connection()) {
    case approvals::ApprovalInbox::Connection::Live:
    case approvals::ApprovalInbox::Connection::Stopped:
        return {};
    case approvals::ApprovalInbox::Connection::Connecting:
        return tr("Connecting to your inbox…");
    case approvals::ApprovalInbox::Connection::Waiting:
        return tr("Offline: %1 Retrying…").arg(inbox->lastError().message);
    }
    return {};
}

RequestDetails *InboxViewModel::details(const QString &requestId) const
{
    // No parent: the QML engine owns what an invokable returns, and collects it.
    const approvals::Approval *approval = m_model->approval(requestId);
    if (!approval)
        return new RequestDetails();
    RequestDetails::Fields fields;
    fields.found = true;
    fields.clientName = rar::displayText(
        approval->clientName.isEmpty() ? approval->clientId : approval->clientName, kLineChars);
    fields.clientId = rar::displayText(approval->clientId, kLineChars);
    fields.bindingMessage = rar::plainText(approval->bindingMessage);
    fields.status = approvals::statusName(approval->status);
    fields.createdAt = localTime(approval->createdAt);
    fields.expiresAt = localTime(approval->expiresAt);
    fields.decidedAt = localTime(approval->decidedAt);
    fields.expiresAtUtc = utcTime(approval->expiresAt);
    fields.reason = rar::plainText(approval->reason);
    fields.sections = detailSections(approval->authorizationDetails);
    fields.scopes = scopeDescriptions(approval->scopes);
    return new RequestDetails(std::move(fields));
}

void InboxViewModel::approve(const QString &requestId, const QString &reason)
{
    decide(requestId, approvals::Decision::Approve, reason);
}

void InboxViewModel::deny(const QString &requestId, const QString &reason)
{
    decide(requestId, approvals::Decision::Deny, reason);
}

void InboxViewModel::decide(const QString &requestId, approvals::Decision decision, const QString &reason)
{
    m_model->decide(requestId, decision, reason.trimmed(),
                    [this, self = QPointer(this), requestId](Result<approvals::Approval> decided) {
                        if (self)
                            Q_EMIT decisionFinished(requestId, decided.ok(),
                                                    decided ? QString() : decided.error().message);
                    });
}

void InboxViewModel::dismiss(const QString &requestId)
{
    m_model->dismiss(requestId);
}

QString InboxViewModel::findRequest(const QString &bindingMessage, const QString &clientId) const
{
    if (bindingMessage.isEmpty())
        return {};
    QString decided;
    for (int row = 0; row < m_model->rowCount(); ++row) { // newest first
        const QString id = m_model->data(m_model->index(row), approvals::InboxModel::IdRole).toString();
        const approvals::Approval *approval = m_model->approval(id);
        if (!approval || rar::plainText(approval->bindingMessage) != bindingMessage ||
            (!clientId.isEmpty() && approval->clientId != clientId))
            continue;
        if (approval->isPending())
            return id;
        if (decided.isEmpty())
            decided = id;
    }
    return decided;
}

} // namespace countersign::gui
