// Scopes in words for the approval detail view.

#include "rar/ScopeText.h"

#include <QTest>

using namespace countersign;

class RarScopeTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownScopesAreExplained_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("words");
        QTest::newRow("openid") << "openid"
                                << "Confirm who you are";
        QTest::newRow("profile") << "profile"
                                 << "See your name";
        QTest::newRow("email") << "email"
                               << "See your email address";
        QTest::newRow("offline_access") << "offline_access"
                                        << "Stay signed in (refresh tokens)";
        QTest::newRow("stock:trade") << "stock:trade"
                                     << "Trade stocks on your behalf";
        QTest::newRow("payments:initiate") << "payments:initiate"
                                           << "Start payments from your account";
        QTest::newRow("approvals") << "approvals"
                                   << "Approve or deny requests on your behalf";
        QTest::newRow("data:read") << "data:read"
                                   << "Read your data records";
        QTest::newRow("profile:read") << "profile:read"
                                      << "Read your sandbox profile";
    }

    void knownScopesAreExplained()
    {
        QFETCH(QString, scope);
        QFETCH(QString, words);
        QCOMPARE(rar::describeScope(scope), words);
    }

    void unknownScopeIsQuotedAsSent()
    {
        QCOMPARE(rar::describeScope(QStringLiteral("calendar:write")),
                 QStringLiteral("Permission “calendar:write”"));
        QCOMPARE(rar::describeScope(QStringLiteral("OpenID")), QStringLiteral("Permission “OpenID”"));
    }

    void unknownScopeIsSanitizedAndCut()
    {
        QCOMPARE(rar::describeScope(QStringLiteral("read\u202Eetirw")),
                 QStringLiteral("Permission “read⟨U+202E⟩etirw”"));
        QCOMPARE(rar::describeScope(QStringLiteral("a\nb")), QStringLiteral("Permission “a⏎b”"));
        QCOMPARE(rar::describeScope(QString(1000, u's')),
                 QStringLiteral("Permission “") + QString(79, u's') + QStringLiteral("…”"));
    }
};

QTEST_GUILESS_MAIN(RarScopeTextTest)
#include "tst_rar_scope.moc"
