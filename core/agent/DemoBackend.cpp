#include "DemoBackend.h"

#include "common/Json.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

namespace countersign::agent {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DemoBackend)
};

QRegularExpression pattern(const char *re)
{
    return QRegularExpression(QString::fromLatin1(re), QRegularExpression::CaseInsensitiveOption);
}

QString str(const nlohmann::json &json, const char *name)
{
    const auto it = json.is_object() ? json.find(name) : json.end();
    if (!json.is_object() || it == json.end())
        return {};
    return it->is_string() ? QString::fromStdString(it->get<std::string>())
                           : QString::fromStdString(it->dump());
}

QString helpText()
{
    return Tr::tr(
        "I am the rule-based demo agent. I understand requests like: \"Buy 3 shares of ACME\", "
        "\"Sell 2 shares of GLOBEX at least 50\", \"Pay 25 EUR to Erika\", \"Check my calendar "
        "tomorrow\", \"Fetch data record r-1001\", \"Search documents about budget\", \"Read document "
        "q3-plan\" and \"What can I do?\".");
}

// The reply to a tool's result, in words, from the fields the demo tools return. A result is what
// an API answered (or what the saved file holds): any part of it may have any type.
QString describeResult(const Message &result, const nlohmann::json &arguments)
{
    const nlohmann::json &r = result.result;
    if (result.isError) {
        const QString why = r.is_object() ? str(r, "error") : QString::fromStdString(r.dump());
        return Tr::tr("I could not do that: %1").arg(why.isEmpty() ? QString::fromStdString(r.dump()) : why);
    }
    if (result.toolName == u"buy_stock" || result.toolName == u"sell_stock") {
        return Tr::tr("Done: %1 %2 %3 shares at %4 %5 (total %6 %5, order %7).")
            .arg(result.toolName == u"buy_stock" ? Tr::tr("bought") : Tr::tr("sold"), str(r, "qty"),
                 str(r, "ticker"), str(r, "price"), str(r, "currency"), str(r, "total"), str(r, "id"));
    }
    if (result.toolName == u"make_payment")
        return Tr::tr("Done: paid %1 %2 to %3 (payment %4).")
            .arg(str(r, "amount"), str(r, "currency"), str(r, "creditor"), str(r, "id"));
    if (result.toolName == u"check_calendar") {
        QStringList busy;
        for (const auto &slot : jsonArray(r, "busy"))
            busy << Tr::tr("%1 to %2").arg(str(slot, "start").mid(11, 5), str(slot, "end").mid(11, 5));
        const QString date = str(r, "date").isEmpty() ? str(arguments, "date") : str(r, "date");
        return busy.isEmpty() ? Tr::tr("You are free all day on %1.").arg(date)
                              : Tr::tr("On %1 you are busy %2.").arg(date, busy.join(QStringLiteral(", ")));
    }
    if (result.toolName == u"fetch_data_record")
        return Tr::tr("Record %1, \"%2\": %3").arg(str(r, "id"), str(r, "title"), str(r, "data"));
    if (result.toolName == u"search_documents") {
        QStringList titles;
        for (const auto &document : jsonArray(r, "documents"))
            titles << Tr::tr("\"%1\"").arg(str(document, "title"));
        return titles.isEmpty()
                   ? Tr::tr("No documents you may read match \"%1\".").arg(str(arguments, "query"))
                   : Tr::tr("Documents you may read about \"%1\": %2.")
                         .arg(str(arguments, "query"), titles.join(QStringLiteral(", ")));
    }
    if (result.toolName == u"read_document")
        return Tr::tr("\"%1\": %2").arg(str(r, "title"), str(r, "text"));
    return Tr::tr("%1 returned: %2").arg(result.toolName, QString::fromStdString(r.dump()));
}

QString describeProfile(const AgentProfile &profile)
{
    QString answer = profile.userName.isEmpty() ? Tr::tr("I do not know who you are: nobody is signed in.")
                                                : Tr::tr("You are signed in as %1.").arg(profile.userName);
    if (!profile.allowed.isEmpty())
        answer += u' ' + Tr::tr("I can: %1.").arg(profile.allowed.join(QStringLiteral("; ")));
    if (!profile.forbidden.isEmpty())
        answer += u' ' + Tr::tr("I cannot: %1.").arg(profile.forbidden.join(QStringLiteral("; ")));
    return answer;
}

} // namespace

QString DemoBackend::label() const
{
    return Tr::tr("Rule-based demo agent (no language model)");
}

