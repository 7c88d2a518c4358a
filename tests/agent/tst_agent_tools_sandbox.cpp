// The agent as the app builds it (AgentService over alice's signed-in session), end to end
// against the sandbox: a payment approved through CIBA, a data record read with a device-flow
// token alice approves by its code, her calendar through a federated token (and bob's
// "connect your account" until he links it), documents filtered by FGA, and a document read
// refused by an FGA check. Nothing the conversation saves holds a token.
#include "AgentMessages.h"
#include "FakeChatServer.h"
#include "SandboxWithAlice.h"
#include "SignedInSession.h"
#include "TestEnvironment.h"
#include "Wait.h"

#include "agent/AgentService.h"
#include "agent/OpenAiBackend.h"
#include "approvals/ApprovalChannel.h"
#include "approvals/DeviceApprover.h"
#include "net/HttpClient.h"

#include <QDir>
#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace countersign;
using namespace countersign::agent;
using test::wait;

class AgentToolsSandboxTest : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxWithAlice> m_world;
    QTemporaryDir m_storage;
    std::unique_ptr<AgentService> m_service;

    AgentSession &agent() { return *m_service->session(); }

    // Sends `text` and waits until the agent is done or a call waits on an interrupt.
    void say(AgentSession &session, const QString &text)
    {
        const auto before = session.conversation().messages.size();
        session.send(text);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto &messages = session.conversation().messages;
                return messages.size() > before &&
                       (!session.busy() || messages.last().kind == Message::Kind::Interrupt);
            },
            20000));
    }

    // Every file under the storage directory, for the token scan.
    QByteArray everythingSaved()
    {
        QByteArray all;
        QDirIterator it(m_storage.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(test::chromiumAvailable());
        m_world = std::make_unique<test::SandboxWithAlice>(
            &m_network, QStringList{QStringLiteral("--ciba-interval"), QStringLiteral("1"),
                                    QStringLiteral("--device-interval"), QStringLiteral("1")});
        const QString error = m_world->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_service = std::make_unique<AgentService>(&m_world->alice(), &m_world->channel(), &m_network);
        m_service->setStorageDirectory(m_storage.path());
        m_service->followSession();
        QTRY_VERIFY_WITH_TIMEOUT(m_service->session() != nullptr, 10000);
    }

    void theAgentKnowsWhoItWorksForAndWhatItMayDo()
    {
        say(agent(), QStringLiteral("What can I do?"));
        const QString answer = test::lastAnswer(agent());
        QVERIFY2(answer.contains(QStringLiteral("Alice")), qPrintable(answer));
        for (const char *can : {"buy and sell stock", "make payments", "read your data records", "calendar",
                                "search and read the shared documents"})
            QVERIFY2(answer.contains(QLatin1String(can)), qPrintable(answer));
        QVERIFY(m_service->storageFile().startsWith(m_storage.path()));
    }

    void aPaymentIsMadeOnceAliceApprovesIt()
    {
        say(agent(), QStringLiteral("Pay 25 EUR to Erika"));
        const Message *interrupt = test::lastOf(agent(), Message::Kind::Interrupt);
        QVERIFY(interrupt);
        QCOMPARE(interrupt->interrupt.value("type", ""), std::string("async_authorization"));
        const QString binding = QString::fromStdString(interrupt->interrupt.value("binding_message", ""));
        QVERIFY2(binding.startsWith(QStringLiteral("Pay 25 EUR to Erika #")), qPrintable(binding));

        QString id;
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto list = wait<approvals::ApprovalList>(
                    [&](auto done) { m_world->channel().client()->list(done); });
                if (list)
                    for (const auto &approval : list->approvals)
                        if (approval.bindingMessage == binding && approval.isPending())
                            id = approval.id;
                return !id.isEmpty();
            },
            10000));
        auto decided = wait<approvals::Approval>([&](auto done) {
            m_world->channel().client()->decide(id, approvals::Decision::Approve, {}, done);
        });
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        const QString answer = test::lastAnswer(agent());
        QVERIFY2(answer.contains(QStringLiteral("paid 25.00 EUR to Erika")), qPrintable(answer));
        const Message *result = test::lastOf(agent(), Message::Kind::ToolResult);
        QVERIFY(result && !result->isError);
        QCOMPARE(result->result.value("status", ""), std::string("executed"));
        QCOMPARE(result->result.value("account", ""), std::string("alice"));
    }

    void aDataRecordIsReadWithTheCodeAliceApproves()
    {
        say(agent(), QStringLiteral("Fetch data record r-1001"));
        const Message *interrupt = test::lastOf(agent(), Message::Kind::Interrupt);
        QVERIFY(interrupt);
        QCOMPARE(interrupt->interrupt.value("type", ""), std::string("device_authorization"));
        const QString code = QString::fromStdString(interrupt->interrupt.value("user_code", ""));
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z]{4}-[A-Z]{4}$")).match(code).hasMatch(),
                 qPrintable(code));
        QVERIFY(interrupt->text.contains(code));
        QVERIFY(!interrupt->text.contains(
            QString::fromStdString(interrupt->interrupt.value("device_code", "?"))));

        // alice enters the code on her "Enter code" page: the device approver API.
        approvals::DeviceApprover *approver = m_world->channel().deviceApprover();
        QVERIFY(approver);
        auto found = wait<approvals::DeviceRequest>([&](auto done) { approver->lookup(code, done); });
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
        QCOMPARE(found->clientId, QStringLiteral("demo-device"));
        auto decided = wait<approvals::DeviceRequest>(
            [&](auto done) { approver->decide(code, approvals::Decision::Approve, done); });
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));

        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        QVERIFY2(test::lastAnswer(agent()).contains(QStringLiteral("Quarterly sales figures")),
                 qPrintable(test::lastAnswer(agent())));

        // Approved once: the next record needs no new code; someone else's record is not there.
        const auto interrupts = [&] {
            return std::count_if(agent().conversation().messages.cbegin(),
                                 agent().conversation().messages.cend(),
                                 [](const Message &m) { return m.kind == Message::Kind::Interrupt; });
        };
        const auto before = interrupts();
        say(agent(), QStringLiteral("Fetch data record r-1002"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        QCOMPARE(interrupts(), before);
        QVERIFY2(test::lastAnswer(agent()).contains(QStringLiteral("Customer survey results")),
                 qPrintable(test::lastAnswer(agent())));
        say(agent(), QStringLiteral("Fetch data record r-2001"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        QVERIFY2(test::lastAnswer(agent()).contains(QStringLiteral("could not")),
                 qPrintable(test::lastAnswer(agent())));
        QVERIFY(test::lastOf(agent(), Message::Kind::ToolResult)->isError);
    }

    void alicesCalendarComesThroughHerConnectedAccount()
    {
        say(agent(), QStringLiteral("Check my calendar on 2026-12-01"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        const Message *result = test::lastOf(agent(), Message::Kind::ToolResult);
        QVERIFY(result);
        QVERIFY2(!result->isError, result->result.dump().c_str());
        QCOMPARE(result->result.value("date", ""), std::string("2026-12-01"));
        QVERIFY(result->result.contains("busy"));
        QVERIFY2(test::lastAnswer(agent()).contains(QStringLiteral("2026-12-01")),
                 qPrintable(test::lastAnswer(agent())));
    }

    void documentSearchReturnsOnlyWhatAliceMayRead()
    {
        say(agent(), QStringLiteral("Search documents about budget"));
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        const Message *result = test::lastOf(agent(), Message::Kind::ToolResult);
        QVERIFY(result);
        QVERIFY2(!result->isError, result->result.dump().c_str());
        QStringList ids;
        for (const auto &document : result->result.value("documents", nlohmann::json::array()))
            ids << QString::fromStdString(document.value("id", ""));
        ids.sort();
        // The API found four; alice may view two of them (she owns both).
        QCOMPARE(ids, (QStringList{QStringLiteral("budget-2025"), QStringLiteral("q3-plan")}));
    }

    void readingADocumentIsCheckedFirst()
    {
        say(agent(), QStringLiteral("Read document roadmap-2025")); // bob's, shared with alice
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        const Message *read = test::lastOf(agent(), Message::Kind::ToolResult);
        QVERIFY2(read && !read->isError, read ? read->result.dump().c_str() : "no result");
        QCOMPARE(read->result.value("id", ""), std::string("roadmap-2025"));

        say(agent(), QStringLiteral("Read document hiring-plan")); // bob's alone
        QTRY_VERIFY_WITH_TIMEOUT(!agent().busy(), 20000);
        const Message *refused = test::lastOf(agent(), Message::Kind::ToolResult);
        QVERIFY(refused && refused->isError);
        QVERIFY2(test::lastAnswer(agent()).contains(QStringLiteral("not a viewer of doc:hiring-plan")),
                 qPrintable(test::lastAnswer(agent())));
    }

    // Quit while a call waits on a device code, approve the code, start again: the call picks up
    // the approval and completes, once.
    void aDeviceCodeApprovedWhileTheAppWasClosedCompletesOnce()
    {
        QTemporaryDir storage;
        QString code;
        {
            AgentService before(&m_world->alice(), &m_world->channel(), &m_network);
            before.setStorageDirectory(storage.path());
            before.followSession();
            QTRY_VERIFY_WITH_TIMEOUT(before.session() != nullptr, 10000);
            say(*before.session(), QStringLiteral("Fetch data record r-1002"));
            const Message *interrupt = test::lastOf(*before.session(), Message::Kind::Interrupt);
            QVERIFY(interrupt);
            code = QString::fromStdString(interrupt->interrupt.value("user_code", ""));
        } // the app quits
        auto decided = wait<approvals::DeviceRequest>([&](auto done) {
            m_world->channel().deviceApprover()->decide(code, approvals::Decision::Approve, done);
        });
        QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));

        AgentService after(&m_world->alice(), &m_world->channel(), &m_network);
        after.setStorageDirectory(storage.path());
        after.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(after.session() != nullptr, 10000);
        AgentSession &agent = *after.session();
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        QVERIFY2(test::lastAnswer(agent).contains(QStringLiteral("Customer survey results")),
                 qPrintable(test::lastAnswer(agent)));
        const auto results =
            std::count_if(agent.conversation().messages.cbegin(), agent.conversation().messages.cend(),
                          [](const Message &m) { return m.kind == Message::Kind::ToolResult; });
        QCOMPARE(results, 1);
    }

    // Token hygiene with a language model: an OpenAI-compatible backend (the local stand-in that
    // records every request) drives the real tools, which use three real tokens (the documents
    // API's, a federated calendar token, the same after an FGA check). Everything the model was
    // sent holds their results and no token of any kind.
    void theModelNeverSeesTheTokensItsToolsUse()
    {
        test::FakeChatServer model;
        QVERIFY(model.start());
        model.enqueue(test::FakeChatServer::streamedToolCalls(
            {{QStringLiteral("call_a"), QStringLiteral("search_documents"), "{\"query\":\"budget\"}"},
             {QStringLiteral("call_b"), QStringLiteral("check_calendar"), "{\"date\":\"2026-12-01\"}"},
             {QStringLiteral("call_c"), QStringLiteral("read_document"), "{\"id\":\"q3-plan\"}"}},
            QStringLiteral("Let me look.")));
        model.enqueue(test::FakeChatServer::streamedText(
            {QStringLiteral("Here is"), QStringLiteral(" what I found.")}));

        AgentService service(&m_world->alice(), &m_world->channel(), &m_network);
        service.setBackendFactory([&](QObject *parent) -> Backend * {
            return new OpenAiBackend(&m_network,
                                     {model.baseUrl(), QStringLiteral("test-model"), "sk-test-key"}, parent);
        });
        service.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(service.session() != nullptr, 10000);
        AgentSession &agent = *service.session();
        agent.send(QStringLiteral(
            "Find the budget documents, read the Q3 plan and check my calendar on 2026-12-01."));
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        QCOMPARE(test::lastAnswer(agent), QStringLiteral("Here is what I found."));
        QCOMPARE(model.requests().size(), 2);

        // The model got the tools' results...
        const QByteArray second = model.requests().at(1).body;
        QVERIFY2(second.contains("Q3 plan") || second.contains("q3-plan"), second.constData());
        QVERIFY2(second.contains("2026-12-01T"), second.constData()); // the calendar's slots
        QVERIFY(!second.contains("hiring-plan"));                     // filtered out by FGA
        // ...and never a token: no JWT (every access and ID token here is one), not the session's
        // opaque access token, not the documents API's token.
        const QByteArray received = model.everythingReceived();
        QVERIFY(!received.contains("eyJ"));
        auto session = wait<QByteArray>([&](auto done) { m_world->alice().accessToken(done); });
        auto docs = wait<QByteArray>([&](auto done) {
            m_world->alice().accessTokenFor(QStringLiteral("https://api.sandbox.countersign.dev/docs"), false,
                                            done);
        });
        QVERIFY(session && docs);
        QVERIFY(!received.contains(session.value()));
        QVERIFY(!received.contains(docs.value()));
        QVERIFY(received.contains("Bearer sk-test-key")); // the scan reads the real requests
    }

    // Token hygiene: whatever the agent did above, nothing it saved holds a token of any kind.
    void nothingSavedHoldsAToken()
    {
        const QByteArray saved = everythingSaved();
        QVERIFY(saved.contains("Quarterly sales figures")); // the scan reads the real files
        QVERIFY(!saved.contains("eyJ"));
        auto token = wait<QByteArray>([&](auto done) { m_world->alice().accessToken(done); });
        QVERIFY(token);
        QVERIFY(!saved.contains(token.value()));
    }

    // Last, because signing bob in on this machine ends alice's session (one session at a time).
    // bob has not linked Google: the agent asks him to, he does (on the sandbox's connect page),
    // asks it to try again, and gets his calendar.
    void bobIsAskedToConnectHisAccount()
    {
        test::SignedInSession bob(&m_network);
        const QString error =
            bob.signIn(m_world->issuer(), QStringLiteral("bob"), QStringLiteral("bob-demo"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        AgentService service(&bob.manager(), nullptr, &m_network);
        service.followSession();
        QTRY_VERIFY_WITH_TIMEOUT(service.session() != nullptr, 10000);
        AgentSession &agent = *service.session();

        say(agent, QStringLiteral("Check my calendar today"));
        const Message *interrupt = test::lastOf(agent, Message::Kind::Interrupt);
        QVERIFY(interrupt);
        QCOMPARE(interrupt->interrupt.value("type", ""), std::string("connect_account"));
        QCOMPARE(interrupt->interrupt.value("connection", ""), std::string("google-oauth2"));
        const QUrl connect(QString::fromStdString(interrupt->interrupt.value("connect_uri", "")));
        QCOMPARE(connect, m_world->issuer().resolved(QUrl(QStringLiteral("/connect/google-oauth2"))));
        const QString callId = interrupt->callId;
        QVERIFY(agent.busy());

        // Trying again before linking: still waiting, on a fresh interrupt.
        const auto count = [&] { return agent.conversation().messages.size(); };
        const auto before = count();
        agent.retryCall(callId);
        QTRY_VERIFY_WITH_TIMEOUT(count() == before + 1, 10000);
        QCOMPARE(agent.conversation().messages.last().kind, Message::Kind::Interrupt);
        QVERIFY(agent.busy());

        // bob links his account on the connect page (its form, as a browser would post it).
        QNetworkAccessManager browser;
        QNetworkReply *page = browser.get(QNetworkRequest(connect));
        QVERIFY(QTest::qWaitFor([&] { return page->isFinished(); }, 10000));
        const QString html = QString::fromUtf8(page->readAll());
        page->deleteLater();
        const auto xsrf = QRegularExpression(QStringLiteral("name=\"xsrf\" value=\"([^\"]+)\"")).match(html);
        QVERIFY2(xsrf.hasMatch(), qPrintable(html.left(400)));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("login"), QStringLiteral("bob"));
        form.addQueryItem(QStringLiteral("password"), QStringLiteral("bob-demo"));
        form.addQueryItem(QStringLiteral("action"), QStringLiteral("connect"));
        form.addQueryItem(QStringLiteral("xsrf"), xsrf.captured(1));
        QNetworkRequest post(connect);
        post.setHeader(QNetworkRequest::ContentTypeHeader,
                       QStringLiteral("application/x-www-form-urlencoded"));
        post.setRawHeader("Sec-Fetch-Site", "same-origin");
        QNetworkReply *linked = browser.post(post, form.toString(QUrl::FullyEncoded).toUtf8());
        QVERIFY(QTest::qWaitFor([&] { return linked->isFinished(); }, 10000));
        QCOMPARE(linked->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        linked->deleteLater();

        agent.retryCall(callId);
        QTRY_VERIFY_WITH_TIMEOUT(!agent.busy(), 20000);
        const Message *result = test::lastOf(agent, Message::Kind::ToolResult);
        QVERIFY(result);
        QVERIFY2(!result->isError, result->result.dump().c_str());
        QCOMPARE(result->callId, callId);
        QVERIFY(result->result.contains("busy"));
    }
};

QTEST_MAIN(AgentToolsSandboxTest)
#include "tst_agent_tools_sandbox.moc"
