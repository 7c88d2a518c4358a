#pragma once

#include "agent/AgentSession.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace countersign::approvals {
class ApprovalChannel;
}
namespace countersign::agent {
class AgentService;
}

namespace countersign::cli {

// countersign-cli agent [--json] [--no-wait] "PROMPT": one turn with the agent on the configured
// backend. The agent's tools ask for approvals like in the app; the command waits until every
// call is decided and the agent has answered (--no-wait: exits as soon as a call waits, naming
// it). A call still waiting from an earlier --no-wait run is picked up first.
//
// Output: the reply on stdout, progress on stderr. --json: one JSON object per line on stdout:
//   {"type":"text","delta":...}
//   {"type":"tool_call","call_id":...,"tool":...,"arguments":{...}}
//   {"type":"interrupt","id":<call id>,"call_id":...,"tool":...,"interrupt":<kind>,"text":...,
//    plus what the person needs: "binding_message", "approval_id" (for `approve ID`), "expires_at";
//    "user_code", "verification_uri", "verification_uri_complete"; "connection", "connect_uri"}
//   {"type":"tool_result","call_id":...,"tool":...,"is_error":bool,"result":{...}}
//   {"type":"final","status":"done"|"interrupted","text":<the answer>,"pending":[call ids]}
// Exit codes: 0 the agent answered (or, with --no-wait, a call waits), 1 failure.
class AgentCommands : public QObject
{
    Q_OBJECT
public:
    AgentCommands(agent::AgentService *service, approvals::ApprovalChannel *channel,
                  QObject *parent = nullptr);

    void run(const QString &prompt, bool json, bool wait, std::function<void(int)> done);

private:
    void follow(agent::AgentSession *session);
    void onMessage(int index);
    void onStreaming();
    void settle();
    void report(const agent::Message &interrupt);
    void finish(int code);

    agent::AgentService *m_service;
    QPointer<approvals::ApprovalChannel> m_channel;
    QPointer<agent::AgentSession> m_session;
    QString m_prompt;
    bool m_json = false;
    bool m_wait = true;
    bool m_sent = false;
    qsizetype m_printedStream = 0;
    int m_firstNew = 0; // messages before this index were there before this run
    std::function<void(int)> m_done;
};

} // namespace countersign::cli
