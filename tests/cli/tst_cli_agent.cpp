// countersign-cli agent as a user (or a script) runs it: the real binary signed in as alice at a
// real sandbox, the demo agent's trade waiting for her approval, decided with `approve ID` from
// a second process, --no-wait handing over the pending request's id and a later run picking up
// the decision, and the JSON event lines scripts read. Nothing it saves holds a token.
#include "AgentMessages.h"
#include "FakeChatServer.h"
#include "Sandbox.h"
#include "TestEnvironment.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace countersign;

using Run = test::ProcessRun;

namespace {

QStringList typesOf(const QList<nlohmann::json> &events)
{
    QStringList types;
    for (const auto &event : events)
        types << QString::fromStdString(event.is_object() ? event.value("type", "?") : "not an object");
    return types;
}

const nlohmann::json *firstOf(const QList<nlohmann::json> &events, const char *type)
{
    for (const auto &event : events)
        if (event.value("type", "") == type)
            return &event;
    return nullptr;
}

} // namespace

class CliAgentTest : public QObject
{
    Q_OBJECT

    test::Sandbox m_sandbox{{QStringLiteral("--ciba-interval"), QStringLiteral("1")}};

    QProcessEnvironment environment() const { return test::cliEnvironment(m_sandbox.issuer()); }
    Run cli(const QStringList &arguments)
    {
        return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments, environment());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::chromiumAvailable())
            QSKIP("Chromium is not installed (scripts/test installs it)");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        const Run login = cli({QStringLiteral("login")});
        QVERIFY2(login.exitCode == 0, login.err.constData());
    }

    void a_aTradeWaitsForApprovalGivenFromAnotherProcess()
    {
        QProcess agent;
        agent.setProcessEnvironment(environment());
        agent.start(
            QStringLiteral(COUNTERSIGN_CLI_BINARY),
            {QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("Buy 2 shares of GLOBEX")});
        QByteArray out;
        const nlohmann::json interrupt = test::waitForInterrupt(agent, out);
        QVERIFY2(!interrupt.is_null(), (out + agent.readAllStandardError()).constData());
        QCOMPARE(interrupt.value("interrupt", ""), std::string("async_authorization"));
        QCOMPARE(interrupt.value("tool", ""), std::string("buy_stock"));
        QVERIFY(interrupt.value("binding_message", "").starts_with("Buy 2 GLOBEX #"));
        QVERIFY(!interrupt.contains("auth_req_id")); // a handle of the agent's, not for scripts
        const QString approvalId = QString::fromStdString(interrupt.value("approval_id", ""));
        QVERIFY2(!approvalId.isEmpty(), interrupt.dump().c_str());

        const Run approve = cli({QStringLiteral("approve"), approvalId});
        QVERIFY2(approve.exitCode == 0, approve.err.constData());
        QVERIFY(agent.waitForFinished(30000));
        out += agent.readAllStandardOutput();
        QCOMPARE(agent.exitCode(), 0);

        const auto events = test::jsonLines(out);
        const QStringList types = typesOf(events);
        QCOMPARE(types.mid(0, 2), (QStringList{QStringLiteral("tool_call"), QStringLiteral("interrupt")}));
        QCOMPARE(types.mid(2, 1), QStringList{QStringLiteral("tool_result")});
        QVERIFY(types.count(QStringLiteral("text")) > 1); // streamed in pieces
        QCOMPARE(types.last(), QStringLiteral("final"));
        const nlohmann::json *call = firstOf(events, "tool_call");
        QCOMPARE(call->value("arguments", nlohmann::json()).dump(),
                 std::string("{\"qty\":2,\"ticker\":\"GLOBEX\"}"));
        const nlohmann::json *result = firstOf(events, "tool_result");
        QCOMPARE(result->value("is_error", true), false);
        QCOMPARE(result->value("result", nlohmann::json()).value("ticker", ""), std::string("GLOBEX"));
        QString text;
        for (const auto &event : events)
            if (event.value("type", "") == "text")
                text += QString::fromStdString(event.value("delta", ""));
        QVERIFY2(text.contains(QStringLiteral("bought 2 GLOBEX")), qPrintable(text));
        QCOMPARE(QString::fromStdString(events.last().value("text", "")), text);
        QCOMPARE(events.last().value("status", ""), std::string("done"));
    }

    void b_noWaitNamesThePendingRequestAndALaterRunPicksUpTheDecision()
    {
        const Run first = cli({QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("--no-wait"),
                               QStringLiteral("Sell 1 share of ACME")});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const auto events = test::jsonLines(first.out);
        QCOMPARE(typesOf(events), (QStringList{QStringLiteral("tool_call"), QStringLiteral("interrupt"),
                                               QStringLiteral("final")}));
        const std::string callId = events[1].value("id", "");
        QCOMPARE(events[2].value("status", ""), std::string("interrupted"));
        QCOMPARE(events[2].value("pending", nlohmann::json()).dump(), nlohmann::json::array({callId}).dump());

        // While it waits, a new prompt with --no-wait is refused (nothing is lost).
        const Run refused =
            cli({QStringLiteral("agent"), QStringLiteral("--no-wait"), QStringLiteral("Who am I?")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("still waits"), refused.err.constData());

        const Run deny =
            cli({QStringLiteral("deny"), QString::fromStdString(events[1].value("approval_id", ""))});
        QVERIFY2(deny.exitCode == 0, deny.err.constData());

        // The next run reports the denied call, the agent's answer to it, then the new prompt.
        const Run next =
            cli({QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("Who am I?")});
        QVERIFY2(next.exitCode == 0, next.err.constData());
        const auto later = test::jsonLines(next.out);
        const nlohmann::json *denied = firstOf(later, "tool_result");
        QVERIFY2(denied, next.out.constData());
        QCOMPARE(denied->value("call_id", ""), callId);
        QCOMPARE(denied->value("is_error", false), true);
        QVERIFY2(QString::fromStdString(later.last().value("text", "")).contains(QStringLiteral("Alice")),
                 next.out.constData());
        QVERIFY2(next.out.contains("denied"), next.out.constData());
    }

    void c_plainOutputIsTheAnswerWithProgressOnStderr()
    {
        const Run run = cli({QStringLiteral("agent"), QStringLiteral("Search documents about budget")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("Rule-based demo agent"), run.err.constData());
        QVERIFY2(run.err.contains("-> search_documents {\"query\":\"budget\"}"), run.err.constData());
        QVERIFY2(run.out.contains("Documents you may read about \"budget\""), run.out.constData());
        QVERIFY2(!run.out.contains("Hiring") && !run.out.contains("Marketing"), run.out.constData());
    }

    void d_usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("agent")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("agent"), QStringLiteral("  ")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("whoami"), QStringLiteral("--no-wait")}).exitCode, 2);
        const Run openai = [&] {
            QProcessEnvironment env = environment();
            env.insert(QStringLiteral("COUNTERSIGN_AGENT_BACKEND"), QStringLiteral("openai"));
            env.insert(QStringLiteral("OPENAI_BASE_URL"), QStringLiteral("http://model.example.com/v1"));
            return test::runProcess(QStringLiteral(COUNTERSIGN_CLI_BINARY),
                                    {QStringLiteral("agent"), QStringLiteral("Hi")}, env);
        }();
        QCOMPARE(openai.exitCode, 1);
        QVERIFY2(openai.err.contains("https"), openai.err.constData());
    }

    // Everything the CLI keeps on disk (settings, conversations): no token of any kind.
    void e_nothingSavedHoldsAToken()
    {
        QByteArray saved;
        int files = 0;
        for (const QString &root :
             {qEnvironmentVariable("XDG_DATA_HOME"), qEnvironmentVariable("XDG_CONFIG_HOME")}) {
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (file.open(QIODevice::ReadOnly)) {
                    saved += file.readAll();
                    ++files;
                }
            }
        }
        QVERIFY2(saved.contains("Documents you may read"), "the conversation file was not found");
        QVERIFY(!saved.contains("eyJ"));
        QVERIFY(files > 0);
    }

    // A saved conversation that cannot be read (here: a version that is not a number) is set
    // aside next to where it was, the person is told so, and the agent answers in a new one.
    void f_anUnreadableConversationIsSetAsideAndSaid()
    {
        QString file;
        QDirIterator it(qEnvironmentVariable("XDG_DATA_HOME"), {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            if (const QString path = it.next(); path.contains(u"/cli-agent/"))
                file = path;
        QVERIFY2(!file.isEmpty(), "the conversation file was not found");
        const QByteArray unreadable = "{\"version\":\"1\",\"messages\":[]}";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(unreadable);
        out.close();

        const Run run = cli({QStringLiteral("agent"), QStringLiteral("Search documents about budget")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Documents you may read about \"budget\""), run.out.constData());
        const QFileInfo info(file);
        const QStringList aside = info.dir().entryList(
            {info.completeBaseName() + QStringLiteral(".unreadable-*.json")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QVERIFY2(run.err.contains("set aside") && run.err.contains(aside.first().toUtf8()),
                 run.err.constData());
        QFile kept(info.dir().filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), unreadable);
    }

    // An OpenAI-compatible model (the local stand-in) that answers with terminal escapes, a C1
    // control and a bidi override, and puts some into a tool call's arguments: stdout and stderr
    // show them as visible markers (the answer keeps its line breaks); in --json they are \u
    // escapes, so scripts read the model's exact text.
    void g_aModelsEscapeSequencesNeverReachTheTerminal()
    {
        test::FakeChatServer model;
        QVERIFY(model.start());
        const QString answer = QString::fromUtf8("\x1b]0;pwned\x07\x1b[2JDone.\xc2\x9b"
                                                 "31m \xe2\x80\xae"
                                                 "evil\nsecond line");
        const auto script = [&] {
            model.enqueue(test::FakeChatServer::streamedToolCalls(
                {{QStringLiteral("call_h1"), QStringLiteral("search_documents"),
                  "{\"query\":\"\\u001b[2J\\u202ebudget\"}"}}));
            model.enqueue(test::FakeChatServer::streamedText({answer.left(9), answer.mid(9)}));
        };
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("COUNTERSIGN_AGENT_BACKEND"), QStringLiteral("openai"));
        env.insert(QStringLiteral("OPENAI_BASE_URL"), model.baseUrl().toString());
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test-key"));
        env.insert(QStringLiteral("OPENAI_MODEL"), QStringLiteral("test-model"));
        // The model answers from this process: wait with the event loop going.
        const auto run = [&](const QStringList &arguments) {
            QProcess agent;
            agent.setProcessEnvironment(env);
            agent.start(QStringLiteral(COUNTERSIGN_CLI_BINARY), arguments);
            if (!QTest::qWaitFor([&] { return agent.state() == QProcess::NotRunning; }, 60000))
                agent.kill();
            agent.waitForFinished();
            return Run{agent.exitCode(), agent.readAllStandardOutput(), agent.readAllStandardError()};
        };

        script();
        const Run plain = run({QStringLiteral("agent"), QStringLiteral("Find the budget")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        QVERIFY2(test::terminalControlsIn(plain.out).isEmpty(),
                 qPrintable(test::terminalControlsIn(plain.out)));
        QVERIFY2(test::terminalControlsIn(plain.err).isEmpty(),
                 qPrintable(test::terminalControlsIn(plain.err)));
        QVERIFY2(QString::fromUtf8(plain.out).contains(QStringLiteral(
                     "⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2JDone.⟨U+009B⟩31m ⟨U+202E⟩evil\nsecond line")),
                 plain.out.constData());
        QVERIFY2(plain.err.contains("-> search_documents {\"query\":\"\\u001b[2J\\u202ebudget\"}"),
                 plain.err.constData());

        script();
        const Run json =
            run({QStringLiteral("agent"), QStringLiteral("--json"), QStringLiteral("Find the budget")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        QVERIFY2(test::terminalControlsIn(json.out).isEmpty(),
                 qPrintable(test::terminalControlsIn(json.out)));
        const auto events = test::jsonLines(json.out);
        QCOMPARE(QString::fromStdString(events.last().value("text", "")), answer);
        const nlohmann::json *call = firstOf(events, "tool_call");
        QVERIFY(call);
        QCOMPARE(call->value("arguments", nlohmann::json()).value("query", ""),
                 std::string("\x1b[2J\xe2\x80\xae"
                             "budget"));
    }
};

QTEST_MAIN(CliAgentTest)
#include "tst_cli_agent.moc"
