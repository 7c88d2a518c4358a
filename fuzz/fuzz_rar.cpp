// RFC 9396 authorization details as the person reads them (core/rar): any JSON an approval or a
// device code may carry, through rar::present() and rar::summarize(), and any text through the
// sanitizers that put server text on the screen and in the terminal (PlainText.h).
//   build-fuzz/fuzz/fuzz_rar fuzz/corpus/rar
#include "FuzzSupport.h"

#include "common/JsonInput.h"
#include "rar/Presentation.h"
#include "rar/ScopeText.h"

using namespace countersign;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);

    // As text: a scope, a binding message, a name.
    const QString text = QString::fromUtf8(input);
    (void)rar::plainText(text);
    (void)rar::displayText(text, 40);
    (void)rar::escapedJson(text);
    (void)rar::describeScope(text);

    // As JSON, read the way every server answer is (depth limit included).
    const JsonInput json = parseJsonInput(input);
    if (!json.ok())
        return 0;
    for (const QLocale &locale : {QLocale::c(), QLocale(QLocale::German, QLocale::Germany)}) {
        (void)rar::present(json.value, locale);
        (void)rar::summarize(json.value, locale);
    }
    // The app hands present() the details of one approval: an array, but it must take anything.
    (void)rar::present(nlohmann::json::array({json.value}));
    return 0;
}
