// The OpenFGA client against the sandbox's OpenFGA stand-in (the real API's shapes): single and
// batch checks answer what the seeded tuples say (owner implies viewer), batches larger than
// OpenFGA's limit of 50 are split, and a wrong key or store is an error with OpenFGA's code.
#include "Sandbox.h"
#include "Wait.h"

#include "fga/FgaClient.h"
#include "net/HttpClient.h"
#include "oauth/DiscoveryClient.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace countersign;
using fga::FgaClient;
using fga::TupleKey;
using test::wait;

class FgaSandboxTest : public QObject
{
    Q_OBJECT

    test::Sandbox m_sandbox;
    QNetworkAccessManager m_network;
    net::HttpClient m_http{&m_network};
    fga::FgaConfig m_config;

    static TupleKey viewer(const QString &user, const QString &document)
    {
        return {QStringLiteral("user:") + user, QStringLiteral("viewer"), QStringLiteral("doc:") + document};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.error()));
        oauth::DiscoveryClient discovery(&m_http);
        auto metadata =
            wait<oauth::ProviderMetadata>([&](auto done) { discovery.discover(m_sandbox.issuer(), done); });
        QVERIFY(metadata);
        QVERIFY(metadata->fgaApiUrl.isValid() && !metadata->fgaStoreId.isEmpty());
        // The stand-in's pre-shared key: DEMO ONLY (sandbox/lib/apis/fga-api.mjs).
        m_config = {metadata->fgaApiUrl, metadata->fgaStoreId, {}, "demo-fga-key"};
    }

    void checksAnswerWhatTheTuplesSay()
    {
        FgaClient client(&m_http, m_config);
        auto owner = wait<bool>([&](auto done) {
            client.check(viewer(QStringLiteral("alice"), QStringLiteral("budget-2025")), done);
        });
        QVERIFY2(owner, qPrintable(owner ? QString() : owner.error().message));
        QVERIFY(owner.value()); // alice owns it: owner implies viewer
        auto stranger = wait<bool>([&](auto done) {
            client.check(viewer(QStringLiteral("bob"), QStringLiteral("budget-2025")), done);
        });
        QVERIFY(stranger);
        QVERIFY(!stranger.value());
    }

    void aBatchAnswersEachInOrderAcrossTheLimit()
    {
        FgaClient client(&m_http, m_config);
        const QStringList documents{QStringLiteral("q3-plan"),          QStringLiteral("budget-2025"),
                                    QStringLiteral("marketing-budget"), QStringLiteral("roadmap-2025"),
                                    QStringLiteral("hiring-plan"),      QStringLiteral("offsite-notes")};
        const QList<bool> alice{true, true, false, true, false, true};
        QList<TupleKey> tuples;
        QList<bool> expected;
        for (int round = 0; round < 12; ++round) // 72 checks: two batches
            for (int i = 0; i < documents.size(); ++i) {
                tuples << viewer(QStringLiteral("alice"), documents[i]);
                expected << alice[i];
            }
        tuples << viewer(QStringLiteral("alice"), QStringLiteral("no-such-doc"));
        expected << false;
        auto answers = wait<QList<bool>>([&](auto done) { client.batchCheck(tuples, done); });
        QVERIFY2(answers, qPrintable(answers ? QString() : answers.error().message));
        QCOMPARE(answers.value(), expected);
    }

    void aWrongKeyOrStoreIsAnError()
    {
        fga::FgaConfig wrongKey = m_config;
        wrongKey.apiToken = "not-the-key";
        FgaClient client(&m_http, wrongKey);
        auto refused = wait<bool>([&](auto done) {
            client.check(viewer(QStringLiteral("alice"), QStringLiteral("q3-plan")), done);
        });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("unauthenticated"));

        fga::FgaConfig wrongStore = m_config;
        wrongStore.storeId = QStringLiteral("01JNQSTRE00000000000000000");
        FgaClient other(&m_http, wrongStore);
        auto missing = wait<QList<bool>>([&](auto done) {
            other.batchCheck({viewer(QStringLiteral("alice"), QStringLiteral("q3-plan"))}, done);
        });
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("store_id_not_found"));
    }
};

QTEST_GUILESS_MAIN(FgaSandboxTest)
#include "tst_fga_sandbox.moc"
