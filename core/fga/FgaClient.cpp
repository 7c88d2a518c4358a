#include "FgaClient.h"

#include "common/Json.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QPointer>

namespace countersign::fga {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FgaClient)
};

constexpr qsizetype kMaxChecksPerBatch = 50;

nlohmann::json tupleJson(const TupleKey &tuple)
{
    return {{"user", tuple.user.toStdString()},
            {"relation", tuple.relation.toStdString()},
            {"object", tuple.object.toStdString()}};
}

Error invalidAnswer()
{
    return {QStringLiteral("fga_response_invalid"),
            Tr::tr("The authorization service sent an unreadable answer.")};
}

} // namespace

FgaClient::FgaClient(net::HttpClient *http, FgaConfig config, QObject *parent)
    : QObject(parent), m_http(http), m_config(std::move(config))
{}

QUrl FgaClient::endpoint(const QString &method) const
{
    QUrl url = m_config.apiUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + QStringLiteral("stores/") +
                    QString::fromLatin1(QUrl::toPercentEncoding(m_config.storeId)) + u'/' + method,
                QUrl::StrictMode);
    return url;
}

void FgaClient::check(const TupleKey &tuple, Callback<bool> done)
{
    nlohmann::json body{{"tuple_key", tupleJson(tuple)}};
    if (!m_config.authorizationModelId.isEmpty())
        body["authorization_model_id"] = m_config.authorizationModelId.toStdString();
    m_http->postJson(
        endpoint(QStringLiteral("check")), body, this,
        [done = std::move(done)](Result<nlohmann::json> answer) {
            if (!answer)
                done(answer.error());
            else if (!answer->contains("allowed") || !(*answer)["allowed"].is_boolean())
                done(invalidAnswer());
            else
                done((*answer)["allowed"].get<bool>());
        },
        m_config.apiToken);
}

void FgaClient::batchCheck(const QList<TupleKey> &tuples, Callback<QList<bool>> done)
{
    batch(tuples, 0, {}, std::move(done));
}

void FgaClient::batch(QList<TupleKey> tuples, qsizetype from, QList<bool> answers, Callback<QList<bool>> done)
{
    if (from >= tuples.size()) {
        done(std::move(answers));
        return;
    }
    const qsizetype count = std::min(kMaxChecksPerBatch, tuples.size() - from);
    nlohmann::json checks = nlohmann::json::array();
    for (qsizetype i = 0; i < count; ++i)
        checks.push_back(
            {{"tuple_key", tupleJson(tuples[from + i])}, {"correlation_id", std::to_string(from + i)}});
    nlohmann::json body{{"checks", checks}};
    if (!m_config.authorizationModelId.isEmpty())
        body["authorization_model_id"] = m_config.authorizationModelId.toStdString();
    m_http->postJson(
        endpoint(QStringLiteral("batch-check")), body, this,
        [this, self = QPointer(this), tuples = std::move(tuples), from, count, answers = std::move(answers),
         done = std::move(done)](Result<nlohmann::json> answer) mutable {
            if (!self)
                return;
            if (!answer) {
                done(answer.error());
                return;
            }
            const auto result = answer->find("result");
            if (result == answer->end() || !result->is_object()) {
                done(invalidAnswer());
                return;
            }
            for (qsizetype i = 0; i < count; ++i) {
                const auto item = result->find(std::to_string(from + i));
                // Missing, malformed or errored: not allowed (never open up on doubt).
                answers.append(item != result->end() && jsonBool(*item, "allowed") == true &&
                               !item->contains("error"));
            }
            batch(std::move(tuples), from + count, std::move(answers), std::move(done));
        },
        m_config.apiToken);
}

} // namespace countersign::fga
