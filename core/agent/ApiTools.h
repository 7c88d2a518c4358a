#pragma once

#include "agent/FgaAuthorizer.h"
#include "agent/Tool.h"

#include <QUrl>

namespace countersign::net {
class HttpClient;
}

namespace countersign::agent {

// The agent's read-only tools, each a call to one protected API with the token its authorizer
// obtained for the call (a device-flow token, a federated token, the session's token for the
// documents API). Their results are the APIs' JSON, which the model reads; errors say in words
// what the API refused.

// fetch_data_record {id}: GET <data API>/<id> (data:read, obtained through device flow).
class DataRecordTool : public Tool
{
public:
    DataRecordTool(net::HttpClient *http, QUrl recordsBase);
    ToolSpec spec() const override;
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override;

private:
    net::HttpClient *m_http;
    QUrl m_recordsBase;
};

// check_calendar {date}: GET <calendar API>/freebusy?date= with a federated token for the
// person's connected calendar account.
class CalendarTool : public Tool
{
public:
    CalendarTool(net::HttpClient *http, QUrl freeBusyEndpoint);
    ToolSpec spec() const override;
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override;

private:
    net::HttpClient *m_http;
    QUrl m_freeBusyEndpoint;
};

// search_documents {query}: GET <docs API>/search?q= — the API returns every match, whoever
// asks — then an FGA batch-check keeps only what the person may view ("viewer" of "doc:<id>").
class DocumentSearchTool : public Tool
{
public:
    DocumentSearchTool(net::HttpClient *http, QUrl searchEndpoint, FgaFilter filter);
    ToolSpec spec() const override;
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override;

private:
    net::HttpClient *m_http;
    QUrl m_searchEndpoint;
    FgaFilter m_filter;
};

// read_document {id}: GET <docs API>/<id>; its FgaAuthorizer checks "viewer" first.
class DocumentReadTool : public Tool
{
public:
    DocumentReadTool(net::HttpClient *http, QUrl documentsBase);
    ToolSpec spec() const override;
    void run(const nlohmann::json &arguments, const ToolContext &context,
             Callback<nlohmann::json> done) override;

    // The FGA object a call is about: "doc:<id>".
    static QString objectFor(const nlohmann::json &arguments);

private:
    net::HttpClient *m_http;
    QUrl m_documentsBase;
};

} // namespace countersign::agent
