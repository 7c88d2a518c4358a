#pragma once

#include "approvals/ApprovalsClient.h"
#include "common/Result.h"

#include <QObject>

#include <functional>

namespace countersign::approvals {
class ApprovalChannel;
class DeviceApprover;
} // namespace countersign::approvals

namespace countersign::cli {

// countersign-cli's device code commands, as the signed-in approver:
//   device CODE [--json]               who asks for what (JSON: the approver API's object)
//   device CODE --approve | --deny     decide it
// CODE may be typed any way (wdjb mjht, WDJB-MJHT) or be the verification link the device shows.
// A provider without a device approver API gets the link opened in the browser instead.
// Each calls `done` with the exit code (0 success, 1 failure with a message on stderr).
class DeviceCommands : public QObject
{
    Q_OBJECT
public:
    DeviceCommands(approvals::ApprovalChannel *channel, std::function<bool(const QUrl &)> openBrowser,
                   QObject *parent = nullptr);

    void lookup(const QString &input, bool json, std::function<void(int)> done);
    void decide(const QString &input, approvals::Decision decision, bool json, std::function<void(int)> done);

private:
    // Parses the code and finds the approver; otherwise explains (or opens the link) and ends.
    void withApprover(const QString &input,
                      std::function<void(approvals::DeviceApprover *, const QString &code)> next,
                      std::function<void(int)> done);

    approvals::ApprovalChannel *m_channel;
    std::function<bool(const QUrl &)> m_openBrowser;
};

} // namespace countersign::cli
