#include "ProviderConfig.h"

#include <QHostAddress>

namespace countersign::config {

bool isSecureOrLoopback(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    if (url.scheme() != u"http")
        return false;
    // Loopback IP literals only: "localhost" may resolve elsewhere (RFC 8252 §8.3).
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

} // namespace countersign::config
