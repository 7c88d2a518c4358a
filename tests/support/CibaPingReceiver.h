#pragma once

#include "common/Result.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace countersign::test {

// The client notification endpoint of a ping-mode CIBA client, for tests and benchmarks of the
// sandbox's ping mode (Countersign's own CIBA client polls; nothing in the product uses this) (CIBA Core
// §10.2): a small HTTP server on 127.0.0.1 that accepts `POST /ciba/ping` with `Authorization: Bearer
// <client_notification_token>` and `{"auth_req_id": ...}`. A ping counts only when its bearer
// token is the one registered for that auth_req_id (compared in constant time); anything else
// gets 401/400/404 and no signal. A ping only says "ask now": the result still comes from the
// token endpoint.
class CibaPingReceiver : public QObject
{
    Q_OBJECT
public:
    explicit CibaPingReceiver(QObject *parent = nullptr);

    // Errors: "listen_failed".
    Status listen(quint16 port = 0);
    // http://127.0.0.1:<port>/ciba/ping
    QUrl endpoint() const;

    // A fresh random client_notification_token for a request about to be sent.
    static QByteArray newNotificationToken();
    // Pings for `authReqId` must carry `notificationToken` from now on.
    void expect(const QString &authReqId, const QByteArray &notificationToken);
    void forget(const QString &authReqId);

Q_SIGNALS:
    void pinged(const QString &authReqId);

private:
    void onNewConnection();
    void handle(class QTcpSocket *socket, const QByteArray &head, const QByteArray &body);

    QTcpServer m_server;
    QHash<QString, QByteArray> m_expected;
};

} // namespace countersign::test
