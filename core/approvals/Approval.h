#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace countersign::approvals {

// One CIBA request waiting for (or past) the signed-in person's decision, as the approval channel
// describes it (docs/approval-channel.md). Every string here came from a server and ultimately
// from an agent: show it as plain text only.
struct Approval
{
    enum class Status
    {
        Pending,
        Approved,
        Denied,
        Expired
    };

    QString id;
    QString clientId;
    QString clientName;
    QString bindingMessage;
    QStringList scopes;
    nlohmann::json authorizationDetails = nlohmann::json::array(); // RFC 9396, always an array
    QDateTime createdAt;
    QDateTime expiresAt;
    Status status = Status::Pending;
    QDateTime decidedAt; // invalid unless decided
    QString reason;      // the approver's reason, if one was given

    bool isPending() const { return status == Status::Pending; }
    // Seconds from now until expiresAt; 0 once past.
    qint64 secondsLeft() const;
    // Whether `other` (the same request) may replace this one: a request only moves forward, from
    // pending to a final status, so a stale copy never undoes a decision.
    bool isSupersededBy(const Approval &other) const { return isPending() || !other.isPending(); }

    // Validates one approval object. Errors: "approval_invalid", naming the field.
    static Result<Approval> fromJson(const nlohmann::json &json);
    // The approval object with the channel's field names, in a stable order (for `inbox --json`).
    nlohmann::ordered_json toJson() const;
};

QString statusName(Approval::Status status);
// The status named `name` (as statusName() writes it), if any.
std::optional<Approval::Status> parseStatus(const QString &name);

// What GET /approvals returns: the list plus the event id it is current up to.
struct ApprovalList
{
    QList<Approval> approvals;
    QString lastEventId;
    int unreadable = 0; // malformed entries left out (the rest still count)

    static Result<ApprovalList> fromJson(const nlohmann::json &json);
};

} // namespace countersign::approvals
