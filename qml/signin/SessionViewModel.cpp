#include "SessionViewModel.h"

#include "device/DeviceAuthorizationClient.h"
#include "device/UserCode.h"
#include "logging/Logging.h"
#include "oauth/BrowserCommand.h"
#include "oauth/OAuthErrors.h"
#include "rar/PlainText.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"

#include <QDesktopServices>
#include <QJSEngine>

namespace countersign::gui {

namespace {

constexpr int kMessageChars = 1000;
constexpr int kCodeChars = 40; // as the code page shows a device's code

SessionViewModel::State fromManager(session::SessionManager::State state)
{
    switch (state) {
    case session::SessionManager::State::SignedOut:
        return SessionViewModel::State::SignedOut;
    case session::SessionManager::State::SigningIn:
        return SessionViewModel::State::SigningIn;
    case session::SessionManager::State::SignedIn:
        return SessionViewModel::State::SignedIn;
    case session::SessionManager::State::SigningOut:
        return SessionViewModel::State::SigningOut;
    }
    return SessionViewModel::State::SignedOut;
}

} // namespace

SessionViewModel::SessionViewModel(session::SessionManager *manager, session::ProviderResolver *resolver,
                                   QObject *parent)
    : QObject(parent), m_manager(manager), m_resolver(resolver), m_form(new ProviderForm(this)),
      m_state(fromManager(manager->state()))
{
    // SessionManager itself makes sure no browser opens after a cancel.
    m_manager->setBrowserOpener(oauth::browserFromEnvironment().value_or(
        [](const QUrl &url) { return QDesktopServices::openUrl(url); }));

    connect(m_manager, &session::SessionManager::stateChanged, this,
            &SessionViewModel::onManagerStateChanged);
    connect(m_manager, &session::SessionManager::identityChanged, this, &SessionViewModel::identityChanged);
    connect(m_manager, &session::SessionManager::authorizationUrlReady, this,
            &SessionViewModel::setAuthorizationUrl);
    connect(m_manager, &session::SessionManager::sessionEnded, this,
            [this](const Error &reason) { setErrorMessage(reason.message); });
    connect(m_manager, &session::SessionManager::sessionNotSaved, this,
            [this](const Error &reason) { setErrorMessage(reason.message); });
}

SessionViewModel::~SessionViewModel() = default;

void SessionViewModel::setInstance(SessionViewModel *instance)
{
    s_instance = instance;
}

SessionViewModel *SessionViewModel::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance)
        qFatal("SessionViewModel::setInstance() must be called before QML uses the Session singleton");
    // The program owns the view-model; the engine must never delete it.
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString SessionViewModel::name() const
{
    return m_manager->identity().name;
}

QString SessionViewModel::email() const
{
    return m_manager->identity().email;
}

QString SessionViewModel::issuer() const
{
    return m_manager->identity().issuer;
}

void SessionViewModel::setState(State state)
{
    if (m_state == state)
        return;
    const bool wasBusy = busy();
    m_state = state;
    Q_EMIT stateChanged();
    if (busy() != wasBusy)
        Q_EMIT busyChanged();
}

void SessionViewModel::setRestoring(bool restoring)
{
    if (m_restoring == restoring)
        return;
    m_restoring = restoring;
    Q_EMIT busyChanged();
}

void SessionViewModel::setErrorMessage(const QString &message)
{
    // Often a provider's error_description: sanitized (no invisible or direction-changing
    // characters) and bounded, like every server text the pages show.
    const QString shown = rar::displayText(message, kMessageChars);
    if (m_errorMessage == shown)
        return;
    m_errorMessage = shown;
    Q_EMIT errorMessageChanged();
}

void SessionViewModel::setAuthorizationUrl(const QUrl &url)
{
    if (m_authorizationUrl == url)
        return;
    m_authorizationUrl = url;
    Q_EMIT authorizationUrlChanged();
}

void SessionViewModel::clearError()
{
    setErrorMessage({});
}

void SessionViewModel::onManagerStateChanged()
{
    // While this object runs a sign-in or sign-out it reports the state when that ends; other
    // changes (a restored session, a session the provider ended) show at once.
    if (m_state == State::SigningIn || m_state == State::SigningOut)
        return;
    setState(fromManager(m_manager->state()));
}

void SessionViewModel::restore(const std::optional<config::ProviderConfig> &explicitChoice)
{
    const config::ProviderConfig provider = m_resolver->choose(explicitChoice);
    m_form->setProviderConfig(provider);
    if (provider.issuer.isEmpty()) { // a sandbox never started: nothing can be saved for it
        Q_EMIT restoreFinished();
        return;
    }
    setRestoring(true);
    m_manager->restore(provider, [self = QPointer(this), provider](Result<bool> restored) {
        if (!self)
            return;
        self->setRestoring(false);
        if (!restored)
            self->setErrorMessage(restored.error().message);
        else if (*restored && provider.kind == config::ProviderConfig::Kind::Sandbox)
            // Renewal and sign-out need the sandbox that issued the session: bring it up now.
            self->m_resolver->resolve(provider, [](Result<config::ProviderConfig>) {});
        Q_EMIT self->restoreFinished();
    });
}

