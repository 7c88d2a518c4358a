#include "ChatViewModel.h"

#include "agent/AgentSession.h"
#include "rar/PlainText.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJSEngine>

namespace countersign::gui {

ChatViewModel::ChatViewModel(BrowserOpener openBrowser, QObject *parent)
    : QObject(parent), m_openBrowser(std::move(openBrowser)), m_messages(new ChatMessageModel(this))
{
    if (!m_openBrowser)
        m_openBrowser = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
}

void ChatViewModel::setInstance(ChatViewModel *instance)
{
    s_instance = instance;
}

ChatViewModel *ChatViewModel::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance) {
        // A program that has no agent to offer still shows the page, saying so (the engine owns it).
        auto *none = new ChatViewModel(BrowserOpener{});
        none->setSession(nullptr, tr("The agent is not available in this version of the app."));
        return none;
    }
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void ChatViewModel::setSession(agent::AgentSession *session, const QString &unavailableReason)
{
    const bool wasBusy = busy();
    const QString wasStreaming = streamingText();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_session = session;
    m_unavailableReason = unavailableReason;
    if (session) {
        m_messages->reset(session->conversation());
        m_connections = {
            connect(session, &agent::AgentSession::messageAdded, this,
                    [this](int index) {
                        const auto &messages = m_session->conversation().messages;
                        if (index == m_messages->count() && index < messages.size())
                            m_messages->append(messages.at(index));
                        else
                            m_messages->reset(m_session->conversation()); // not an append: show it all again
                    }),
            connect(session, &agent::AgentSession::cleared, this,
                    [this] { m_messages->reset(m_session->conversation()); }),
            connect(session, &agent::AgentSession::streamingTextChanged, this,
                    &ChatViewModel::streamingTextChanged),
            connect(session, &agent::AgentSession::busyChanged, this, &ChatViewModel::busyChanged),
            connect(session, &agent::AgentSession::problem, this, &ChatViewModel::setProblem),
            connect(session, &QObject::destroyed, this, [this] { setSession(nullptr); })};
    } else {
        m_messages->clear();
    }
    Q_EMIT sessionChanged();
    // With a session, a reason is what went wrong setting it up (e.g. the saved chat was unreadable).
    setProblem(session ? unavailableReason : QString());
    if (busy() != wasBusy)
        Q_EMIT busyChanged();
    if (streamingText() != wasStreaming)
        Q_EMIT streamingTextChanged();
}

void ChatViewModel::setAgentClientId(const QString &clientId)
{
    if (m_agentClientId == clientId)
        return;
    m_agentClientId = clientId;
    Q_EMIT sessionChanged();
}

QString ChatViewModel::unavailableReason() const
{
    if (m_session)
        return {};
    return m_unavailableReason.isEmpty() ? tr("The agent is not available right now.") : m_unavailableReason;
}

QString ChatViewModel::backendLabel() const
{
    return m_session ? rar::displayText(m_session->backendLabel(), 120) : QString();
}

bool ChatViewModel::busy() const
{
    return m_session && m_session->busy();
}

QString ChatViewModel::streamingText() const
{
    return m_session ? rar::plainText(m_session->streamingText()) : QString();
}

void ChatViewModel::setProblem(const QString &problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}

bool ChatViewModel::send(const QString &text)
{
    if (!m_session || m_session->busy() || text.trimmed().isEmpty())
        return false;
    setProblem({});
    m_session->send(text);
    return true;
}

void ChatViewModel::clear()
{
    if (m_session && !m_session->busy()) {
        setProblem({});
        m_session->clear();
    }
}

void ChatViewModel::stop()
{
    if (m_session)
        m_session->stop();
}

void ChatViewModel::retry(const QString &callId)
{
    if (m_session)
        m_session->retryCall(callId);
}

void ChatViewModel::cancelCall(const QString &callId)
{
    if (m_session)
        m_session->cancelCall(callId);
}

void ChatViewModel::copy(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

bool ChatViewModel::openLink(const QString &url)
{
    // Only web pages: a link the agent's providers sent must not start some other handler.
    const QUrl link(url, QUrl::StrictMode);
    if (!link.isValid() || (link.scheme() != u"https" && link.scheme() != u"http") || link.host().isEmpty()) {
        setProblem(tr("This link cannot be opened: only web addresses (https) are."));
        return false;
    }
    if (!m_openBrowser(link)) {
        setProblem(tr("Your browser could not be opened. Open this address yourself: %1")
                       .arg(QString::fromLatin1(link.toEncoded())));
        return false;
    }
    return true;
}

} // namespace countersign::gui
