#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QEventLoop>
#include <QMap>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

// Helpers for the storage tests: wait for a Callback, and look at the secret service from the
// outside (secret-tool, gdbus), independently of QtKeychain.
namespace countersign::test {

// Starts an asynchronous operation and spins the event loop until its callback ran (or the time is
// up, which yields Error{"test_timeout"}).
template <typename T> Result<T> await(const std::function<void(Callback<T>)> &start, int timeoutMs = 15000)
{
    // A local event loop rather than QTest::qWaitFor, which sleeps 10 ms between polls and would
    // make every keychain round trip look slow.
    auto result = std::make_shared<std::optional<Result<T>>>();
    QEventLoop loop;
    QPointer<QEventLoop> running(&loop);
    start([result, running](Result<T> r) {
        if (result->has_value())
            qFatal("a callback ran twice");
        result->emplace(std::move(r));
        if (running)
            running->quit();
    });
    if (!result->has_value()) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result->has_value())
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no result within %1 ms").arg(timeoutMs)};
    return std::move(**result);
}

// A service name no other test function uses.
QString uniqueService();

// Every item the secret service holds for `service`, as entry name -> stored bytes (QtKeychain
// stores binary data base64-encoded; this decodes it). Uses secret-tool, not QtKeychain.
QMap<QString, QByteArray> keyringEntries(const QString &service);

// Locks the default collection through the secret service's D-Bus API.
bool lockDefaultCollection();
// Unlocks it again with the password the test wrappers (with-keyring.sh) give gnome-keyring, through
// gnome-keyring's own D-Bus interface (the standard Unlock would need a prompt on a screen).
bool unlockDefaultCollection();
// How many items of `service` the secret service reports as locked (D-Bus SearchItems).
int lockedItemCount(const QString &service);

} // namespace countersign::test
