#include "oauth/Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace countersign::oauth;

class PkceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // RFC 7636 Appendix B: the example verifier and its S256 challenge.
    void matchesRfc7636AppendixB()
    {
        QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void generatesVerifierWithinRfcLengthAndAlphabet()
    {
        const Pkce pkce = Pkce::generate();
        QVERIFY(pkce.verifier.size() >= 43 && pkce.verifier.size() <= 128);
        static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]+$"));
        QVERIFY(unreserved.match(QString::fromLatin1(pkce.verifier)).hasMatch());
        QCOMPARE(pkce.challenge, Pkce::challengeFor(pkce.verifier));
        QVERIFY(!pkce.challenge.contains('='));
    }

    void generatesDistinctVerifiers()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(Pkce::generate().verifier);
        QCOMPARE(seen.size(), 1000);
    }

    void randomTokenHasRequestedEntropy()
    {
        QCOMPARE(randomUrlSafeToken(32).size(), 43);
        QCOMPARE(randomUrlSafeToken(16).size(), 22);
        QVERIFY(randomUrlSafeToken(16) != randomUrlSafeToken(16));
    }
};

QTEST_GUILESS_MAIN(PkceTest)
#include "tst_pkce.moc"
