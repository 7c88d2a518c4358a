#pragma once

#include "common/Result.h"
#include "config/ProviderConfig.h"
#include "signin/ProviderForm.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QJSEngine;
class QQmlEngine;

namespace countersign::session {
class ProviderResolver;
class SessionManager;
} // namespace countersign::session

namespace countersign::gui {

// The `Session` singleton the pages bind to: adapts session::SessionManager (sign in, restore,
// sign out) and session::ProviderResolver (which server; starts the sandbox) to properties and
// invokables. It holds no OAuth logic of its own.
//
// QML gets the instance that the program registered with setInstance() before loading QML (the
// services it adapts are built in main(), not by the QML engine).
class SessionViewModel : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
    // Where the session is: signed out, signing in, signed in or signing out.
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // True while the saved session is being restored, and while signing in or out.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // True while the session saved last time is being loaded at start-up.
    Q_PROPERTY(bool restoring READ restoring NOTIFY busyChanged)
    // Why the last sign-in, restore or sign-out failed, or why the session ended (one line, sanitized:
    // often a provider's error_description); empty if nothing did.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // The signed-in person's name as the provider gave it (may be empty).
    Q_PROPERTY(QString name READ name NOTIFY identityChanged)
    // The signed-in person's email address as the provider gave it (may be empty).
    Q_PROPERTY(QString email READ email NOTIFY identityChanged)
    // The issuer that vouched for the signed-in person.
    Q_PROPERTY(QString issuer READ issuer NOTIFY identityChanged)
    // While signing in: the address the browser was asked to open, for copying by hand. Else empty.
    Q_PROPERTY(QString authorizationUrl READ authorizationUrl NOTIFY authorizationUrlChanged)
    // While signing in with a code (device flow): the code to enter, where, and the address with
    // the code already in it. Empty otherwise.
    Q_PROPERTY(QString deviceUserCode READ deviceUserCode NOTIFY deviceCodeChanged)
    Q_PROPERTY(QString deviceVerificationUri READ deviceVerificationUri NOTIFY deviceCodeChanged)
    Q_PROPERTY(
        QString deviceVerificationUriComplete READ deviceVerificationUriComplete NOTIFY deviceCodeChanged)
    // The provider choice on the sign-in page.
    Q_PROPERTY(countersign::gui::ProviderForm *provider READ provider CONSTANT)

public:
    enum class State
    {
        SignedOut,
        SigningIn,
        SignedIn,
        SigningOut
    };
    Q_ENUM(State)

    // Sets the session manager's browser opener: $COUNTERSIGN_BROWSER if set, else the desktop's.
    SessionViewModel(session::SessionManager *manager, session::ProviderResolver *resolver,
                     QObject *parent = nullptr);
    ~SessionViewModel() override;

    // The object QML engines created from now on get as the Session singleton (not owned).
    static void setInstance(SessionViewModel *instance);
    static SessionViewModel *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    State state() const { return m_state; }
    bool busy() const { return m_restoring || m_state == State::SigningIn || m_state == State::SigningOut; }
    bool restoring() const { return m_restoring; }
    QString errorMessage() const { return m_errorMessage; }
    QString name() const;
    QString email() const;
    QString issuer() const;
    QString authorizationUrl() const { return m_authorizationUrl.toString(QUrl::FullyEncoded); }
    QString deviceUserCode() const { return m_deviceUserCode; }
    QString deviceVerificationUri() const { return m_deviceUri.toString(QUrl::FullyEncoded); }
    QString deviceVerificationUriComplete() const { return m_deviceUriComplete.toString(QUrl::FullyEncoded); }
    ProviderForm *provider() const { return m_form; }

    // Picks the provider (explicit choice, running sandbox, last used; see ProviderResolver),
    // fills the form with it and loads the session saved for it, if any. Emits restoreFinished().
    void restore(const std::optional<config::ProviderConfig> &explicitChoice);

    // Signs in at the provider in the form. Returns false (and starts nothing) when the form
    // is not filled in correctly or another operation is running.
    Q_INVOKABLE bool signIn();
    // The same, with device flow (RFC 8628) instead of this computer's browser: the page shows a
    // code to enter on any device with a browser, and the sign-in ends when it is approved there.
    Q_INVOKABLE bool signInWithCode();
    // Stops waiting for the browser. The sign-in ends without an error message.
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void stateChanged();
    void busyChanged();
    void errorMessageChanged();
    void identityChanged();
    void authorizationUrlChanged();
    void deviceCodeChanged();
    void restoreFinished();

private:
    void setState(State state);
    void setRestoring(bool restoring);
    void setErrorMessage(const QString &message);
    void setAuthorizationUrl(const QUrl &url);
    bool beginSignIn(bool withCode);
    void startSignIn(const config::ProviderConfig &provider, bool withCode);
    void setDeviceCode(const QString &userCode, const QUrl &uri, const QUrl &uriComplete);
    void finishSignIn(const std::optional<Error> &error);
    void finishSignOut(const std::optional<Error> &error);
    void onManagerStateChanged();
    std::optional<config::ProviderConfig> explicitChoice() const;

    static inline QPointer<SessionViewModel> s_instance;

    session::SessionManager *m_manager;
    session::ProviderResolver *m_resolver;
    ProviderForm *m_form;
    State m_state = State::SignedOut;
    bool m_restoring = false;
    bool m_cancelRequested = false;
    // Bumped when a sign-in is abandoned while the resolver is still busy, so its late answer is ignored.
    quint64 m_attempt = 0;
    QString m_errorMessage;
    QUrl m_authorizationUrl;
    QString m_deviceUserCode;
    QUrl m_deviceUri;
    QUrl m_deviceUriComplete;
};

} // namespace countersign::gui
