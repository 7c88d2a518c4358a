#pragma once

#include <QString>

#include <functional>
#include <utility>
#include <variant>

namespace countersign {

// An error a person can read. `code` is a stable machine-readable identifier
// (e.g. "invalid_grant", "network", "bad_json"); `message` is the sentence shown to the user.
struct Error
{
    QString code;
    QString message;
};

// The outcome of an operation that can fail: either a value or an Error.
// (std::expected arrives with C++23; this is the small subset we need.)
template <typename T> class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    static Result failure(QString code, QString message)
    {
        return Error{std::move(code), std::move(message)};
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &std::get<T>(m_state); }
    const T &operator*() const { return std::get<T>(m_state); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that succeed with nothing to return.
struct Done
{
};
using Status = Result<Done>;

// Completion handler of an asynchronous operation. Called exactly once, on the thread that
// started the operation, and never after the object that runs the operation is destroyed.
template <typename T> using Callback = std::function<void(Result<T>)>;

} // namespace countersign
