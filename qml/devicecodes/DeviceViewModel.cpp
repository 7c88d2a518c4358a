#include "DeviceViewModel.h"

#include "approvals/DeviceApprover.h"
#include "device/UserCode.h"
#include "rar/PlainText.h"
#include "request/RequestText.h"

#include <QJSEngine>

namespace countersign::gui {

namespace {

constexpr int kLineChars = 200;

} // namespace

DeviceViewModel::DeviceViewModel(approvals::ApprovalChannel *channel, BrowserOpener openBrowser,
                                 QObject *parent)
    : QObject(parent), m_channel(channel), m_openBrowser(std::move(openBrowser))
{
    updateDetails();
    // A new session (or none) makes the code looked up for the old one meaningless.
    connect(m_channel, &approvals::ApprovalChannel::availabilityChanged, this, [this] {
        if (m_channel->availability() == approvals::ApprovalChannel::Availability::Unknown)
            clear();
    });
}

void DeviceViewModel::setInstance(DeviceViewModel *instance)
{
    s_instance = instance;
}

DeviceViewModel *DeviceViewModel::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance)
        qFatal("DeviceViewModel::setInstance() must be called before QML uses the Devices singleton");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void DeviceViewModel::updateDetails()
{
    RequestDetails::Fields fields;
    if (m_request) {
        const approvals::DeviceRequest &request = *m_request;
        fields.found = true;
        fields.userCode = rar::displayText(request.userCode, 40);
        fields.clientName = rar::displayText(
            request.clientName.isEmpty() ? request.clientId : request.clientName, kLineChars);
        fields.clientId = rar::displayText(request.clientId, kLineChars);
        fields.resource = rar::displayText(request.resource, kLineChars);
        fields.status = approvals::statusName(request.status);
        fields.expiresAt = localTime(request.expiresAt);
        fields.expiresAtUtc = utcTime(request.expiresAt);
        fields.sections = detailSections(request.authorizationDetails);
        fields.scopes = scopeDescriptions(request.scopes);
    }
    // Later, not now: QML still holds the old one until it hears `changed`.
    if (m_details)
        m_details->deleteLater();
    m_details = new RequestDetails(std::move(fields), this);
}

void DeviceViewModel::clear()
{
    ++m_generation;
    m_busy = false;
    m_code.clear();
    m_request.reset();
    m_errorMessage.clear();
    m_outcome.clear();
    updateDetails();
    Q_EMIT changed();
}

void DeviceViewModel::finish(const QString &errorMessage, const QString &outcome)
{
    m_busy = false;
    m_errorMessage = errorMessage;
    m_outcome = outcome;
    updateDetails();
    Q_EMIT changed();
}

void DeviceViewModel::lookup(const QString &input)
{
    clear();
    const auto code = device::UserCode::parse(input);
    if (!code) {
        finish(code.error().message);
        return;
    }
    approvals::DeviceApprover *approver = m_channel->deviceApprover();
    if (!approver) {
        if (m_channel->availability() == approvals::ApprovalChannel::Availability::Unknown) {
            finish(tr("Not connected to your provider yet. Try again in a moment."));
            return;
        }
        // No approver API (Auth0, for one): the code is entered on the provider's own page.
        const QUrl page = m_channel->codeEntryPage(code.value());
        if (page.isEmpty()) {
            finish(tr("Your provider has no device approval API here, so codes are entered on its web page. "
                      "Paste the link the device shows instead, and it opens in your browser."));
            return;
        }
        if (!m_openBrowser || !m_openBrowser(page)) {
            finish(tr("Your browser could not be opened. Open the device's link yourself."));
            return;
        }
        finish({},
               tr("Your provider has no device approval API here: the code's page is open in your browser. "
                  "Decide there."));
        return;
    }
    m_code = code->code;
    m_busy = true;
    Q_EMIT changed();
    approver->lookup(m_code, [this, self = QPointer(this),
                              generation = m_generation](Result<approvals::DeviceRequest> request) {
        if (!self || generation != m_generation)
            return;
        if (!request) {
            finish(request.error().message);
            return;
        }
        m_request = std::move(request).value();
        finish({});
    });
}

void DeviceViewModel::approve()
{
    decide(approvals::Decision::Approve);
}

void DeviceViewModel::deny()
{
    decide(approvals::Decision::Deny);
}

void DeviceViewModel::decide(approvals::Decision decision)
{
    approvals::DeviceApprover *approver = m_channel->deviceApprover();
    if (m_busy || !m_request || !m_request->isPending() || !approver)
        return;
    m_busy = true;
    m_errorMessage.clear();
    Q_EMIT changed();
    approver->decide(m_code, decision,
                     [this, self = QPointer(this), generation = m_generation,
                      decision](Result<approvals::DeviceRequest> decided) {
                         if (!self || generation != m_generation)
                             return;
                         if (!decided) {
                             finish(decided.error().message);
                             return;
                         }
                         m_request = std::move(decided).value();
                         finish({}, decision == approvals::Decision::Approve
                                        ? tr("Approved. The device can go ahead now, on your behalf.")
                                        : tr("Denied. The device has been told no."));
                     });
}

void DeviceViewModel::openLink(const QString &input)
{
    m_requestedInput = input;
    Q_EMIT requestedInputChanged();
}

void DeviceViewModel::takeRequestedInput()
{
    openLink({});
}

} // namespace countersign::gui
