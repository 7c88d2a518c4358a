#pragma once

#include "common/Result.h"

#include <QTest>

#include <functional>
#include <optional>

namespace countersign::test {

// Runs an asynchronous operation to completion inside a test (the event loop keeps running), or
// gives up after `timeoutMs` with the error "test_timeout".
template <typename T> Result<T> wait(std::function<void(Callback<T>)> start, int timeoutMs = 40000)
{
    std::optional<Result<T>> result;
    start([&](Result<T> r) { result.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    if (!result)
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no result in time")};
    return *result;
}

} // namespace countersign::test
