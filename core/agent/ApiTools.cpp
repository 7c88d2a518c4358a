#include "ApiTools.h"

#include "agent/AgentErrors.h"
#include "common/Json.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApiTools)
};

QString stringArgument(const nlohmann::json &arguments, const char *name)
{
    const auto it = arguments.find(name);
    return it != arguments.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                    : QString();
}

// `base` with one more path segment, percent-encoded: an id cannot climb out of the API.
QUrl withSegment(const QUrl &base, const QString &segment)
{
    return net::withPathSegment(base, QString::fromLatin1(QUrl::toPercentEncoding(segment)));
}

// GET `url` with the call's token; an error names the API in words.
void getWithToken(net::HttpClient *http, const QUrl &url, const ToolContext &context, const QString &api,
                  Callback<nlohmann::json> done)
{
    if (context.accessToken.isEmpty()) {
        done(Error{errors::unauthorized, Tr::tr("There is no permission to use %1.").arg(api)});
        return;
    }
    // A tool is no QObject and this callback holds nothing of it, so the answer lives as long as
    // the client; the agent session that called run() guards its own `done`.
    http->getJson(
        url, http,
        [api, done = std::move(done)](Result<nlohmann::json> answer) {
            if (!answer)
                done(Error{answer.error().code, Tr::tr("%1 refused: %2").arg(api, answer.error().message)});
            else
                done(std::move(answer).value());
        },
        context.accessToken);
}

const nlohmann::json kIdSchema{{"type", "string"}, {"pattern", "^[A-Za-z0-9_-]{1,40}$"}};

} // namespace

DataRecordTool::DataRecordTool(net::HttpClient *http, QUrl recordsBase)
    : m_http(http), m_recordsBase(std::move(recordsBase))
{}

ToolSpec DataRecordTool::spec() const
{
    return {
        QStringLiteral("fetch_data_record"),
        QStringLiteral("Fetch one of the user's data records by its id (e.g. r-1001). The user approves the "
                       "access once with a device code."),
        nlohmann::json{{"type", "object"},
                       {"properties", {{"id", kIdSchema}}},
                       {"required", {"id"}},
                       {"additionalProperties", false}}};
}

void DataRecordTool::run(const nlohmann::json &arguments, const ToolContext &context,
                         Callback<nlohmann::json> done)
{
    getWithToken(m_http, withSegment(m_recordsBase, stringArgument(arguments, "id")), context,
                 Tr::tr("The data API"), std::move(done));
}

CalendarTool::CalendarTool(net::HttpClient *http, QUrl freeBusyEndpoint)
    : m_http(http), m_freeBusyEndpoint(std::move(freeBusyEndpoint))
{}

ToolSpec CalendarTool::spec() const
{
    return {
        QStringLiteral("check_calendar"),
        QStringLiteral("Check when the user is busy or free on a day, in their connected Google calendar."),
        nlohmann::json{{"type", "object"},
                       {"properties",
                        {{"date",
                          {{"type", "string"},
                           {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                           {"description", "The day, YYYY-MM-DD"}}}}},
                       {"required", {"date"}},
                       {"additionalProperties", false}}};
}

void CalendarTool::run(const nlohmann::json &arguments, const ToolContext &context,
                       Callback<nlohmann::json> done)
{
    QUrl url = m_freeBusyEndpoint;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("date"), stringArgument(arguments, "date"));
    url.setQuery(query);
    getWithToken(m_http, url, context, Tr::tr("The calendar"), std::move(done));
}

DocumentSearchTool::DocumentSearchTool(net::HttpClient *http, QUrl searchEndpoint, FgaFilter filter)
    : m_http(http), m_searchEndpoint(std::move(searchEndpoint)), m_filter(std::move(filter))
{}

ToolSpec DocumentSearchTool::spec() const
{
    return {QStringLiteral("search_documents"),
            QStringLiteral("Search the shared documents. Only documents the user may read are returned."),
            nlohmann::json{
                {"type", "object"},
                {"properties", {{"query", {{"type", "string"}, {"minLength", 1}, {"maxLength", 100}}}}},
                {"required", {"query"}},
                {"additionalProperties", false}}};
}

void DocumentSearchTool::run(const nlohmann::json &arguments, const ToolContext &context,
                             Callback<nlohmann::json> done)
{
    QUrl url = m_searchEndpoint;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), stringArgument(arguments, "query"));
    url.setQuery(query);
    const QString user = QStringLiteral("user:") + context.userSubject;
    const std::string asked = stringArgument(arguments, "query").toStdString();
    getWithToken(
        m_http, url, context, Tr::tr("The documents API"),
        [filter = m_filter, user, asked, done](Result<nlohmann::json> found) {
            if (!found) {
                done(found.error());
                return;
            }
            const auto list = found->find("documents");
            if (list != found->end() && !list->is_array()) {
                done(Error{errors::invalidResponse,
                           Tr::tr("The documents API answered with something that is not a list.")});
                return;
            }
            // A document without a string id cannot be checked, so it is not shown
            // (never open up on doubt).
            nlohmann::json documents = nlohmann::json::array();
            QStringList objects;
            for (const auto &document : jsonArray(*found, "documents")) {
                const QString id = jsonString(document, "id");
                if (id.isEmpty())
                    continue;
                documents.push_back(document);
                objects << QStringLiteral("doc:") + id;
            }
            filter.filter(user, documents, objects, [asked, done](Result<nlohmann::json> readable) {
                if (!readable)
                    done(readable.error());
                else
                    done(nlohmann::json{{"query", asked}, {"documents", std::move(readable).value()}});
            });
        });
}

DocumentReadTool::DocumentReadTool(net::HttpClient *http, QUrl documentsBase)
    : m_http(http), m_documentsBase(std::move(documentsBase))
{}

ToolSpec DocumentReadTool::spec() const
{
    return {
        QStringLiteral("read_document"),
        QStringLiteral("Read one shared document by its id (as found by search_documents), if the user may "
                       "view it."),
        nlohmann::json{{"type", "object"},
                       {"properties", {{"id", kIdSchema}}},
                       {"required", {"id"}},
                       {"additionalProperties", false}}};
}

QString DocumentReadTool::objectFor(const nlohmann::json &arguments)
{
    return QStringLiteral("doc:") + stringArgument(arguments, "id");
}

void DocumentReadTool::run(const nlohmann::json &arguments, const ToolContext &context,
                           Callback<nlohmann::json> done)
{
    getWithToken(m_http, withSegment(m_documentsBase, stringArgument(arguments, "id")), context,
                 Tr::tr("The documents API"), std::move(done));
}

} // namespace countersign::agent
