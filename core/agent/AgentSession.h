#pragma once

#include "agent/Authorizer.h"
#include "agent/Backend.h"
#include "agent/Conversation.h"
#include "agent/Tool.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace countersign::agent {

// One chat with the agent: sends the person's messages to the backend, runs the tools it asks
// for (arguments checked against each tool's schema, credentials from the tool's authorizer,
// passed in a ToolContext and never written into the conversation), records interrupts while a
// call waits on the person, and lets the backend answer once every call has a result.
//
// With a storage file, every change is saved at once (atomically), and load() picks up calls
// that were waiting when the app quit: each completes at most once.
class AgentSession : public QObject
{
    Q_OBJECT
public:
    explicit AgentSession(Backend *backend, QObject *parent = nullptr);
    ~AgentSession() override;

    void addTool(std::shared_ptr<Tool> tool, std::shared_ptr<Authorizer> authorizer = nullptr);
    void setProfile(const AgentProfile &profile) { m_profile = profile; }
    const AgentProfile &profile() const { return m_profile; }
    void setUser(const QString &subject, const QString &name);
    void setStorageFile(const QString &path) { m_storageFile = path; }

    // Reads the storage file (none yet: an empty chat) and resumes calls waiting on interrupts. A
    // file that cannot be read is renamed to "<name>.unreadable-<UTC time>.json" next to it, and the
    // error says so; the chat then starts empty and is saved under the usual name.
    Status load();
    void send(const QString &text);
    // Stops the backend's turn and every call in progress; waiting calls end as cancelled.
    void stop();
    // Starts over with an empty conversation (and saves that). Only while nothing runs.
    void clear();
    // Asks the call's authorizer to try again from its interrupt (e.g. after the person connected
    // the account it asked for). Does nothing unless the call waits on an interrupt.
    void retryCall(const QString &callId);
    // The person gives up on one waiting call: it ends as cancelled and the agent answers.
    void cancelCall(const QString &callId);

    const Conversation &conversation() const { return m_conversation; }
    bool busy() const { return m_busy; }
    // The reply being streamed right now (empty between replies).
    const QString &streamingText() const { return m_streaming; }
    QString backendLabel() const;

Q_SIGNALS:
    void messageAdded(int index);
    // The conversation was emptied (clear()).
    void cleared();
    void streamingTextChanged();
    void busyChanged();
    // The chat could not be saved, or the backend failed: in words.
    void problem(const QString &message);

private:
    struct Entry
    {
        std::shared_ptr<Tool> tool;
        std::shared_ptr<Authorizer> authorizer;
    };

    // Tells the authorizers of every call without a result to stop working on it.
    void cancelAuthorizations();
    void startTurn();
    void onTurnFinished(Status status);
    void runCall(const QString &callId, const QString &toolName, const nlohmann::json &arguments);
    AuthorizationReport reportFor(const QString &callId, const QString &toolName,
                                  const nlohmann::json &arguments);
    void execute(const QString &callId, const QString &toolName, const nlohmann::json &arguments,
                 ToolContext context);
    void finishCall(const QString &callId, const QString &toolName, Result<nlohmann::json> result);
    void append(Message message);
    void save();
    // Moves the unreadable storage file out of the way; the error to report.
    Error setAside(const Error &unreadable);
    void setBusy(bool busy);
    void continueIfSettled();

    QPointer<Backend> m_backend;
    QHash<QString, Entry> m_tools;
    QList<ToolSpec> m_specs;
    AgentProfile m_profile;
    QString m_userSubject;
    QString m_userName;
    QString m_storageFile;
    Conversation m_conversation;
    QString m_streaming;
    QList<std::tuple<QString, QString, nlohmann::json>> m_requestedCalls;
    bool m_busy = false;
    bool m_turnRunning = false;
    int m_roundsThisMessage = 0;
    quint64 m_generation = 0; // bumped by stop(): answers for calls started before are dropped
};

} // namespace countersign::agent
