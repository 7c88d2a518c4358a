#include "Approval.h"

#include "approvals/ApprovalErrors.h"
#include "common/JsonFields.h"

#include <QCoreApplication>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Approval)
};

Error invalid(const QString &field)
{
    return {errors::approvalInvalid,
            Tr::tr("The server sent an approval request with a missing or malformed \"%1\".").arg(field)};
}

} // namespace

std::optional<Approval::Status> parseStatus(const QString &name)
{
    for (const auto status : {Approval::Status::Pending, Approval::Status::Approved, Approval::Status::Denied,
                              Approval::Status::Expired})
        if (statusName(status) == name)
            return status;
    return std::nullopt;
}

QString statusName(Approval::Status status)
{
    switch (status) {
    case Approval::Status::Pending:
        return QStringLiteral("pending");
    case Approval::Status::Approved:
        return QStringLiteral("approved");
    case Approval::Status::Denied:
        return QStringLiteral("denied");
    case Approval::Status::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

qint64 Approval::secondsLeft() const
{
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(expiresAt));
}

Result<Approval> Approval::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return Error{errors::approvalInvalid,
                     Tr::tr("The server sent an approval request that is not a JSON object.")};
    const JsonFields fields(json, invalid);
    Approval approval;
    struct StringField
    {
        const char *name;
        bool required;
        QString Approval::*member;
    };
    static constexpr StringField strings[] = {
        {"id", true, &Approval::id},
        {"client_id", true, &Approval::clientId},
        {"client_name", false, &Approval::clientName},
        {"binding_message", false, &Approval::bindingMessage},
        {"reason", false, &Approval::reason},
    };
    for (const StringField &field : strings) {
        auto value = fields.string(field.name, field.required);
        if (!value)
            return value.error();
        approval.*(field.member) = value.value();
    }
    auto scope = fields.string("scope", false);
    if (!scope)
        return scope.error();
    approval.scopes = scope->split(u' ', Qt::SkipEmptyParts);
    auto details = fields.array("authorization_details");
    if (!details)
        return details.error();
    approval.authorizationDetails = std::move(details).value();

    auto created = fields.time("created_at", true);
    auto expires = fields.time("expires_at", true);
    auto decided = fields.time("decided_at", false);
    for (const auto *time : {&created, &expires, &decided})
        if (!*time)
            return time->error();
    approval.createdAt = created.value();
    approval.expiresAt = expires.value();
    approval.decidedAt = decided.value();

    auto statusText = fields.string("status", true);
    if (!statusText)
        return statusText.error();
    const auto status = parseStatus(statusText.value());
    if (!status)
        return invalid(QStringLiteral("status"));
    approval.status = *status;
    return approval;
}

nlohmann::ordered_json Approval::toJson() const
{
    nlohmann::ordered_json json{
        {"id", id.toStdString()},
        {"client_id", clientId.toStdString()},
        {"client_name", clientName.toStdString()},
        {"binding_message", bindingMessage.toStdString()},
        {"scope", scopes.join(u' ').toStdString()},
        {"authorization_details", nlohmann::ordered_json(authorizationDetails)},
        {"created_at", isoTime(createdAt)},
        {"expires_at", isoTime(expiresAt)},
        {"status", statusName(status).toStdString()},
    };
    if (decidedAt.isValid())
        json["decided_at"] = isoTime(decidedAt);
    if (!reason.isEmpty())
        json["reason"] = reason.toStdString();
    return json;
}

Result<ApprovalList> ApprovalList::fromJson(const nlohmann::json &json)
{
    const auto invalidList =
        Error{errors::approvalInvalid, Tr::tr("The server's list of approval requests is malformed.")};
    if (!json.is_object() || !json.contains("approvals") || !json["approvals"].is_array())
        return invalidList;
    ApprovalList list;
    if (json.contains("last_event_id")) {
        if (!json["last_event_id"].is_string())
            return invalidList;
        list.lastEventId = QString::fromStdString(json["last_event_id"].get<std::string>());
    }
    for (const auto &item : json["approvals"]) {
        if (auto approval = Approval::fromJson(item))
            list.approvals.append(std::move(approval).value());
        else
            ++list.unreadable;
    }
    return list;
}

} // namespace countersign::approvals
