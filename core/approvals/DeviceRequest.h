#pragma once

#include "approvals/Approval.h"
#include "common/Result.h"

#include <QDateTime>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace countersign::approvals {

// A device code as the approver API describes it (docs/approval-channel.md, "Device codes"): which
// client asks for what, and whether it is still waiting. Every string came from a server and
// ultimately from the device: show it as plain text only.
struct DeviceRequest
{
    using Status = Approval::Status; // pending, approved, denied, expired

    QString userCode; // as the provider writes it, e.g. "WDJB-MJHT"
    QString clientId;
    QString clientName;
    QStringList scopes;
    QString resource;                                              // empty when none
    nlohmann::json authorizationDetails = nlohmann::json::array(); // RFC 9396, always an array
    QDateTime createdAt;
    QDateTime expiresAt;
    Status status = Status::Pending;

    bool isPending() const { return status == Status::Pending; }
    // Seconds from now until expiresAt; 0 once past.
    qint64 secondsLeft() const;

    // Validates the object. Errors: "device_request_invalid", naming the field.
    static Result<DeviceRequest> fromJson(const nlohmann::json &json);
    // The object with the API's field names, in its order (for `device CODE --json`).
    nlohmann::ordered_json toJson() const;
};

} // namespace countersign::approvals
