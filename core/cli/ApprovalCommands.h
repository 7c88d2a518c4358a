#pragma once

#include "approvals/ApprovalsClient.h"
#include "common/Result.h"

#include <QObject>

#include <functional>

namespace countersign::approvals {
class ApprovalChannel;
}

namespace countersign::cli {

// countersign-cli's approval commands, run against a restored session's approval channel:
//   inbox [--json]        pending and recent requests (JSON: an array of approval objects)
//   inbox --watch         one JSON object per line per event, until interrupted
//   approve ID [--reason TEXT], deny ID [--reason TEXT]
// Each calls `done` with the exit code (0 success, 1 failure with a message on stderr).
class ApprovalCommands : public QObject
{
    Q_OBJECT
public:
    explicit ApprovalCommands(approvals::ApprovalChannel *channel, QObject *parent = nullptr);

    void list(bool json, std::function<void(int)> done);
    void watch(std::function<void(int)> done);
    void decide(const QString &id, approvals::Decision decision, const QString &reason,
                std::function<void(int)> done);

private:
    void withClient(std::function<void(approvals::ApprovalsClient *)> next, std::function<void(int)> done);

    approvals::ApprovalChannel *m_channel;
};

} // namespace countersign::cli
