#include "DeviceCommands.h"

#include "approvals/ApprovalChannel.h"
#include "approvals/DeviceApprover.h"
#include "cli/Console.h"
#include "device/UserCode.h"
#include "rar/Presentation.h"
#include "rar/ScopeText.h"

namespace countersign::cli {

namespace {

int failWith(const Error &error)
{
    printError(error);
    return 1;
}

QString statusText(const approvals::DeviceRequest &request)
{
    switch (request.status) {
    case approvals::DeviceRequest::Status::Pending: {
        const qint64 seconds = request.secondsLeft();
        return seconds < 120 ? DeviceCommands::tr("waiting, %1 s left").arg(seconds)
                             : DeviceCommands::tr("waiting, %1 min left").arg(seconds / 60);
    }
    case approvals::DeviceRequest::Status::Approved:
        return DeviceCommands::tr("approved");
    case approvals::DeviceRequest::Status::Denied:
        return DeviceCommands::tr("denied");
    case approvals::DeviceRequest::Status::Expired:
        return DeviceCommands::tr("expired");
    }
    return {};
}

// A code for a terminal. Every string from the server goes through the plain-text sanitizer.
void printHuman(const approvals::DeviceRequest &request)
{
    const QString client =
        rar::displayText(request.clientName.isEmpty() ? request.clientId : request.clientName, 60);
    out() << rar::displayText(request.userCode, 40) << "  " << client << "  (" << statusText(request)
          << ")\n";
    for (const QString &scope : request.scopes)
        out() << "    " << DeviceCommands::tr("Asks to: %1").arg(rar::describeScope(scope)) << "\n";
    if (!request.resource.isEmpty())
        out() << "    " << DeviceCommands::tr("For: %1").arg(rar::displayText(request.resource, 200)) << "\n";
    const QString summary = rar::summarize(request.authorizationDetails);
    if (!summary.isEmpty())
        out() << "    " << DeviceCommands::tr("Details: %1").arg(summary) << "\n";
    out().flush();
}

void printJson(const approvals::DeviceRequest &request)
{
    out() << jsonText(request.toJson(), 2) << Qt::endl;
}

} // namespace

DeviceCommands::DeviceCommands(approvals::ApprovalChannel *channel,
                               std::function<bool(const QUrl &)> openBrowser, QObject *parent)
    : QObject(parent), m_channel(channel), m_openBrowser(std::move(openBrowser))
{}

void DeviceCommands::withApprover(const QString &input,
                                  std::function<void(approvals::DeviceApprover *, const QString &)> next,
                                  std::function<void(int)> done)
{
    const auto code = device::UserCode::parse(input);
    if (!code) {
        done(failWith(code.error()));
        return;
    }
    m_channel->connectToProvider(
        [this, code = code.value(), next, done](Result<approvals::ApprovalsClient *> client) {
            if (!client) {
                // Unavailable: the provider has no channel (or is Auth0); anything else is a failure.
                if (m_channel->availability() != approvals::ApprovalChannel::Availability::Unavailable) {
                    done(failWith(client.error()));
                    return;
                }
            } else if (m_channel->deviceApprover()) {
                next(m_channel->deviceApprover(), code.code);
                return;
            }
            // No approver API (Auth0, for one): the code is entered on the provider's own page.
            const QUrl page = m_channel->codeEntryPage(code);
            if (page.isEmpty()) {
                done(failWith({QStringLiteral("no_device_approver"),
                               tr("Your provider has no device approval API, so codes are entered on its web "
                                  "page. Open the link the device shows (or pass it instead of the code) to "
                                  "continue in your browser.")}));
                return;
            }
            if (!m_openBrowser || !m_openBrowser(page)) {
                done(failWith({QStringLiteral("browser_failed"),
                               tr("Your provider has no device approval API, and no browser could be opened. "
                                  "Open this address yourself: %1")
                                   .arg(page.toString(QUrl::FullyEncoded))}));
                return;
            }
            err() << tr("Your provider has no device approval API: the code's page is open in your browser. "
                        "Decide there.")
                  << Qt::endl;
            done(0);
        });
}

void DeviceCommands::lookup(const QString &input, bool json, std::function<void(int)> done)
{
    withApprover(
        input,
        [json, done](approvals::DeviceApprover *approver, const QString &code) {
            approver->lookup(code, [json, done](Result<approvals::DeviceRequest> request) {
                if (!request) {
                    done(failWith(request.error()));
                    return;
                }
                if (json)
                    printJson(request.value());
                else
                    printHuman(request.value());
                done(0);
            });
        },
        done);
}

void DeviceCommands::decide(const QString &input, approvals::Decision decision, bool json,
                            std::function<void(int)> done)
{
    withApprover(
        input,
        [decision, json, done](approvals::DeviceApprover *approver, const QString &code) {
            approver->decide(
                code, decision, [decision, json, done](Result<approvals::DeviceRequest> decided) {
                    if (!decided) {
                        done(failWith(decided.error()));
                        return;
                    }
                    if (json)
                        printJson(decided.value());
                    const QString client = rar::displayText(
                        decided->clientName.isEmpty() ? decided->clientId : decided->clientName, 60);
                    err() << (decision == approvals::Decision::Approve ? tr("Approved %1 for %2.")
                                                                       : tr("Denied %1 for %2."))
                                 .arg(rar::displayText(decided->userCode, 40), client)
                          << Qt::endl;
                    done(0);
                });
        },
        done);
}

} // namespace countersign::cli
