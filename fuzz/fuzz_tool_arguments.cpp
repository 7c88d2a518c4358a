// The arguments a model writes for a tool call, as the agent checks them before anything runs:
// parsed as ToolCallAssembler parses them, then validateArguments() against the real schema of
// each of the agent's tools (core/agent: ApprovedActionTools, ApiTools). Arguments that pass go
// on as they would in the app: to the trade's or payment's authorization detail and binding
// message, or to the document's FGA object. The first byte picks the tool; the rest is the
// arguments' JSON text.
//   build-fuzz/fuzz/fuzz_tool_arguments fuzz/corpus/tool_arguments
#include "FuzzSupport.h"

#include "agent/ApiTools.h"
#include "agent/ApprovedActionTools.h"
#include "common/JsonInput.h"

#include <memory>
#include <vector>

using namespace countersign;
using namespace countersign::agent;

namespace {

// The tools' specs: what the model is told and what its arguments are checked against. The tools
// never run here, so they get no client and no address.
std::vector<ToolSpec> *specs = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    specs = new std::vector<ToolSpec>{
        StockOrderTool(StockOrderTool::Action::Buy, nullptr, {}).spec(),
        StockOrderTool(StockOrderTool::Action::Sell, nullptr, {}).spec(),
        PaymentTool(nullptr, {}).spec(),
        DataRecordTool(nullptr, {}).spec(),
        CalendarTool(nullptr, {}).spec(),
        DocumentSearchTool(nullptr, {}, FgaFilter(nullptr, QStringLiteral("viewer"))).spec(),
        DocumentReadTool(nullptr, {}).spec(),
    };
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t tool = data[0] % specs->size();
    const QByteArray raw = fuzz::bytes(data + 1, size - 1).trimmed();
    const JsonInput arguments = raw.isEmpty() ? JsonInput{nlohmann::json::object()} : parseJsonInput(raw);
    if (!arguments.ok())
        return 0;
    if (!validateArguments(specs->at(tool).parameters, arguments.value))
        return 0;
    switch (tool) {
    case 0:
    case 1: {
        const auto action = tool == 0 ? StockOrderTool::Action::Buy : StockOrderTool::Action::Sell;
        (void)StockOrderTool::authorizationDetails(action, arguments.value).dump();
        (void)StockOrderTool::bindingMessage(action, arguments.value);
        break;
    }
    case 2:
        (void)PaymentTool::authorizationDetails(arguments.value).dump();
        (void)PaymentTool::bindingMessage(arguments.value);
        break;
    case 6:
        (void)DocumentReadTool::objectFor(arguments.value);
        break;
    default:
        break;
    }
    return 0;
}
