#include "AgentSession.h"

#include "agent/AgentErrors.h"
#include "common/JsonInput.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AgentSession)
};

// Tool rounds the backend may take for one message before the session stops it (a model that
// keeps calling tools would otherwise never answer).
constexpr int kMaxRoundsPerMessage = 8;

nlohmann::json errorResult(const QString &message, const QString &code = {})
{
    nlohmann::json result{{"error", message.toStdString()}};
    if (!code.isEmpty())
        result["code"] = code.toStdString(); // e.g. access_denied: what became of an approval
    return result;
}

} // namespace

AgentSession::AgentSession(Backend *backend, QObject *parent) : QObject(parent), m_backend(backend) {}

AgentSession::~AgentSession()
{
    ++m_generation;
    cancelAuthorizations();
}

void AgentSession::cancelAuthorizations()
{
    for (const Message &call : m_conversation.unresolvedCalls())
        if (const auto entry = m_tools.constFind(call.toolName); entry != m_tools.cend() && entry->authorizer)
            entry->authorizer->cancel(call.callId);
}

void AgentSession::addTool(std::shared_ptr<Tool> tool, std::shared_ptr<Authorizer> authorizer)
{
    const ToolSpec spec = tool->spec();
    m_specs.append(spec);
    m_tools.insert(spec.name, {std::move(tool), std::move(authorizer)});
}

void AgentSession::setUser(const QString &subject, const QString &name)
{
    m_userSubject = subject;
    m_userName = name;
}

QString AgentSession::backendLabel() const
{
    return m_backend ? m_backend->label() : QString();
}

