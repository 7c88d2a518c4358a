#pragma once

#include "approvals/ApprovalInbox.h"
#include "config/Settings.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace countersign::approvals {

// The inbox as a list for views: the live requests of an ApprovalInbox, newest first, minus the
// decided ones the person dismissed, with a per-second countdown for pending ones. Every text role
// is sanitized plain text (rar/PlainText.h), cut for one line.
class InboxModel : public QAbstractListModel
{
    Q_OBJECT
    // How many requests wait for a decision (the badge).
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ClientNameRole, // the client's name, or its id when it has none
        BindingMessageRole,
        SummaryRole,      // one line about the authorization details
        StatusRole,       // "pending", "approved", "denied", "expired"
        SecondsLeftRole,  // until expiry (0 when past)
        CreatedAtRole,    // QDateTime
        DecidingRole,     // a decision from this app is on its way
        DecisionErrorRole // why the last decision from this app failed; empty otherwise
    };
    Q_ENUM(Role)

    explicit InboxModel(QObject *parent = nullptr);

    // The inbox to show (not owned); nullptr empties the list.
    void setInbox(ApprovalInbox *inbox);
    ApprovalInbox *inbox() const { return m_inbox; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int pendingCount() const;
    const Approval *approval(const QString &id) const;

    // Removes a decided or expired request from the list for good. Pending ones stay.
    Q_INVOKABLE void dismiss(const QString &id);
    // Sends a decision; the row shows it is on its way and then the result (or the error).
    void decide(const QString &id, Decision decision, const QString &reason, Callback<Approval> done);

Q_SIGNALS:
    void pendingCountChanged();

private:
    void sync();
    void tick();
    QStringList visibleIds() const;
    void setDeciding(const QString &id, bool deciding, const QString &error);

    QPointer<ApprovalInbox> m_inbox;
    QList<QString> m_ids; // rows
    QSet<QString> m_deciding;
    QHash<QString, QString> m_decisionErrors;
    QSet<QString> m_dismissed;
    config::Settings m_settings;
    QTimer m_clock;
    int m_pendingCount = 0;
};

} // namespace countersign::approvals
