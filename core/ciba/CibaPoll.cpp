#include "CibaPoll.h"

#include "ciba/CibaClient.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>
#include <QPointer>

namespace countersign::ciba {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CibaClient) // one translation context for the CIBA client
};

} // namespace

CibaPoll::CibaPoll(CibaClient *client, Ticket ticket, QObject *parent)
    : oauth::TokenPoll(
          [client = QPointer(client), authReqId = ticket.authReqId](Callback<oauth::TokenSet> done) {
              if (!client) {
                  done(Error{oauth::errors::cancelled, Tr::tr("The agent stopped waiting.")});
                  return;
              }
              client->requestToken(authReqId, std::move(done));
          },
          ticket.expiresAt, ticket.interval, parent),
      m_ticket(std::move(ticket))
{}

} // namespace countersign::ciba
