#include "Approval.h"

#include <QCoreApplication>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Approval)
};

Error invalid(const QString &field)
{
    return {QStringLiteral("approval_invalid"),
            Tr::tr("The server sent an approval request with a missing or malformed \"%1\".").arg(field)};
}

// A required (or optional) string member; the Result is an error when it is malformed.
Result<QString> stringField(const nlohmann::json &json, const char *name, bool required)
{
    const auto it = json.find(name);
    if (it == json.end() || it->is_null()) {
        if (required)
            return invalid(QString::fromLatin1(name));
        return QString();
    }
    if (!it->is_string() || (required && it->get_ref<const std::string &>().empty()))
        return invalid(QString::fromLatin1(name));
    return QString::fromStdString(it->get<std::string>());
}

Result<QDateTime> timeField(const nlohmann::json &json, const char *name, bool required)
{
    auto text = stringField(json, name, required);
    if (!text)
        return text.error();
    if (text->isEmpty())
        return QDateTime();
    QDateTime time = QDateTime::fromString(text.value(), Qt::ISODateWithMs);
    if (!time.isValid())
        return invalid(QString::fromLatin1(name));
    return time.toUTC();
}

std::optional<Approval::Status> parseStatus(const QString &name)
{
    if (name == u"pending")
        return Approval::Status::Pending;
    if (name == u"approved")
        return Approval::Status::Approved;
    if (name == u"denied")
        return Approval::Status::Denied;
    if (name == u"expired")
        return Approval::Status::Expired;
    return std::nullopt;
}

std::string isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace

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
        return Error{QStringLiteral("approval_invalid"),
                     Tr::tr("The server sent an approval request that is not a JSON object.")};
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
        auto value = stringField(json, field.name, field.required);
        if (!value)
            return value.error();
        approval.*(field.member) = value.value();
    }
    auto scope = stringField(json, "scope", false);
    if (!scope)
        return scope.error();
    approval.scopes = scope->split(u' ', Qt::SkipEmptyParts);

    if (json.contains("authorization_details") && !json["authorization_details"].is_null()) {
        if (!json["authorization_details"].is_array())
            return invalid(QStringLiteral("authorization_details"));
        approval.authorizationDetails = json["authorization_details"];
    }
    auto created = timeField(json, "created_at", true);
    auto expires = timeField(json, "expires_at", true);
    auto decided = timeField(json, "decided_at", false);
    for (const auto *time : {&created, &expires, &decided})
        if (!*time)
            return time->error();
    approval.createdAt = created.value();
    approval.expiresAt = expires.value();
    approval.decidedAt = decided.value();

    auto statusText = stringField(json, "status", true);
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
        {"authorization_details", nlohmann::ordered_json::parse(authorizationDetails.dump(
                                      -1, ' ', false, nlohmann::json::error_handler_t::replace))},
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
    const auto invalidList = Error{QStringLiteral("approval_invalid"),
                                   Tr::tr("The server's list of approval requests is malformed.")};
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
