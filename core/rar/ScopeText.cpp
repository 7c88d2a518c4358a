#include "ScopeText.h"

#include "Presentation.h"

#include <QCoreApplication>

namespace countersign::rar {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rar)
};

} // namespace

QString describeScope(const QString &scope)
{
    if (scope == u"openid")
        return Tr::tr("Confirm who you are");
    if (scope == u"profile")
        return Tr::tr("See your name");
    if (scope == u"email")
        return Tr::tr("See your email address");
    if (scope == u"offline_access")
        return Tr::tr("Stay signed in (refresh tokens)");
    if (scope == u"stock:trade")
        return Tr::tr("Trade stocks on your behalf");
    if (scope == u"payments:initiate")
        return Tr::tr("Start payments from your account");
    if (scope == u"approvals")
        return Tr::tr("Approve or deny requests on your behalf");
    if (scope == u"data:read")
        return Tr::tr("Read your data records");
    if (scope == u"profile:read")
        return Tr::tr("Read your sandbox profile");
    return Tr::tr("Permission “%1”").arg(displayText(scope, limits::labelChars));
}

} // namespace countersign::rar
