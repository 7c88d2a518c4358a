#include "ApprovalCommands.h"

#include "approvals/ApprovalChannel.h"
#include "cli/Console.h"
#include "rar/Presentation.h"

#include <QDateTime>

namespace countersign::cli {

namespace {

int failWith(const Error &error)
{
    printError(error);
    return 1;
}

QString timeLeft(const approvals::Approval &approval)
{
    const qint64 seconds = approval.secondsLeft();
    if (seconds <= 0)
        return ApprovalCommands::tr("expired");
    if (seconds < 120)
        return ApprovalCommands::tr("%1 s left").arg(seconds);
    return ApprovalCommands::tr("%1 min left").arg(seconds / 60);
}

QString statusText(const approvals::Approval &approval)
{
    switch (approval.status) {
    case approvals::Approval::Status::Pending:
        return timeLeft(approval);
    case approvals::Approval::Status::Approved:
        return ApprovalCommands::tr("approved");
    case approvals::Approval::Status::Denied:
        return ApprovalCommands::tr("denied");
    case approvals::Approval::Status::Expired:
        return ApprovalCommands::tr("expired");
    }
    return {};
}

// A request for a terminal. Every string from the server goes through the plain-text sanitizer
// (rar::displayText(), as inLine() does): an escape sequence in a binding message must not reach
// the terminal as one, nor a line break start a line of its own.
void printHuman(const approvals::Approval &approval)
{
    const QString client =
        rar::displayText(approval.clientName.isEmpty() ? approval.clientId : approval.clientName, 60);
    out() << rar::displayText(approval.id, 80) << "  " << client << "  (" << statusText(approval) << ")\n";
    out() << "    " << ApprovalCommands::tr("Message: %1").arg(rar::displayText(approval.bindingMessage, 120))
          << "\n";
    const QString summary = rar::summarize(approval.authorizationDetails);
    if (!summary.isEmpty())
        out() << "    " << ApprovalCommands::tr("Details: %1").arg(summary) << "\n";
    if (!approval.scopes.isEmpty())
        out() << "    "
              << ApprovalCommands::tr("Scopes: %1").arg(rar::displayText(approval.scopes.join(u' '), 200))
              << "\n";
    if (!approval.reason.isEmpty())
        out() << "    " << ApprovalCommands::tr("Reason: %1").arg(rar::displayText(approval.reason, 200))
              << "\n";
}

} // namespace

ApprovalCommands::ApprovalCommands(approvals::ApprovalChannel *channel, QObject *parent)
    : QObject(parent), m_channel(channel)
{}

void ApprovalCommands::withClient(std::function<void(approvals::ApprovalsClient *)> next,
                                  std::function<void(int)> done)
{
    m_channel->connectToProvider([next, done](Result<approvals::ApprovalsClient *> client) {
        if (!client)
            done(failWith(client.error()));
        else
            next(client.value());
    });
}

void ApprovalCommands::list(bool json, std::function<void(int)> done)
{
    withClient(
        [json, done](approvals::ApprovalsClient *client) {
            client->list([json, done](Result<approvals::ApprovalList> list) {
                if (!list) {
                    done(failWith(list.error()));
                    return;
                }
                if (json) {
                    auto array = nlohmann::ordered_json::array();
                    for (const auto &approval : list->approvals)
                        array.push_back(approval.toJson());
                    out() << jsonText(array, 2) << Qt::endl;
                } else if (list->approvals.isEmpty()) {
                    out() << tr("No approval requests. Requests that apps send on your behalf will show up "
                                "here.")
                          << Qt::endl;
                } else {
                    for (const auto &approval : list->approvals)
                        printHuman(approval);
                    out().flush();
                }
                if (list->unreadable > 0)
                    err() << tr("Requests that could not be read and are not shown: %1").arg(list->unreadable)
                          << Qt::endl;
                done(0);
            });
        },
        done);
}

void ApprovalCommands::watch(std::function<void(int)> done)
{
    withClient(
        [this, done](approvals::ApprovalsClient *) {
            approvals::ApprovalInbox *inbox = m_channel->inbox();
            // One line per event: the event's name and id, then the approval object's fields.
            connect(inbox, &approvals::ApprovalInbox::eventApplied, this,
                    [](const QString &type, const QString &eventId, const approvals::Approval &approval) {
                        nlohmann::ordered_json line{{"event", type.toStdString()},
                                                    {"event_id", eventId.toStdString()}};
                        const nlohmann::ordered_json fields = approval.toJson();
                        for (auto field = fields.begin(); field != fields.end(); ++field)
                            line[field.key()] = field.value();
                        out() << jsonText(line) << Qt::endl;
                    });
            connect(inbox, &approvals::ApprovalInbox::connectionChanged, this,
                    [inbox, done](approvals::ApprovalInbox::Connection connection) {
                        if (connection == approvals::ApprovalInbox::Connection::Live)
                            err() << tr("Watching for approval requests (Ctrl+C to stop)…") << Qt::endl;
                        else if (connection == approvals::ApprovalInbox::Connection::Waiting)
                            err() << tr("Connection lost (%1); reconnecting…")
                                         .arg(inLine(inbox->lastError().message))
                                  << Qt::endl;
                    });
            inbox->start();
        },
        done);
}

void ApprovalCommands::decide(const QString &id, approvals::Decision decision, const QString &reason,
                              std::function<void(int)> done)
{
    withClient(
        [id, decision, reason, done](approvals::ApprovalsClient *client) {
            client->decide(id, decision, reason, [decision, done](Result<approvals::Approval> decided) {
                if (!decided) {
                    done(failWith(decided.error()));
                    return;
                }
                err() << (decision == approvals::Decision::Approve ? tr("Approved: %1") : tr("Denied: %1"))
                             .arg(rar::displayText(decided->bindingMessage, 120))
                      << Qt::endl;
                done(0);
            });
        },
        done);
}

} // namespace countersign::cli
