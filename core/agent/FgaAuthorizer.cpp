#include "FgaAuthorizer.h"

#include "agent/AgentErrors.h"
#include <QCoreApplication>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FgaAuthorizer)
};

Error unavailable()
{
    return {errors::noFga, Tr::tr("Permissions cannot be checked right now.")};
}

} // namespace

FgaAuthorizer::FgaAuthorizer(fga::FgaClient *client, Options options, QObject *parent)
    : QObject(parent), m_client(client), m_options(std::move(options))
{}

void FgaAuthorizer::authorize(const QString &callId, const nlohmann::json &arguments,
                              AuthorizationReport report)
{
    Q_UNUSED(callId)
    if (!m_client) {
        report.failed(unavailable());
        return;
    }
    const fga::TupleKey tuple{m_options.user(), m_options.relation, m_options.object(arguments)};
    m_client->check(tuple, [this, self = QPointer(this), tuple, report](Result<bool> allowed) {
        if (!self)
            return;
        if (!allowed) {
            report.failed({allowed.error().code,
                           Tr::tr("Your permissions could not be checked: %1").arg(allowed.error().message)});
            return;
        }
        if (!allowed.value()) {
            report.failed(
                {QStringLiteral("forbidden"), Tr::tr("You are not a %1 of %2, so the agent may not use it.")
                                                  .arg(tuple.relation, tuple.object)});
            return;
        }
        if (!m_options.credential) {
            report.granted({}, nlohmann::json::array());
            return;
        }
        m_options.credential([report](Result<QByteArray> token) {
            if (token)
                report.granted(token.value(), nlohmann::json::array());
            else
                report.failed(token.error());
        });
    });
}

void FgaAuthorizer::resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report)
{
    // Nothing to pick up: a check never interrupts a call.
    Q_UNUSED(callId)
    Q_UNUSED(interrupt)
    report.failed({errors::interruptInvalid, Tr::tr("There is nothing to resume; ask again.")});
}

void FgaFilter::filter(const QString &user, const nlohmann::json &items, const QStringList &objects,
                       Callback<nlohmann::json> done) const
{
    if (!m_client) {
        done(unavailable());
        return;
    }
    QList<fga::TupleKey> tuples;
    for (const QString &object : objects)
        tuples.append({user, m_relation, object});
    m_client->batchCheck(tuples, [items, done](Result<QList<bool>> allowed) {
        if (!allowed) {
            done(Error{allowed.error().code,
                       Tr::tr("Your permissions could not be checked: %1").arg(allowed.error().message)});
            return;
        }
        nlohmann::json kept = nlohmann::json::array();
        for (qsizetype i = 0; i < allowed->size() && i < static_cast<qsizetype>(items.size()); ++i)
            if (allowed->at(i))
                kept.push_back(items[static_cast<size_t>(i)]);
        done(std::move(kept));
    });
}

} // namespace countersign::agent
