#pragma once

#include "agent/AgentSession.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTest>

#include <nlohmann/json.hpp>

namespace countersign::test {

// The agent's last message, when it is an answer; empty otherwise (a tool call, an interrupt).
inline QString lastAnswer(const agent::AgentSession &session)
{
    const auto &messages = session.conversation().messages;
    return messages.isEmpty() || messages.last().kind != agent::Message::Kind::Assistant
               ? QString()
               : messages.last().text;
}

// The newest message of this kind, or nullptr.
inline const agent::Message *lastOf(const agent::AgentSession &session, agent::Message::Kind kind)
{
    const auto &messages = session.conversation().messages;
    for (auto it = messages.crbegin(); it != messages.crend(); ++it)
        if (it->kind == kind)
            return &*it;
    return nullptr;
}

// `countersign-cli agent --json` output: one JSON value per non-empty line (null where a line
// does not parse, so that a test sees it).
inline QList<nlohmann::json> jsonLines(const QByteArray &out)
{
    QList<nlohmann::json> events;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            events << nlohmann::json::parse(line.toStdString(), nullptr, false);
    return events;
}

// Reads a running `countersign-cli agent --json` into `out` until it prints an interrupt (which
// is returned) or exits, or `timeoutMs` passes (then null).
inline nlohmann::json waitForInterrupt(QProcess &agent, QByteArray &out, int timeoutMs = 30000)
{
    nlohmann::json interrupt;
    (void)QTest::qWaitFor(
        [&] {
            out += agent.readAllStandardOutput();
            for (const auto &event : jsonLines(out))
                if (event.is_object() && event.value("type", "") == "interrupt")
                    interrupt = event;
            return !interrupt.is_null() || agent.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return interrupt;
}

} // namespace countersign::test
