#include "InboxModel.h"

#include "rar/Presentation.h"
#include "session/SessionErrors.h"

#include <QDateTime>

namespace countersign::approvals {

namespace {

constexpr int kLineChars = 200;
constexpr int kMaxDismissed = 500; // the channel keeps history for a day; this is plenty

} // namespace

InboxModel::InboxModel(QObject *parent) : QAbstractListModel(parent)
{
    const QStringList dismissed = m_settings.dismissedApprovals();
    m_dismissed = QSet<QString>(dismissed.cbegin(), dismissed.cend());
    m_clock.setInterval(std::chrono::seconds(1));
    connect(&m_clock, &QTimer::timeout, this, &InboxModel::tick);
}

void InboxModel::setInbox(ApprovalInbox *inbox)
{
    if (m_inbox == inbox)
        return;
    if (m_inbox)
        m_inbox->disconnect(this);
    m_inbox = inbox;
    m_deciding.clear();
    m_decisionErrors.clear();
    if (m_inbox) {
        connect(m_inbox, &ApprovalInbox::reset, this, &InboxModel::sync);
        connect(m_inbox, &ApprovalInbox::changed, this, &InboxModel::sync);
        connect(m_inbox, &QObject::destroyed, this, [this] { setInbox(nullptr); });
    }
    sync();
}

QStringList InboxModel::visibleIds() const
{
    QStringList ids;
    if (!m_inbox)
        return ids;
    for (const Approval &approval : m_inbox->approvals())
        if (approval.isPending() || !m_dismissed.contains(approval.id))
            ids << approval.id;
    return ids;
}

// Turns the inbox's new state into the smallest model change: one insertion or removal, updated
// rows, or (rarely: a first load or resync) a reset. Views keep their place and selection.
void InboxModel::sync()
{
    const QStringList ids = visibleIds();
    if (ids == m_ids) {
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    } else if (ids.size() == m_ids.size() + 1) {
        qsizetype at = 0;
        while (at < m_ids.size() && m_ids[at] == ids[at])
            ++at;
        QStringList withoutNew = ids;
        withoutNew.removeAt(at);
        if (withoutNew == m_ids) {
            beginInsertRows({}, static_cast<int>(at), static_cast<int>(at));
            m_ids = ids;
            endInsertRows();
        } else {
            beginResetModel();
            m_ids = ids;
            endResetModel();
        }
    } else {
        beginResetModel();
        m_ids = ids;
        endResetModel();
    }
    const int pending =
        static_cast<int>(std::count_if(m_ids.cbegin(), m_ids.cend(), [this](const QString &id) {
            const Approval *known = approval(id);
            return known && known->isPending();
        }));
    if (pending > 0 && !m_clock.isActive())
        m_clock.start();
    else if (pending == 0)
        m_clock.stop();
    if (pending != m_pendingCount) {
        m_pendingCount = pending;
        Q_EMIT pendingCountChanged();
    }
}

void InboxModel::tick()
{
    for (int row = 0; row < m_ids.size(); ++row) {
        const Approval *known = approval(m_ids[row]);
        if (known && known->isPending())
            Q_EMIT dataChanged(index(row), index(row), {SecondsLeftRole});
    }
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

const Approval *InboxModel::approval(const QString &id) const
{
    return m_inbox ? m_inbox->find(id) : nullptr;
}

int InboxModel::pendingCount() const
{
    return m_pendingCount;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    const Approval *item = approval(m_ids[index.row()]);
    if (!item)
        return {};
    switch (role) {
    case IdRole:
        return item->id;
    case ClientNameRole:
        return rar::displayText(item->clientName.isEmpty() ? item->clientId : item->clientName, kLineChars);
    case BindingMessageRole:
        return rar::displayText(item->bindingMessage, kLineChars);
    case SummaryRole:
        return rar::summarize(item->authorizationDetails);
    case StatusRole:
        return statusName(item->status);
    case SecondsLeftRole:
        return item->secondsLeft();
    case CreatedAtRole:
        return item->createdAt;
    case DecidingRole:
        return m_deciding.contains(item->id);
    case DecisionErrorRole:
        return m_decisionErrors.value(item->id);
    default:
        return {};
    }
}

QHash<int, QByteArray> InboxModel::roleNames() const
{
    return {
        {IdRole, "requestId"},        {ClientNameRole, "clientName"}, {BindingMessageRole, "bindingMessage"},
        {SummaryRole, "summary"},     {StatusRole, "status"},         {SecondsLeftRole, "secondsLeft"},
        {CreatedAtRole, "createdAt"}, {DecidingRole, "deciding"},     {DecisionErrorRole, "decisionError"}};
}

void InboxModel::dismiss(const QString &id)
{
    const Approval *known = approval(id);
    if (!known || known->isPending())
        return;
    m_dismissed.insert(id);
    // Keep only ids the channel still reports, so the list cannot grow without end.
    QStringList kept;
    for (const Approval &each : m_inbox->approvals())
        if (m_dismissed.contains(each.id))
            kept << each.id;
    m_settings.setDismissedApprovals(kept.mid(0, kMaxDismissed));
    sync();
}

void InboxModel::decide(const QString &id, Decision decision, const QString &reason, Callback<Approval> done)
{
    if (!m_inbox) {
        done(session::errors::notSignedIn());
        return;
    }
    setDeciding(id, true, {});
    m_inbox->decide(id, decision, reason, [this, self = QPointer(this), id, done](Result<Approval> decided) {
        if (self)
            setDeciding(id, false, decided ? QString() : decided.error().message);
        done(std::move(decided));
    });
}

void InboxModel::setDeciding(const QString &id, bool deciding, const QString &error)
{
    if (deciding)
        m_deciding.insert(id);
    else
        m_deciding.remove(id);
    if (error.isEmpty())
        m_decisionErrors.remove(id);
    else
        m_decisionErrors.insert(id, error);
    const auto row = m_ids.indexOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(static_cast<int>(row)), index(static_cast<int>(row)),
                           {DecidingRole, DecisionErrorRole});
}

} // namespace countersign::approvals
