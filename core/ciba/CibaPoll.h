#pragma once

#include "ciba/CibaRequest.h"
#include "oauth/TokenPoll.h"

namespace countersign::ciba {

class CibaClient;

// Waits for the outcome of one request (see oauth::TokenPoll): polls at the provider's interval,
// backs off on slow_down, and asks at once on pollNow() (a ping, or the approval seen elsewhere).
class CibaPoll : public oauth::TokenPoll
{
    Q_OBJECT
public:
    CibaPoll(CibaClient *client, Ticket ticket, QObject *parent = nullptr);

    const Ticket &ticket() const { return m_ticket; }

private:
    Ticket m_ticket;
};

} // namespace countersign::ciba
