#include "TcpProxy.h"

namespace countersign::test {

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

bool TcpProxy::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TcpProxy::via(const QUrl &url) const
{
    QUrl proxied = url;
    proxied.setHost(QStringLiteral("127.0.0.1"));
    proxied.setPort(port());
    return proxied;
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(this);
        client->setParent(this);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, client,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        m_pairs.append(qMakePair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
    }
}

void TcpProxy::dropAll()
{
    for (auto &[client, upstream] : m_pairs) {
        if (client)
            client->abort();
        if (upstream)
            upstream->abort();
    }
    m_pairs.clear();
}

int TcpProxy::connectionCount() const
{
    int open = 0;
    for (const auto &[client, upstream] : m_pairs)
        if (client && client->state() == QAbstractSocket::ConnectedState)
            ++open;
    return open;
}

} // namespace countersign::test
