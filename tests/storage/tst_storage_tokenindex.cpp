#include "storage/TokenIndex.h"

#include <QTest>

using namespace countersign::storage;

class TokenIndexTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Pinned: changing the scheme would orphan every entry users already have.
    void entryNamesAreStableAcrossReleases()
    {
        QCOMPARE(accountEntryName({QStringLiteral("https://login.example.com/"),
                                   QStringLiteral("auth0|5f7c8ec7c33c6c004bbafe82")},
                                  QStringLiteral("tokens")),
                 QStringLiteral(
                     "account/547153d86e25d6ad606954d991908a0a1538606b433f132f9b6270ec1fa278c4/tokens"));
        QCOMPARE(accountEntryName({QStringLiteral("https://bücher.example/"), QStringLiteral("ü")},
                                  QStringLiteral("agent-credentials")),
                 QStringLiteral("account/0a12a68ae278e3f4df2191f61ba3d9bdd44b3d0f41bd3f0291fb96e09bfd07c8/"
                                "agent-credentials"));
    }

    void entryNamesRevealNeitherIssuerNorSubject()
    {
        const QString name = accountEntryName(
            {QStringLiteral("https://login.example.com/"), QStringLiteral("alice@example.com")},
            QStringLiteral("tokens"));
        QVERIFY(!name.contains(QStringLiteral("example")));
        QVERIFY(!name.contains(QStringLiteral("alice")));
    }

    void entryNamesDoNotCollideWhenIssuerAndSubjectShiftCharacters()
    {
        QVERIFY(accountEntryName({QStringLiteral("ab"), QStringLiteral("c")}, QStringLiteral("tokens")) !=
                accountEntryName({QStringLiteral("a"), QStringLiteral("bc")}, QStringLiteral("tokens")));
        QVERIFY(accountEntryName({QStringLiteral("1:a"), QStringLiteral("b")}, QStringLiteral("tokens")) !=
                accountEntryName({QStringLiteral("1"), QStringLiteral("a1:b")}, QStringLiteral("tokens")));
    }

    void acceptsOnlyPlainSlotNames()
    {
        QVERIFY(isValidSlot(QStringLiteral("tokens")));
        QVERIFY(isValidSlot(QStringLiteral("agent-credentials")));
        QVERIFY(isValidSlot(QStringLiteral("v2.tokens_backup")));
        QVERIFY(isValidSlot(QString(64, u'a')));
        QVERIFY(!isValidSlot(QString()));
        QVERIFY(!isValidSlot(QString(65, u'a')));
        QVERIFY(!isValidSlot(QStringLiteral("Tokens")));
        QVERIFY(!isValidSlot(QStringLiteral("../index")));
        QVERIFY(!isValidSlot(QStringLiteral("-tokens")));
        QVERIFY(!isValidSlot(QStringLiteral("a/b")));
        QVERIFY(!isValidSlot(QStringLiteral("tokens\n")));
    }

    void roundTripsThroughJson()
    {
        const AccountKey alice{QStringLiteral("https://issuer.example/"), QStringLiteral("alice")};
        const AccountKey bob{QStringLiteral("https://other.example/"), QStringLiteral("bøb \"quoted\"")};
        TokenIndex index;
        QVERIFY(index.add(alice, QStringLiteral("account/a/tokens")));
        QVERIFY(index.add(bob, QStringLiteral("account/b/tokens")));
        QVERIFY(index.add(alice, QStringLiteral("account/a/agent-credentials")));

        const auto parsed = TokenIndex::fromJson(index.toJson());
        QVERIFY(parsed);
        QCOMPARE(parsed->accounts(), (QList<AccountKey>{alice, bob}));
        QCOMPARE(parsed->entriesOf(alice), (QStringList{QStringLiteral("account/a/tokens"),
                                                        QStringLiteral("account/a/agent-credentials")}));
        QCOMPARE(parsed->entriesOf(bob), QStringList{QStringLiteral("account/b/tokens")});
        QCOMPARE(parsed->allEntries().size(), 3);
    }

    void addingAKnownEntryChangesNothing()
    {
        const AccountKey alice{QStringLiteral("i"), QStringLiteral("alice")};
        TokenIndex index;
        QVERIFY(index.add(alice, QStringLiteral("x")));
        QVERIFY(!index.add(alice, QStringLiteral("x")));
        QCOMPARE(index.allEntries(), QStringList{QStringLiteral("x")});
    }

    void removingAnAccountKeepsTheOthers()
    {
        const AccountKey alice{QStringLiteral("i"), QStringLiteral("alice")};
        const AccountKey bob{QStringLiteral("i"), QStringLiteral("bob")};
        TokenIndex index;
        index.add(alice, QStringLiteral("a"));
        index.add(bob, QStringLiteral("b"));
        QVERIFY(index.removeAccount(alice));
        QVERIFY(!index.removeAccount(alice));
        QCOMPARE(index.accounts(), QList<AccountKey>{bob});
        QVERIFY(index.removeAccount(bob));
        QVERIFY(index.isEmpty());
    }

    void rejectsWhatIsNotAnIndex_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("{\"version\":1,");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no version") << QByteArray(R"({"accounts":[]})");
        QTest::newRow("newer version") << QByteArray(R"({"version":2,"accounts":[]})");
        QTest::newRow("accounts not array") << QByteArray(R"({"version":1,"accounts":{}})");
        QTest::newRow("account without subject")
            << QByteArray(R"({"version":1,"accounts":[{"issuer":"i","entries":[]}]})");
        QTest::newRow("entries not strings")
            << QByteArray(R"({"version":1,"accounts":[{"issuer":"i","subject":"s","entries":[1]}]})");
    }

    void rejectsWhatIsNotAnIndex()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!TokenIndex::fromJson(json));
    }
};

QTEST_GUILESS_MAIN(TokenIndexTest)
#include "tst_storage_tokenindex.moc"
