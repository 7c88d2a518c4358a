// Approval objects from the approval channel: what is accepted, what is refused, what is kept.
#include "approvals/Approval.h"

#include <QTest>

using namespace countersign;
using approvals::Approval;
using approvals::ApprovalList;

namespace {

nlohmann::json pendingApproval(const std::string &id = "apr_1")
{
    return {{"id", id},
            {"client_id", "demo-agent"},
            {"client_name", "Demo Agent"},
            {"binding_message", "Buy 3 ACME"},
            {"scope", "openid stock:trade"},
            {"authorization_details", {{{"type", "trade_authorization"}, {"action", "buy"}}}},
            {"created_at", "2026-11-23T10:00:00.000Z"},
            {"expires_at", "2026-11-23T10:05:00.000Z"},
            {"status", "pending"}};
}

} // namespace

class ApprovalJsonTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryField()
    {
        auto json = pendingApproval();
        json["status"] = "denied";
        json["decided_at"] = "2026-11-23T10:01:30.250Z";
        json["reason"] = "Not today";
        const auto approval = Approval::fromJson(json);
        QVERIFY2(approval, qPrintable(approval ? QString() : approval.error().message));
        QCOMPARE(approval->id, QStringLiteral("apr_1"));
        QCOMPARE(approval->clientName, QStringLiteral("Demo Agent"));
        QCOMPARE(approval->scopes, (QStringList{QStringLiteral("openid"), QStringLiteral("stock:trade")}));
        QCOMPARE(approval->status, Approval::Status::Denied);
        QCOMPARE(approval->createdAt, QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC));
        QCOMPARE(approval->decidedAt, QDateTime(QDate(2026, 11, 23), QTime(10, 1, 30, 250), Qt::UTC));
        QCOMPARE(approval->reason, QStringLiteral("Not today"));
        QCOMPARE(approval->authorizationDetails.size(), std::size_t(1));
    }

    void writesTheChannelsFieldNamesInOrder()
    {
        const auto approval = Approval::fromJson(pendingApproval());
        QVERIFY(approval);
        const auto json = approval->toJson();
        QStringList keys;
        for (const auto &[key, value] : json.items())
            keys << QString::fromStdString(key);
        QCOMPARE(keys, (QStringList{"id", "client_id", "client_name", "binding_message", "scope",
                                    "authorization_details", "created_at", "expires_at", "status"}));
        QCOMPARE(json["created_at"].get<std::string>(), std::string("2026-11-23T10:00:00.000Z"));
        QCOMPARE(json["authorization_details"][0]["action"].get<std::string>(), std::string("buy"));
    }

    void refusesMissingOrMalformedFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value"); // JSON text; empty = remove the field
        QTest::newRow("no id") << "id"
                               << "";
        QTest::newRow("empty id") << "id"
                                  << "\"\"";
        QTest::newRow("numeric client") << "client_id"
                                        << "7";
        QTest::newRow("bad time") << "expires_at"
                                  << "\"tomorrow\"";
        QTest::newRow("no created") << "created_at"
                                    << "";
        QTest::newRow("unknown status") << "status"
                                        << "\"maybe\"";
        QTest::newRow("details object") << "authorization_details"
                                        << "{\"type\":\"x\"}";
        QTest::newRow("scope list") << "scope"
                                    << "[\"openid\"]";
    }

    void refusesMissingOrMalformedFields()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto json = pendingApproval();
        if (value.isEmpty())
            json.erase(field.toStdString());
        else
            json[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        const auto approval = Approval::fromJson(json);
        QVERIFY(!approval);
        QCOMPARE(approval.error().code, QStringLiteral("approval_invalid"));
        QVERIFY2(approval.error().message.contains(field), qPrintable(approval.error().message));
    }

    void aListKeepsTheReadableEntries()
    {
        nlohmann::json broken = pendingApproval("apr_2");
        broken.erase("status");
        const nlohmann::json json{
            {"approvals", {pendingApproval("apr_1"), broken, "junk", pendingApproval("apr_3")}},
            {"last_event_id", "17"}};
        const auto list = ApprovalList::fromJson(json);
        QVERIFY(list);
        QCOMPARE(list->approvals.size(), 2);
        QCOMPARE(list->unreadable, 2);
        QCOMPARE(list->lastEventId, QStringLiteral("17"));
    }

    void aListThatIsNotAListIsAnError()
    {
        QVERIFY(!ApprovalList::fromJson(nlohmann::json{{"approvals", "none"}}));
        QVERIFY(!ApprovalList::fromJson(nlohmann::json::array()));
        QVERIFY(!ApprovalList::fromJson(
            nlohmann::json{{"approvals", nlohmann::json::array()}, {"last_event_id", 3}}));
    }

    void aDecisionIsNeverUndoneByAStaleCopy()
    {
        Approval pending;
        Approval approved;
        approved.status = Approval::Status::Approved;
        Approval expired;
        expired.status = Approval::Status::Expired;
        QVERIFY(pending.isSupersededBy(approved));
        QVERIFY(pending.isSupersededBy(pending));
        QVERIFY(!approved.isSupersededBy(pending));
        QVERIFY(approved.isSupersededBy(expired)); // final states may be corrected by the server
    }
};

QTEST_GUILESS_MAIN(ApprovalJsonTest)
#include "tst_approval_json.moc"