DemoBackend::Intent DemoBackend::understand(const QString &request, const QDate &today)
{
    const QString text = request.simplified();
    Intent intent;
    static const QRegularExpression trade = pattern(
        R"(^(buy|sell)\s+(\d{1,6})\s+(?:shares?\s+(?:of\s+)?)?([A-Za-z]{1,8})(?:\s+(?:at most|for at most|at least|for at least|limit)\s+\$?(\d+(?:\.\d{1,2})?))?\W*$)");
    static const QRegularExpression pay =
        pattern(R"(^pay\s+(\d+(?:\.\d{1,2})?)\s+([A-Za-z]{3})\s+to\s+(.{1,70}?)\W*$)");
    static const QRegularExpression calendar = pattern(
        R"(^check\s+my\s+calendar(?:\s+(?:on|for))?\s+(today|tomorrow|\d{4}-\d{2}-\d{2})(?:\s+at\s+(\d{1,2}(?::\d{2})?\s*(?:am|pm)?))?\W*$)");
    static const QRegularExpression record =
        pattern(R"(^fetch\s+(?:my\s+)?data\s+record\s+([A-Za-z0-9_-]{1,40})\W*$)");
    static const QRegularExpression search =
        pattern(R"(^(?:search|find)\s+(?:my\s+)?documents\s+(?:about|on|for)\s+(.{1,100}?)\W*$)");
    static const QRegularExpression readDocument =
        pattern(R"(^(?:read|open|show)\s+(?:me\s+)?(?:the\s+)?document\s+([A-Za-z0-9_-]{1,40})\W*$)");
    static const QRegularExpression whoami = pattern(R"(^(who am i|what can (?:i|you) do)\W*$)");

    if (const auto m = trade.match(text); m.hasMatch()) {
        intent.kind = Intent::Kind::Tool;
        intent.tool =
            m.captured(1).toLower() == u"buy" ? QStringLiteral("buy_stock") : QStringLiteral("sell_stock");
        intent.arguments = {{"ticker", m.captured(3).toUpper().toStdString()},
                            {"qty", m.captured(2).toInt()}};
        if (!m.captured(4).isEmpty())
            intent.arguments["limit_price"] = m.captured(4).toDouble();
    } else if (const auto p = pay.match(text); p.hasMatch()) {
        intent.kind = Intent::Kind::Tool;
        intent.tool = QStringLiteral("make_payment");
        intent.arguments = {{"amount", p.captured(1).toStdString()},
                            {"currency", p.captured(2).toUpper().toStdString()},
                            {"creditor", p.captured(3).toStdString()}};
    } else if (const auto c = calendar.match(text); c.hasMatch()) {
        intent.kind = Intent::Kind::Tool;
        intent.tool = QStringLiteral("check_calendar");
        const QString day = c.captured(1).toLower();
        const QDate date = day == u"today"      ? today
                           : day == u"tomorrow" ? today.addDays(1)
                                                : QDate::fromString(day, Qt::ISODate);
        intent.arguments = {{"date", date.toString(Qt::ISODate).toStdString()}};
    } else if (const auto r = record.match(text); r.hasMatch()) {
        intent.kind = Intent::Kind::Tool;
        intent.tool = QStringLiteral("fetch_data_record");
        intent.arguments = {{"id", r.captured(1).toStdString()}};
    } else if (const auto s = search.match(text); s.hasMatch()) {
        intent.kind = Intent::Kind::Tool;
        intent.tool = QStringLiteral("search_documents");
        intent.arguments = {{"query", s.captured(1).toStdString()}};
    } else if (const auto d = readDocument.match(text); d.hasMatch()) {
        intent.kind = Intent::Kind::Tool;
        intent.tool = QStringLiteral("read_document");
        intent.arguments = {{"id", d.captured(1).toStdString()}};
    } else if (whoami.match(text).hasMatch()) {
        intent.kind = Intent::Kind::WhoAmI;
    }
    return intent;
}

void DemoBackend::cancel()
{
    ++m_turn;
}

void DemoBackend::respond(const Conversation &conversation, const QList<ToolSpec> &tools,
                          const AgentProfile &profile, BackendEvents events)
{
    // Work out the reply now; deliver it from the event loop, as a real backend would.
    QStringList chunks;
    QList<std::tuple<QString, QString, nlohmann::json>> calls;

    qsizetype lastUser = -1;
    for (qsizetype i = conversation.messages.size() - 1; i >= 0; --i)
        if (conversation.messages[i].kind == Message::Kind::User) {
            lastUser = i;
            break;
        }
    QList<Message> results;
    QHash<QString, nlohmann::json> argumentsOf;
    for (qsizetype i = lastUser + 1; i < conversation.messages.size(); ++i) {
        const Message &message = conversation.messages[i];
        if (message.kind == Message::Kind::ToolCall)
            argumentsOf.insert(message.callId, message.arguments);
        if (message.kind == Message::Kind::ToolResult)
            results << message;
    }

    if (!results.isEmpty()) {
        QStringList answers;
        for (const Message &result : results)
            answers << describeResult(result, argumentsOf.value(result.callId));
        chunks = answers.join(u' ').split(u' ');
    } else if (lastUser >= 0) {
        const Intent intent = understand(conversation.messages[lastUser].text, QDate::currentDate());
        const bool offered = std::any_of(tools.cbegin(), tools.cend(),
                                         [&](const ToolSpec &spec) { return spec.name == intent.tool; });
        if (intent.kind == Intent::Kind::Tool && offered) {
            const auto callCount =
                std::count_if(conversation.messages.cbegin(), conversation.messages.cend(),
                              [](const Message &m) { return m.kind == Message::Kind::ToolCall; });
            calls.append({QStringLiteral("call_%1").arg(callCount + 1), intent.tool, intent.arguments});
        } else if (intent.kind == Intent::Kind::Tool) {
            chunks =
                (Tr::tr("I cannot do that here: the %1 tool is not available in this session.")
                     .arg(intent.tool) +
                 (profile.forbidden.isEmpty() ? QString()
                                              : u' ' + Tr::tr("(%1)").arg(profile.forbidden.join(u"; "))))
                    .split(u' ');
        } else if (intent.kind == Intent::Kind::WhoAmI) {
            chunks = describeProfile(profile).split(u' ');
        } else {
            chunks = helpText().split(u' ');
        }
    } else {
        chunks = helpText().split(u' ');
    }

    const quint64 turn = ++m_turn;
    QTimer::singleShot(0, this, [this, turn, chunks, calls, events] {
        if (turn != m_turn)
            return;
        for (qsizetype i = 0; i < chunks.size(); ++i)
            events.text(i == 0 ? chunks[i] : u' ' + chunks[i]);
        for (const auto &[callId, tool, arguments] : calls)
            events.toolCall(callId, tool, arguments);
        events.finished(Done{});
    });
}

} // namespace countersign::agent
