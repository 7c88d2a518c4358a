#include "jose/Base64Url.h"

#include <QTest>

using namespace countersign::jose;

class Base64UrlTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // RFC 4648 §10 test vectors, without padding, plus the two characters base64url changes.
    void roundTripsKnownVectors_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
        // RFC 7515 §3.3: the example JOSE header, CRLF and all.
        QTest::newRow("rfc7515 header") << QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}")
                                        << QByteArray("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
    }

    void roundTripsKnownVectors()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, encoded);
        QCOMPARE(base64UrlEncode(raw), encoded);
        const auto decoded = base64UrlDecode(encoded);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, raw);
    }

    void roundTripsEveryByteValue()
    {
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(static_cast<char>(i));
        for (int length = 0; length <= all.size(); length += 37) {
            const auto decoded = base64UrlDecode(base64UrlEncode(all.left(length)));
            QVERIFY(decoded.has_value());
            QCOMPARE(*decoded, all.left(length));
        }
    }

    void rejectsNonCanonicalInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("padding") << QByteArray("Zg==");
        QTest::newRow("single padding") << QByteArray("Zm8=");
        QTest::newRow("padding in the middle") << QByteArray("Zg==Zm8");
        QTest::newRow("inner space") << QByteArray("Zm9v Yg");
        QTest::newRow("trailing newline") << QByteArray("Zm9vYg\n");
        QTest::newRow("leading tab") << QByteArray("\tZm9v");
        QTest::newRow("plus") << QByteArray("-_+_");
        QTest::newRow("slash") << QByteArray("-_-/");
        QTest::newRow("other character") << QByteArray("Zm9v*");
        QTest::newRow("nul byte") << QByteArray("Zm\0v", 4);
        QTest::newRow("non-ascii") << QByteArray("Zm9v\xc3\xa9");
        QTest::newRow("impossible length") << QByteArray("Zm9vY");
        QTest::newRow("non-zero trailing bits, 1 byte") << QByteArray("Zh");
        QTest::newRow("non-zero trailing bits, 2 bytes") << QByteArray("Zm9");
    }

    void rejectsNonCanonicalInput()
    {
        QFETCH(QByteArray, text);
        QCOMPARE(base64UrlDecode(text), std::optional<QByteArray>());
    }
};

QTEST_GUILESS_MAIN(Base64UrlTest)
#include "tst_jose_base64url.moc"
