#pragma once

#include <QStringList>
#include <QUrlQuery>

namespace countersign::oauth {

// How a provider is told which API an access token is for.
enum class ApiParameter
{
    Resource, // RFC 8707 `resource`, as often as there are APIs
    Audience  // Auth0's `audience`: one API per request
};

// Adds `apis` to a request's parameters: each as `resource`, or the first one as `audience`.
inline void addApiParameters(QUrlQuery &parameters, ApiParameter kind, const QStringList &apis)
{
    if (kind == ApiParameter::Audience) {
        if (!apis.isEmpty())
            parameters.addQueryItem(QStringLiteral("audience"), apis.constFirst());
        return;
    }
    for (const QString &api : apis)
        parameters.addQueryItem(QStringLiteral("resource"), api);
}

} // namespace countersign::oauth
