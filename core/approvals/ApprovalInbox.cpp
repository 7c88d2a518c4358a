#include "ApprovalInbox.h"

#include "common/JsonInput.h"
#include "logging/Logging.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalInbox)
};

const QString kResync = QStringLiteral("approval.resync");

bool isApprovalEvent(const QString &type)
{
    return type == u"approval.created" || type == u"approval.decided" || type == u"approval.expired";
}

} // namespace

ApprovalInbox::ApprovalInbox(ApprovalsClient *client, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_client(client), m_stream(network)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        // After a drop with an event id in hand, the stream's replay covers the gap; the list is
        // only needed when we never had one.
        if (m_lastEventId.isEmpty())
            fetchList();
        else
            openStream(std::exchange(m_tokenRefused, false));
    });
    connect(&m_stream, &net::EventStream::opened, this, [this] {
        m_backoff = m_minBackoff;
        m_lastError = {};
        setConnection(Connection::Live);
    });
    connect(&m_stream, &net::EventStream::eventReceived, this, &ApprovalInbox::onEvent);
    connect(&m_stream, &net::EventStream::closed, this, &ApprovalInbox::onClosed);
}

void ApprovalInbox::setBackoff(std::chrono::milliseconds min, std::chrono::milliseconds max)
{
    m_minBackoff = min;
    m_maxBackoff = max;
    m_backoff = min;
}

void ApprovalInbox::start()
{
    if (m_connection != Connection::Stopped)
        return;
    setConnection(Connection::Connecting);
    fetchList();
}

void ApprovalInbox::stop()
{
    ++m_generation;
    m_retry.stop();
    m_stream.close();
    m_lastEventId.clear();
    m_backoff = m_minBackoff;
    if (!m_approvals.isEmpty()) {
        m_approvals.clear();
        Q_EMIT reset();
    }
    setConnection(Connection::Stopped);
}

const Approval *ApprovalInbox::find(const QString &id) const
{
    const auto it = std::find_if(m_approvals.cbegin(), m_approvals.cend(),
                                 [&id](const Approval &approval) { return approval.id == id; });
    return it == m_approvals.cend() ? nullptr : &*it;
}

void ApprovalInbox::fetchList()
{
    setConnection(Connection::Connecting);
    m_client->list([this, self = QPointer(this), generation = m_generation](Result<ApprovalList> list) {
        if (!self || generation != m_generation)
            return;
        if (!list) {
            retryLater(list.error());
            return;
        }
        if (list->unreadable > 0)
            qCWarning(lcNet) << "approval channel: left out" << list->unreadable << "malformed requests";
        m_approvals = list->approvals;
        std::stable_sort(m_approvals.begin(), m_approvals.end(),
                         [](const Approval &a, const Approval &b) { return a.createdAt > b.createdAt; });
        m_lastEventId = list->lastEventId;
        Q_EMIT reset();
        if (!m_stream.isOpen())
            openStream();
    });
}

void ApprovalInbox::openStream(bool renewToken)
{
    setConnection(Connection::Connecting);
    m_client->tokens()(renewToken,
                       [this, self = QPointer(this), generation = m_generation](Result<QByteArray> token) {
                           if (!self || generation != m_generation)
                               return;
                           if (!token) {
                               retryLater(token.error());
                               return;
                           }
                           m_stream.open(m_client->eventsUrl(), token.value(), m_lastEventId);
                       });
}

void ApprovalInbox::onEvent(const net::ServerSentEvent &event)
{
    if (event.type == kResync) {
        // The server cannot replay from our id (too old, or its data was reset): start over from
        // a fresh list; the stream stays open and delivers what happens meanwhile.
        qCInfo(lcNet) << "approval channel asked for a resync";
        fetchList();
        return;
    }
    if (!isApprovalEvent(event.type))
        return; // unknown event types are for newer clients
    const JsonInput json = parseJsonInput(event.data.toUtf8());
    auto approval = Approval::fromJson(json.value);
    if (json.problem == JsonInput::Problem::TooDeep)
        qCWarning(lcNet) << "approval channel: ignored an" << event.type << "event nested deeper than"
                         << kMaxJsonDepth << "levels";
    else if (!approval)
        qCWarning(lcNet) << "approval channel: ignored a malformed" << event.type << "event";
    if (!event.id.isEmpty())
        m_lastEventId = event.id;
    if (approval && apply(approval.value()))
        Q_EMIT eventApplied(event.type, event.id, approval.value());
}

bool ApprovalInbox::apply(const Approval &approval)
{
    const auto it = std::find_if(m_approvals.begin(), m_approvals.end(),
                                 [&approval](const Approval &known) { return known.id == approval.id; });
    if (it != m_approvals.end()) {
        if (!it->isSupersededBy(approval) || it->toJson() == approval.toJson())
            return false;
        *it = approval;
        Q_EMIT changed(static_cast<int>(it - m_approvals.begin()), false);
        return true;
    }
    // Newest first: insert before the first older request.
    const auto at = std::find_if(m_approvals.begin(), m_approvals.end(), [&approval](const Approval &known) {
        return known.createdAt < approval.createdAt;
    });
    const int row = static_cast<int>(at - m_approvals.begin());
    m_approvals.insert(row, approval);
    Q_EMIT changed(row, true);
    return true;
}

void ApprovalInbox::onClosed(const Error &reason)
{
    if (reason.code == oauth::errors::invalidToken)
        m_tokenRefused = true;
    retryLater(reason);
}

void ApprovalInbox::retryLater(const Error &reason)
{
    m_lastError = reason;
    qCInfo(lcNet) << "approval channel unavailable (" << reason.code << "), retrying in" << m_backoff.count()
                  << "ms";
    setConnection(Connection::Waiting);
    auto delay = m_backoff;
    if (m_stream.retryMs() > 0)
        delay = std::max(delay, std::chrono::milliseconds(m_stream.retryMs()));
    if (m_tokenRefused && m_backoff == m_minBackoff)
        delay = std::chrono::milliseconds(0); // a renewed token may fix it at once
    m_retry.start(delay);
    m_backoff = std::min(m_backoff * 2, m_maxBackoff);
}

void ApprovalInbox::decide(const QString &id, Decision decision, const QString &reason,
                           Callback<Approval> done)
{
    m_client->decide(id, decision, reason,
                     [this, self = QPointer(this), done = std::move(done)](Result<Approval> decided) {
                         if (!self)
                             return;
                         if (decided)
                             apply(decided.value());
                         done(std::move(decided));
                     });
}

void ApprovalInbox::setConnection(Connection connection)
{
    if (m_connection == connection)
        return;
    m_connection = connection;
    Q_EMIT connectionChanged(connection);
}

} // namespace countersign::approvals
