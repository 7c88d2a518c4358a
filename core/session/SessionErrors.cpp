#include "SessionErrors.h"

#include <QCoreApplication>

namespace countersign::session::errors {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SessionManager)
};

} // namespace

Error notSignedIn()
{
    return {signedOut, Tr::tr("You are not signed in.")};
}

} // namespace countersign::session::errors
