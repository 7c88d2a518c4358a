// The approval channel's answers (core/approvals): GET /approvals (the list, read with its
// per-item depth rule), one approval (an event of the stream, a decision's answer) and a device
// code from the device approver API, each as the app reads and then prints it.
// The first byte picks which; the rest is the answer's body.
//   build-fuzz/fuzz/fuzz_approvals fuzz/corpus/approvals
#include "FuzzSupport.h"

#include "approvals/Approval.h"
#include "approvals/DeviceRequest.h"
#include "common/JsonInput.h"
#include "net/HttpClient.h"
#include "rar/PlainText.h"

using namespace countersign;
using approvals::Approval;

namespace {

// What `inbox --json` and `device CODE --json` do with a value read.
void print(const nlohmann::ordered_json &json)
{
    (void)rar::escapedJson(QString::fromStdString(json.dump()));
}

void use(const Approval &approval)
{
    print(approval.toJson());
    (void)approval.secondsLeft();
    (void)approval.isSupersededBy(approval);
    (void)approvals::parseStatus(approvals::statusName(approval.status));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const int mode = data[0] % 3;
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    if (mode == 0) { // GET /approvals, through HttpClient's reading of a JSON answer
        const auto json =
            net::parseJsonObject(body, QStringLiteral("approval list"), QStringLiteral("fuzz"), "approvals");
        if (!json)
            return 0;
        const auto list = approvals::ApprovalList::fromJson(json.value());
        if (list)
            for (const Approval &approval : list->approvals)
                use(approval);
    } else if (mode == 1) { // one event of the stream (ApprovalInbox)
        const JsonInput json = parseJsonInput(body);
        if (const auto approval = Approval::fromJson(json.value))
            use(*approval);
    } else { // GET <device approver>/<code>
        const auto json = net::parseJsonObject(body, QStringLiteral("device code"), QStringLiteral("fuzz"));
        if (!json)
            return 0;
        if (const auto request = approvals::DeviceRequest::fromJson(json.value())) {
            print(request->toJson());
            (void)request->secondsLeft();
        }
    }
    return 0;
}
