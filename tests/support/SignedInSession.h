#pragma once

#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QList>
#include <QUrl>

class QNetworkAccessManager;
class QProcess;

namespace countersign::test {

// A SessionManager of the test's own, signed in at `issuer` through the sandbox's real login form
// (headless Chromium as the browser), with its tokens in the test's keychain.
class SignedInSession : public QObject
{
    Q_OBJECT
public:
    SignedInSession(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SignedInSession() override;

    // Signs in as `user`; returns the error message, or an empty string on success.
    QString signIn(const QUrl &issuer, const QString &user, const QString &password);
    session::SessionManager &manager() { return m_manager; }

private:
    storage::TokenStore m_store;
    session::SessionManager m_manager;
    QList<QProcess *> m_browsers;
};

} // namespace countersign::test
