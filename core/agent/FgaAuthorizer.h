#pragma once

#include "agent/Authorizer.h"
#include "fga/FgaClient.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace countersign::agent {

// Fine-grained authorization: before the tool runs, an OpenFGA `check` asks whether the person
// has `relation` on the object the arguments name (e.g. viewer of doc:q3-plan). Only then does
// the tool get its credential (from `credential`, e.g. the session's token for the documents
// API); a "no" becomes a tool result that says so.
class FgaAuthorizer : public QObject, public Authorizer
{
    Q_OBJECT
public:
    struct Options
    {
        std::function<QString()> user;                                  // "user:alice"
        QString relation;                                               // "viewer"
        std::function<QString(const nlohmann::json &arguments)> object; // "doc:q3-plan"
        std::function<void(Callback<QByteArray>)> credential;           // the tool's token, if any
    };

    FgaAuthorizer(fga::FgaClient *client, Options options, QObject *parent = nullptr);

    void authorize(const QString &callId, const nlohmann::json &arguments,
                   AuthorizationReport report) override;
    // An FGA check never waits on the person, so there is never anything to resume.
    void resume(const QString &callId, const nlohmann::json &interrupt, AuthorizationReport report) override;

private:
    QPointer<fga::FgaClient> m_client;
    Options m_options;
};

// A retriever filter (the auth0-ai FGAFilter): keeps the items the person has `relation` on,
// with one batch-check for all of them. An item the check cannot answer is left out.
class FgaFilter
{
public:
    FgaFilter(fga::FgaClient *client, QString relation) : m_client(client), m_relation(std::move(relation)) {}

    // `objects[i]` is the FGA object of `items[i]` ("doc:q3-plan"); `done` gets the kept items, in order.
    void filter(const QString &user, const nlohmann::json &items, const QStringList &objects,
                Callback<nlohmann::json> done) const;

private:
    QPointer<fga::FgaClient> m_client;
    QString m_relation;
};

} // namespace countersign::agent