Status AgentSession::load()
{
    if (m_storageFile.isEmpty() || !QFileInfo::exists(m_storageFile))
        return Done{};
    QFile file(m_storageFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error{errors::conversationUnreadable,
                     Tr::tr("The saved conversation could not be read: %1").arg(file.errorString())};
    const QByteArray raw = file.readAll();
    file.close();
    const JsonInput json = parseJsonInput(raw, {kMaxStoredJsonDepth, {}, false});
    auto conversation =
        json.problem == JsonInput::Problem::TooDeep
            ? Result<Conversation>(Error{
                  errors::conversationInvalid,
                  Tr::tr("The saved conversation is nested deeper than %1 levels.").arg(kMaxStoredJsonDepth)})
            : Conversation::fromJson(json.value);
    if (!conversation)
        return setAside(conversation.error());
    m_conversation = std::move(conversation).value();
    // Calls that were waiting when the app quit: ask their authorizers to pick them up. A call
    // that was already running its tool is not run again (it may have done its work).
    for (const Message &call : m_conversation.unresolvedCalls()) {
        const Message *interrupt = m_conversation.pendingInterrupt(call.callId);
        const auto entry = m_tools.constFind(call.toolName);
        if (interrupt && entry != m_tools.cend() && entry->authorizer) {
            setBusy(true);
            entry->authorizer->resume(call.callId, interrupt->interrupt,
                                      reportFor(call.callId, call.toolName, call.arguments));
        } else {
            finishCall(call.callId, call.toolName,
                       Error{errors::interrupted,
                             Tr::tr("The app was closed while this was running. It was not repeated, so that "
                                    "it cannot happen twice.")});
        }
    }
    return Done{};
}

Error AgentSession::setAside(const Error &unreadable)
{
    // Renamed, never overwritten: the next save starts a new file, and the old one stays for the
    // person (or a bug report) to look at.
    const QFileInfo info(m_storageFile);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside;
    for (int n = 0; n < 100; ++n) {
        aside = info.dir().filePath(
            QStringLiteral("%1.unreadable-%2%3.json")
                .arg(info.completeBaseName(), stamp, n == 0 ? QString() : QStringLiteral("-%1").arg(n)));
        if (!QFileInfo::exists(aside))
            break;
    }
    if (QFile::rename(m_storageFile, aside))
        return {unreadable.code, Tr::tr("%1 It was set aside as %2, and a new conversation begins.")
                                     .arg(unreadable.message, QDir::toNativeSeparators(aside))};
    const QString kept = QDir::toNativeSeparators(m_storageFile);
    m_storageFile.clear();
    return {
        unreadable.code,
        Tr::tr(
            "%1 It could not be set aside either, so this conversation is not saved (%2 is kept as it is).")
            .arg(unreadable.message, kept)};
}

void AgentSession::send(const QString &text)
{
    if (m_busy || text.trimmed().isEmpty())
        return;
    append(Message::user(text.trimmed()));
    m_roundsThisMessage = 0;
    startTurn();
}

void AgentSession::stop()
{
    ++m_generation;
    if (m_backend)
        m_backend->cancel();
    m_turnRunning = false;
    m_requestedCalls.clear();
    if (!m_streaming.isEmpty()) {
        append(Message::assistant(m_streaming));
        m_streaming.clear();
        Q_EMIT streamingTextChanged();
    }
    cancelAuthorizations();
    for (const Message &call : m_conversation.unresolvedCalls())
        append(Message::toolResult(call.callId, call.toolName, errorResult(Tr::tr("Stopped by you.")), true));
    setBusy(false);
}

void AgentSession::clear()
{
    if (m_busy)
        return;
    m_conversation = {};
    save();
    Q_EMIT cleared();
}

void AgentSession::retryCall(const QString &callId)
{
    const Message *interrupt = m_conversation.pendingInterrupt(callId);
    if (!interrupt)
        return;
    const auto entry = m_tools.constFind(interrupt->toolName);
    if (entry == m_tools.cend() || !entry->authorizer)
        return;
    const auto open = m_conversation.unresolvedCalls();
    const auto call =
        std::find_if(open.cbegin(), open.cend(), [&](const Message &m) { return m.callId == callId; });
    if (call == open.cend())
        return;
    const nlohmann::json saved = interrupt->interrupt;
    entry->authorizer->cancel(callId);
    entry->authorizer->resume(callId, saved, reportFor(callId, call->toolName, call->arguments));
}

void AgentSession::cancelCall(const QString &callId)
{
    const auto open = m_conversation.unresolvedCalls();
    const auto call =
        std::find_if(open.cbegin(), open.cend(), [&](const Message &m) { return m.callId == callId; });
    if (call == open.cend())
        return;
    if (const auto entry = m_tools.constFind(call->toolName); entry != m_tools.cend() && entry->authorizer)
        entry->authorizer->cancel(callId);
    finishCall(callId, call->toolName, Error{errors::cancelled, Tr::tr("Cancelled by you.")});
}

void AgentSession::startTurn()
{
    if (!m_backend)
        return;
    if (++m_roundsThisMessage > kMaxRoundsPerMessage) {
        append(Message::assistant(Tr::tr("I stopped: the agent kept calling tools without answering.")));
        setBusy(false);
        return;
    }
    m_turnRunning = true;
    setBusy(true);
    m_streaming.clear();
    m_requestedCalls.clear();
    const quint64 generation = m_generation;
    m_backend->respond(
        m_conversation, m_specs, m_profile,
        {[this, generation](const QString &delta) {
             if (generation != m_generation)
                 return;
             m_streaming += delta;
             Q_EMIT streamingTextChanged();
         },
         [this, generation](const QString &callId, const QString &tool, nlohmann::json arguments) {
             if (generation == m_generation)
                 m_requestedCalls.append({callId, tool, std::move(arguments)});
         },
         [this, generation](Status status) {
             if (generation == m_generation)
                 onTurnFinished(std::move(status));
         }});
}

void AgentSession::onTurnFinished(Status status)
{
    m_turnRunning = false;
    if (!m_streaming.isEmpty()) {
        append(Message::assistant(m_streaming));
        m_streaming.clear();
        Q_EMIT streamingTextChanged();
    }
    if (!status) {
        Q_EMIT problem(status.error().message);
        append(Message::assistant(Tr::tr("The agent failed: %1").arg(status.error().message)));
    }
    const auto calls = std::exchange(m_requestedCalls, {});
    for (const auto &[callId, tool, arguments] : calls)
        append(Message::toolCall(callId, tool, arguments));
    for (const auto &[callId, tool, arguments] : calls)
        runCall(callId, tool, arguments);
    continueIfSettled();
}

void AgentSession::runCall(const QString &callId, const QString &toolName, const nlohmann::json &arguments)
{
    const auto entry = m_tools.constFind(toolName);
    if (entry == m_tools.cend()) {
        finishCall(callId, toolName,
                   Error{errors::unknownTool, Tr::tr("There is no tool called \"%1\".").arg(toolName)});
        return;
    }
    if (const Status valid = validateArguments(entry->tool->spec().parameters, arguments); !valid) {
        finishCall(callId, toolName, valid.error());
        return;
    }
    if (entry->authorizer)
        entry->authorizer->authorize(callId, arguments, reportFor(callId, toolName, arguments));
    else
        execute(callId, toolName, arguments,
                ToolContext{callId, m_userSubject, m_userName, {}, nlohmann::json::array()});
}

AuthorizationReport AgentSession::reportFor(const QString &callId, const QString &toolName,
                                            const nlohmann::json &arguments)
{
    const quint64 generation = m_generation;
    QPointer<AgentSession> self(this);
    return {[self, generation, callId, toolName, arguments](const QByteArray &token,
                                                            const nlohmann::json &details) {
                if (self && generation == self->m_generation)
                    self->execute(callId, toolName, arguments,
                                  ToolContext{callId, self->m_userSubject, self->m_userName, token, details});
            },
            [self, generation, callId, toolName](const QString &text, const nlohmann::json &interrupt) {
                if (!self || generation != self->m_generation)
                    return;
                Message message;
                message.kind = Message::Kind::Interrupt;
                message.callId = callId;
                message.toolName = toolName;
                message.text = text;
                message.interrupt = interrupt;
                message.at = QDateTime::currentDateTimeUtc();
                self->append(std::move(message));
            },
            [self, generation, callId, toolName](const Error &error) {
                if (self && generation == self->m_generation)
                    self->finishCall(callId, toolName, error);
            }};
}

void AgentSession::execute(const QString &callId, const QString &toolName, const nlohmann::json &arguments,
                           ToolContext context)
{
    const auto entry = m_tools.constFind(toolName);
    if (entry == m_tools.cend())
        return;
    const quint64 generation = m_generation;
    entry->tool->run(arguments, context,
                     [self = QPointer(this), generation, callId, toolName](Result<nlohmann::json> out) {
                         if (self && generation == self->m_generation)
                             self->finishCall(callId, toolName, std::move(out));
                     });
}

void AgentSession::finishCall(const QString &callId, const QString &toolName, Result<nlohmann::json> result)
{
    // At most one result per call (an authorizer answering twice must not run a tool twice).
    const auto open = m_conversation.unresolvedCalls();
    if (std::none_of(open.cbegin(), open.cend(), [&](const Message &m) { return m.callId == callId; }))
        return;
    if (result)
        append(Message::toolResult(callId, toolName, std::move(result).value(), false));
    else
        append(Message::toolResult(callId, toolName, errorResult(result.error().message, result.error().code),
                                   true));
    continueIfSettled();
}

void AgentSession::continueIfSettled()
{
    if (m_turnRunning)
        return;
    if (!m_conversation.unresolvedCalls().isEmpty()) {
        setBusy(true); // a call still runs or waits on the person
        return;
    }
    if (!m_conversation.messages.isEmpty() &&
        m_conversation.messages.last().kind == Message::Kind::ToolResult) {
        startTurn(); // the backend answers from the results
        return;
    }
    setBusy(false);
}

void AgentSession::append(Message message)
{
    if (!message.at.isValid())
        message.at = QDateTime::currentDateTimeUtc();
    m_conversation.messages.append(std::move(message));
    save();
    Q_EMIT messageAdded(static_cast<int>(m_conversation.messages.size() - 1));
}

void AgentSession::save()
{
    if (m_storageFile.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_storageFile).absolutePath());
    QSaveFile file(m_storageFile);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT problem(Tr::tr("The conversation could not be saved: %1").arg(file.errorString()));
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QByteArray::fromStdString(m_conversation.toJson().dump(1)));
    if (!file.commit())
        Q_EMIT problem(Tr::tr("The conversation could not be saved: %1").arg(file.errorString()));
}

void AgentSession::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

} // namespace countersign::agent
