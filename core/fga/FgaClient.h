#pragma once

#include "common/Result.h"

#include <QList>
#include <QObject>
#include <QUrl>

namespace countersign::net {
class HttpClient;
}

namespace countersign::fga {

// Where an OpenFGA (or Okta FGA) store is and how to call it.
struct FgaConfig
{
    QUrl apiUrl; // e.g. https://api.us1.fga.dev, or the sandbox's issuer
    QString storeId;
    QString authorizationModelId; // optional: the store's latest model when empty
    QByteArray apiToken;          // a pre-shared key or a client-credentials token (never logged)

    bool isComplete() const { return apiUrl.isValid() && !storeId.isEmpty() && !apiToken.isEmpty(); }
};

// One relationship question: may `user` have `relation` on `object`? ("user:alice", "viewer", "doc:q3-plan")
struct TupleKey
{
    QString user;
    QString relation;
    QString object;
};

// A client for the OpenFGA HTTP API's checks: /stores/{id}/check and /stores/{id}/batch-check
// (OpenFGA v1.8 shapes). Errors carry OpenFGA's code ("unauthenticated", "validation_error",
// "store_id_not_found", ...) or "network", with its message.
class FgaClient : public QObject
{
    Q_OBJECT
public:
    FgaClient(net::HttpClient *http, FgaConfig config, QObject *parent = nullptr);

    void check(const TupleKey &tuple, Callback<bool> done);
    // One answer per tuple, in order. Sent in batches of 50 (OpenFGA's default limit); a tuple
    // the server could not evaluate counts as not allowed.
    void batchCheck(const QList<TupleKey> &tuples, Callback<QList<bool>> done);

private:
    QUrl endpoint(const QString &method) const;
    void batch(QList<TupleKey> tuples, qsizetype from, QList<bool> answers, Callback<QList<bool>> done);

    net::HttpClient *m_http;
    FgaConfig m_config;
};

} // namespace countersign::fga