std::optional<config::ProviderConfig> SessionViewModel::explicitChoice() const
{
    std::optional<config::ProviderConfig> chosen = m_form->providerConfig();
    // Letting the resolver choose keeps the sandbox on the port (and issuer) it had last time.
    if (chosen && chosen->kind == config::ProviderConfig::Kind::Sandbox &&
        m_resolver->choose(std::nullopt).kind == config::ProviderConfig::Kind::Sandbox)
        return std::nullopt;
    return chosen;
}

bool SessionViewModel::signIn()
{
    return beginSignIn(false);
}

bool SessionViewModel::signInWithCode()
{
    return beginSignIn(true);
}

bool SessionViewModel::beginSignIn(bool withCode)
{
    if (busy() || m_state == State::SignedIn || !m_form->isValid())
        return false;
    clearError();
    m_cancelRequested = false;
    setState(State::SigningIn);
    const quint64 attempt = ++m_attempt;
    m_resolver->resolve(explicitChoice(),
                        [self = QPointer(this), attempt, withCode](Result<config::ProviderConfig> provider) {
                            if (!self || attempt != self->m_attempt)
                                return; // cancelled while the sandbox was starting
                            if (!provider)
                                self->finishSignIn(provider.error());
                            else
                                self->startSignIn(provider.value(), withCode);
                        });
    return true;
}

void SessionViewModel::startSignIn(const config::ProviderConfig &provider, bool withCode)
{
    qCInfo(lcApp) << "Signing in at" << provider.issuer.toString() << (withCode ? "with a code" : "");
    auto finished = [self = QPointer(this)](Result<oauth::Identity> identity) {
        if (self)
            self->finishSignIn(identity ? std::nullopt : std::optional<Error>(identity.error()));
    };
    if (!withCode) {
        m_manager->signIn(provider, finished);
        return;
    }
    m_manager->signInWithDevice(
        provider,
        [self = QPointer(this)](const device::DeviceAuthorization &code) {
            if (self)
                self->setDeviceCode(rar::displayText(device::UserCode::display(code.userCode), kCodeChars),
                                    code.verificationUri, code.verificationUriComplete);
        },
        finished);
}

void SessionViewModel::setDeviceCode(const QString &userCode, const QUrl &uri, const QUrl &uriComplete)
{
    m_deviceUserCode = userCode;
    m_deviceUri = uri;
    m_deviceUriComplete = uriComplete;
    Q_EMIT deviceCodeChanged();
}

void SessionViewModel::finishSignIn(const std::optional<Error> &error)
{
    setAuthorizationUrl({});
    setDeviceCode({}, {}, {});
    // Cancelling is something the person did, not something that went wrong; nor is whatever
    // failed after they had asked to stop.
    if (error && error->code != oauth::errors::cancelled && !m_cancelRequested)
        setErrorMessage(error->message);
    m_cancelRequested = false;
    setState(fromManager(m_manager->state()));
}

void SessionViewModel::cancelSignIn()
{
    if (m_state != State::SigningIn)
        return;
    m_cancelRequested = true;
    if (m_manager->state() != session::SessionManager::State::SigningIn) {
        // Still finding (or starting) the provider: abandon that and go back at once.
        ++m_attempt;
        finishSignIn(std::nullopt);
        return;
    }
    m_manager->cancelSignIn();
}

void SessionViewModel::signOut()
{
    if (m_state != State::SignedIn || busy())
        return;
    clearError();
    setState(State::SigningOut);
    auto signOutNow = [self = QPointer(this)] {
        if (!self)
            return;
        self->m_manager->signOut([self](Status done) {
            if (self)
                self->finishSignOut(done ? std::nullopt : std::optional<Error>(done.error()));
        });
    };
    const config::ProviderConfig provider = m_manager->provider();
    if (provider.kind != config::ProviderConfig::Kind::Sandbox) {
        signOutNow();
        return;
    }
    // The refresh token is revoked at the sandbox, so it has to be running. If it cannot be
    // started, signing out still wipes the local secrets and says the provider was not told.
    m_resolver->resolve(provider, [signOutNow](Result<config::ProviderConfig>) { signOutNow(); });
}

void SessionViewModel::finishSignOut(const std::optional<Error> &error)
{
    if (error)
        setErrorMessage(error->message);
    setState(fromManager(m_manager->state()));
}

} // namespace countersign::gui
