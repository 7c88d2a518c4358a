#pragma once

#include "approvals/Approval.h"
#include "approvals/ApprovalsClient.h"
#include "net/EventStream.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;

namespace countersign::approvals {

// The live state of the signed-in person's approval requests: one list, kept current by the
// channel's event stream. It fetches the list, subscribes from the list's last event id, and after
// any drop reconnects with backoff and Last-Event-ID, so that nothing is missed; updates are keyed
// by request id and only move a request forward, so replays and overlaps duplicate nothing.
class ApprovalInbox : public QObject
{
    Q_OBJECT
public:
    enum class Connection
    {
        Stopped,
        Connecting, // fetching the list / opening the stream
        Live,       // the stream is open: changes arrive as they happen
        Waiting     // disconnected; retrying after a pause (see lastError())
    };
    Q_ENUM(Connection)

    ApprovalInbox(ApprovalsClient *client, QNetworkAccessManager *network, QObject *parent = nullptr);

    // Reconnection pauses grow from `min` (doubling) to `max`; the server's retry advice is a floor.
    void setBackoff(std::chrono::milliseconds min, std::chrono::milliseconds max);

    void start();
    void stop();

    // Every known request, newest first.
    const QList<Approval> &approvals() const { return m_approvals; }
    const Approval *find(const QString &id) const;
    Connection connection() const { return m_connection; }
    // Why the last connection attempt failed (empty code when live).
    const Error &lastError() const { return m_lastError; }
    QString lastEventId() const { return m_lastEventId; }

    // Decides and applies the server's answer at once (the event will agree).
    void decide(const QString &id, Decision decision, const QString &reason, Callback<Approval> done);

Q_SIGNALS:
    // The whole list was replaced (first load, resync).
    void reset();
    // A request appeared (`isNew`) or changed; `row` is its index in approvals().
    void changed(int row, bool isNew);
    void connectionChanged(countersign::approvals::ApprovalInbox::Connection connection);
    // One event from the stream that changed a request (for `countersign-cli inbox --watch`).
    void eventApplied(const QString &type, const QString &eventId,
                      const countersign::approvals::Approval &approval);

private:
    void fetchList();
    void openStream(bool renewToken = false);
    void onEvent(const net::ServerSentEvent &event);
    void onClosed(const Error &reason);
    void retryLater(const Error &reason);
    bool apply(const Approval &approval); // false when it changed nothing
    void setConnection(Connection connection);

    ApprovalsClient *m_client;
    net::EventStream m_stream;
    QList<Approval> m_approvals;
    QString m_lastEventId;
    Connection m_connection = Connection::Stopped;
    Error m_lastError;
    QTimer m_retry;
    std::chrono::milliseconds m_minBackoff{std::chrono::seconds(1)};
    std::chrono::milliseconds m_maxBackoff{std::chrono::seconds(30)};
    std::chrono::milliseconds m_backoff{m_minBackoff};
    bool m_tokenRefused = false;
    quint64 m_generation = 0; // bumped by stop(): answers to an earlier start() are dropped
};

} // namespace countersign::approvals
