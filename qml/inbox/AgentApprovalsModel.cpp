#include "AgentApprovalsModel.h"

#include "agent/AgentSession.h"
#include "rar/PlainText.h"

namespace countersign::gui {

namespace {

constexpr int kLineChars = 200;

QString statusName(agent::AgentApproval::State state)
{
    switch (state) {
    case agent::AgentApproval::State::Waiting:
        return QStringLiteral("waiting");
    case agent::AgentApproval::State::Approved:
        return QStringLiteral("approved");
    case agent::AgentApproval::State::Denied:
        return QStringLiteral("denied");
    case agent::AgentApproval::State::Expired:
        return QStringLiteral("expired");
    case agent::AgentApproval::State::Failed:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace

AgentApprovalsModel::AgentApprovalsModel(QObject *parent) : QAbstractListModel(parent)
{
    m_tick.setInterval(std::chrono::seconds(1));
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_approvals.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {SecondsLeftRole});
    });
}

void AgentApprovalsModel::setSession(agent::AgentSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &agent::AgentSession::messageAdded, this, &AgentApprovalsModel::reload);
        connect(m_session, &agent::AgentSession::cleared, this, &AgentApprovalsModel::reload);
        connect(m_session, &QObject::destroyed, this, &AgentApprovalsModel::reload, Qt::QueuedConnection);
    }
    reload();
}

void AgentApprovalsModel::reload()
{
    beginResetModel();
    m_approvals = m_session ? m_session->conversation().approvals() : QList<agent::AgentApproval>();
    endResetModel();
    const int waiting =
        static_cast<int>(std::count_if(m_approvals.cbegin(), m_approvals.cend(), [](const auto &a) {
            return a.state == agent::AgentApproval::State::Waiting;
        }));
    if (waiting > 0)
        m_tick.start();
    else
        m_tick.stop();
    if (waiting != m_waiting) {
        m_waiting = waiting;
        Q_EMIT waitingCountChanged();
    }
}

int AgentApprovalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_approvals.size());
}

int AgentApprovalsModel::waitingCount() const
{
    return m_waiting;
}

QVariant AgentApprovalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_approvals.size())
        return {};
    const agent::AgentApproval &approval = m_approvals.at(index.row());
    switch (role) {
    case CallIdRole:
        return approval.callId;
    case ToolNameRole:
        return approval.toolName;
    case BindingMessageRole:
        return rar::displayText(approval.bindingMessage, kLineChars);
    case StatusRole:
        return statusName(approval.state);
    case SecondsLeftRole:
        return approval.state == agent::AgentApproval::State::Waiting && approval.expiresAt.isValid()
                   ? std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(approval.expiresAt))
                   : 0;
    case ProblemRole:
        return rar::displayText(approval.problem, kLineChars);
    default:
        return {};
    }
}

QHash<int, QByteArray> AgentApprovalsModel::roleNames() const
{
    return {{CallIdRole, "callId"}, {ToolNameRole, "toolName"},       {BindingMessageRole, "bindingMessage"},
            {StatusRole, "status"}, {SecondsLeftRole, "secondsLeft"}, {ProblemRole, "problem"}};
}

} // namespace countersign::gui
