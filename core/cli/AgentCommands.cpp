#include "AgentCommands.h"

#include "Console.h"
#include "agent/AgentService.h"
#include "approvals/ApprovalChannel.h"
#include "approvals/ApprovalsClient.h"
#include "common/Json.h"

namespace countersign::cli {

namespace {

void printJson(const nlohmann::json &event)
{
    out() << jsonText(event) << "\n";
    out().flush();
}

// What the person needs from an interrupt, never its handles (auth_req_id, device_code).
nlohmann::json visibleFields(const nlohmann::json &interrupt)
{
    nlohmann::json fields = nlohmann::json::object();
    for (const char *name : {"binding_message", "expires_at", "user_code", "verification_uri",
                             "verification_uri_complete", "connection", "connect_uri"})
        if (interrupt.contains(name))
            fields[name] = interrupt[name];
    return fields;
}

} // namespace

AgentCommands::AgentCommands(agent::AgentService *service, approvals::ApprovalChannel *channel,
                             QObject *parent)
    : QObject(parent), m_service(service), m_channel(channel)
{}

void AgentCommands::run(const QString &prompt, bool json, bool wait, std::function<void(int)> done)
{
    m_prompt = prompt;
    m_json = json;
    m_wait = wait;
    m_done = std::move(done);
    if (m_service->session()) {
        follow(m_service->session());
        return;
    }
    connect(m_service, &agent::AgentService::sessionChanged, this, [this] {
        if (m_session)
            return;
        if (m_service->session()) {
            follow(m_service->session());
        } else {
            err() << inLine(m_service->unavailableReason()) << "\n";
            finish(1);
        }
    });
}

void AgentCommands::follow(agent::AgentSession *session)
{
    m_session = session;
    connect(session, &agent::AgentSession::messageAdded, this, &AgentCommands::onMessage);
    connect(session, &agent::AgentSession::streamingTextChanged, this, &AgentCommands::onStreaming);
    connect(session, &agent::AgentSession::busyChanged, this, &AgentCommands::settle);
    connect(session, &agent::AgentSession::problem, this,
            [](const QString &message) { err() << inLine(message) << "\n"; });
    if (!m_json)
        err() << tr("Agent: %1").arg(inLine(session->backendLabel())) << "\n";
    // With an agent, a reason is a problem it met while starting: a saved conversation that could
    // not be read and was set aside.
    if (const QString problem = m_service->unavailableReason(); !problem.isEmpty())
        err() << inLine(problem) << "\n";

    const auto waiting = session->conversation().unresolvedCalls();
    m_firstNew = static_cast<int>(session->conversation().messages.size());
    if (!waiting.isEmpty()) {
        // Calls left waiting by an earlier run: their interrupts first, then wait (or stop here).
        for (const agent::Message &call : waiting)
            if (const agent::Message *interrupt = session->conversation().pendingInterrupt(call.callId))
                report(*interrupt);
        if (!m_wait) {
            err() << tr("The agent still waits on an earlier request; the prompt was not sent. Decide it, or "
                        "run "
                        "without --no-wait.")
                  << "\n";
            finish(1);
        }
        return; // settle() sends the prompt once they are done
    }
    settle();
}

void AgentCommands::settle()
{
    if (!m_session || m_session->busy())
        return;
    if (!m_sent) {
        m_sent = true;
        m_session->clear();
        m_firstNew = 0;
        m_session->send(m_prompt);
        return;
    }
    const auto &messages = m_session->conversation().messages;
    const QString answer = !messages.isEmpty() && messages.last().kind == agent::Message::Kind::Assistant
                               ? messages.last().text
                               : QString();
    if (m_json)
        printJson({{"type", "final"},
                   {"status", "done"},
                   {"text", answer.toStdString()},
                   {"pending", nlohmann::json::array()}});
    else
        out() << "\n";
    finish(0);
}

void AgentCommands::onStreaming()
{
    if (!m_session)
        return;
    const QString &text = m_session->streamingText();
    if (text.size() <= m_printedStream)
        return;
    const QString delta = text.mid(m_printedStream);
    m_printedStream = text.size();
    if (m_json) {
        printJson({{"type", "text"}, {"delta", delta.toStdString()}});
    } else {
        out() << delta;
        out().flush();
    }
}

void AgentCommands::onMessage(int index)
{
    if (!m_session || index < m_firstNew)
        return;
    const agent::Message &message = m_session->conversation().messages.at(index);
    using Kind = agent::Message::Kind;
    switch (message.kind) {
    case Kind::User:
        return;
    case Kind::Assistant:
        // Whatever was not streamed (a backend may answer in one piece).
        if (const QString rest = message.text.mid(m_printedStream); !rest.isEmpty()) {
            if (m_json)
                printJson({{"type", "text"}, {"delta", rest.toStdString()}});
            else
                out() << rest;
        }
        m_printedStream = 0;
        return;
    case Kind::ToolCall:
        if (m_json)
            printJson({{"type", "tool_call"},
                       {"call_id", message.callId.toStdString()},
                       {"tool", message.toolName.toStdString()},
                       {"arguments", message.arguments}});
        else
            err() << tr("-> %1 %2").arg(inLine(message.toolName, 200), jsonText(message.arguments)) << "\n";
        return;
    case Kind::ToolResult:
        if (m_json)
            printJson({{"type", "tool_result"},
                       {"call_id", message.callId.toStdString()},
                       {"tool", message.toolName.toStdString()},
                       {"is_error", message.isError},
                       {"result", message.result}});
        else
            err() << tr("<- %1%2: %3")
                         .arg(inLine(message.toolName, 200), message.isError ? tr(" failed") : QString(),
                              jsonText(message.result))
                  << "\n";
        return;
    case Kind::Interrupt:
        report(message);
        return;
    }
}

void AgentCommands::report(const agent::Message &interrupt)
{
    const QString type = jsonString(interrupt.interrupt, "type");
    const QString binding = jsonString(interrupt.interrupt, "binding_message");
    auto print = [this, interrupt, type](const QString &approvalId) {
        if (m_json) {
            nlohmann::json event{{"type", "interrupt"},
                                 {"id", interrupt.callId.toStdString()},
                                 {"call_id", interrupt.callId.toStdString()},
                                 {"tool", interrupt.toolName.toStdString()},
                                 {"interrupt", type.toStdString()},
                                 {"text", interrupt.text.toStdString()}};
            event.update(visibleFields(interrupt.interrupt));
            if (!approvalId.isEmpty())
                event["approval_id"] = approvalId.toStdString();
            printJson(event);
        } else {
            err() << tr("Waiting (%1): %2").arg(inLine(interrupt.callId, 200), inLine(interrupt.text))
                  << "\n";
            if (!approvalId.isEmpty())
                err() << tr("  Decide it here with: countersign-cli approve %1  (or deny)")
                             .arg(inLine(approvalId, 200))
                      << "\n";
            if (const QString link = jsonString(interrupt.interrupt, "connect_uri"); !link.isEmpty())
                err() << tr("  Connect it at: %1").arg(inLine(link)) << "\n";
        }
        if (!m_wait && m_sent) {
            if (m_json)
                printJson({{"type", "final"},
                           {"status", "interrupted"},
                           {"text", ""},
                           {"pending", nlohmann::json::array({interrupt.callId.toStdString()})}});
            finish(0);
        }
    };
    // The inbox request behind a CIBA interrupt, so that `approve ID` can decide it from here.
    if (type == u"async_authorization" && m_channel && m_channel->client()) {
        m_channel->client()->list([print, binding](Result<approvals::ApprovalList> list) {
            QString id;
            if (list)
                for (const auto &approval : list->approvals)
                    if (approval.isPending() && approval.bindingMessage == binding)
                        id = approval.id;
            print(id);
        });
        return;
    }
    print({});
}

void AgentCommands::finish(int code)
{
    if (!m_done)
        return;
    auto done = std::exchange(m_done, nullptr);
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    out().flush();
    done(code);
}

} // namespace countersign::cli
