// Device flow user codes as a person types or pastes them (device::UserCode): a code with or
// without its dash, any case and spacing, or a whole verification link, in any text at all.
//   build-fuzz/fuzz/fuzz_user_code fuzz/corpus/user_code
#include "FuzzSupport.h"

#include "device/UserCode.h"

#include <cstdlib>

using countersign::device::UserCode;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    countersign::fuzz::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString input = QString::fromUtf8(countersign::fuzz::bytes(data, size));
    const auto code = UserCode::parse(input);
    if (!code)
        return 0;
    // A code that parsed is what UserCode promises: letters and digits only, upper case.
    for (const QChar c : code->code)
        if (!(c.isDigit() || c.isUpper()) || c.unicode() > 0x7f)
            std::abort();
    (void)UserCode::display(code->code);
    return 0;
}
