#include "DeviceRequest.h"

#include "common/JsonFields.h"

#include <QCoreApplication>

namespace countersign::approvals {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DeviceRequest)
};

Error invalid(const QString &field)
{
    return {QStringLiteral("device_request_invalid"),
            Tr::tr("The server described the device code with a missing or malformed \"%1\".").arg(field)};
}

} // namespace

qint64 DeviceRequest::secondsLeft() const
{
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(expiresAt));
}

Result<DeviceRequest> DeviceRequest::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return Error{
            QStringLiteral("device_request_invalid"),
            Tr::tr("The server described the device code with something that is not a JSON object.")};
    const JsonFields fields(json, invalid);
    DeviceRequest request;
    struct StringField
    {
        const char *name;
        bool required;
        QString DeviceRequest::*member;
    };
    static constexpr StringField strings[] = {
        {"user_code", true, &DeviceRequest::userCode},
        {"client_id", true, &DeviceRequest::clientId},
        {"client_name", false, &DeviceRequest::clientName},
        {"resource", false, &DeviceRequest::resource},
    };
    for (const StringField &field : strings) {
        auto value = fields.string(field.name, field.required);
        if (!value)
            return value.error();
        request.*(field.member) = value.value();
    }
    auto scope = fields.string("scope", false);
    if (!scope)
        return scope.error();
    request.scopes = scope->split(u' ', Qt::SkipEmptyParts);
    auto details = fields.array("authorization_details");
    if (!details)
        return details.error();
    request.authorizationDetails = std::move(details).value();

    auto created = fields.time("created_at", false);
    auto expires = fields.time("expires_at", true);
    for (const auto *time : {&created, &expires})
        if (!*time)
            return time->error();
    request.createdAt = created.value();
    request.expiresAt = expires.value();

    auto statusText = fields.string("status", true);
    if (!statusText)
        return statusText.error();
    const auto status = parseStatus(statusText.value());
    if (!status)
        return invalid(QStringLiteral("status"));
    request.status = *status;
    return request;
}

nlohmann::ordered_json DeviceRequest::toJson() const
{
    return nlohmann::ordered_json{
        {"user_code", userCode.toStdString()},
        {"client_id", clientId.toStdString()},
        {"client_name", clientName.toStdString()},
        {"scope", scopes.join(u' ').toStdString()},
        {"resource",
         resource.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(resource.toStdString())},
        {"authorization_details", nlohmann::ordered_json(authorizationDetails)},
        {"created_at",
         createdAt.isValid() ? nlohmann::ordered_json(isoTime(createdAt)) : nlohmann::ordered_json()},
        {"expires_at", isoTime(expiresAt)},
        {"status", statusName(status).toStdString()},
    };
}

} // namespace countersign::approvals
