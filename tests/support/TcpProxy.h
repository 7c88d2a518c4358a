#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace countersign::test {

// A TCP relay on 127.0.0.1 and a free port to a target port on 127.0.0.1, for tests that need a
// connection to break mid-stream the way networks break: dropAll() cuts every connection at once.
class TcpProxy : public QObject
{
    Q_OBJECT
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);

    bool start();
    quint16 port() const { return m_server.serverPort(); }
    // `url` with host and port replaced by this proxy's.
    QUrl via(const QUrl &url) const;

    void dropAll();
    int connectionCount() const;

private:
    void onNewConnection();

    quint16 m_targetPort;
    QTcpServer m_server;
    QList<QPair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
};

} // namespace countersign::test
