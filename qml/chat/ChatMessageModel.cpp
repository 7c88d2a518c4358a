#include "ChatMessageModel.h"

#include "agent/ToolResultView.h"
#include "rar/PlainText.h"

#include <QUrl>

namespace countersign::gui {

namespace {

constexpr int kNameChars = 60;
constexpr int kValueChars = 200;
constexpr int kResultLines = 8;

using agent::Message;

QString jsonString(const nlohmann::json &object, const char *name)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// A value on one line: strings as they are, anything else as compact JSON.
QString oneLine(const nlohmann::json &value)
{
    const QString raw = value.is_string() ? QString::fromStdString(value.get<std::string>())
                                          : QString::fromStdString(value.dump());
    return rar::displayText(raw, kValueChars);
}

QVariantList argumentRows(const nlohmann::json &arguments)
{
    QVariantList rows;
    if (!arguments.is_object())
        return rows;
    for (const auto &[name, value] : arguments.items())
        rows.append(
            QVariantMap{{QStringLiteral("name"), rar::displayText(QString::fromStdString(name), kNameChars)},
                        {QStringLiteral("value"), oneLine(value)}});
    return rows;
}

// What a tool answered, short: an error in words, an object as "field: value" lines.
QString resultSummary(const nlohmann::json &result, bool isError)
{
    if (isError) {
        if (const QString error = jsonString(result, "error"); !error.isEmpty())
            return rar::plainText(error);
    }
    if (result.is_string())
        return rar::plainText(QString::fromStdString(result.get<std::string>()));
    if (!result.is_object())
        return rar::displayText(QString::fromStdString(result.dump()), kValueChars * 2);
    QStringList lines;
    for (const auto &[name, value] : result.items()) {
        if (lines.size() == kResultLines) {
            lines << QStringLiteral("…");
            break;
        }
        lines << rar::displayText(QString::fromStdString(name), kNameChars) + QStringLiteral(": ") +
                     oneLine(value);
    }
    return lines.join(u'\n');
}

// The answer by its shape, for ToolResultCard.qml: {kind, title, text, fields: [{label, value}],
// times: [{from, to, busy}], items: [{title, detail}], rows: [{depth, parent, childCount, name,
// value}], omitted}.
QVariantMap resultView(const nlohmann::json &result)
{
    const agent::ToolResultView view = agent::ToolResultView::from(result);
    QVariantList fields, times, items, rows;
    for (const auto &field : view.fields)
        fields.append(
            QVariantMap{{QStringLiteral("label"), field.label}, {QStringLiteral("value"), field.value}});
    for (const auto &time : view.times)
        times.append(QVariantMap{{QStringLiteral("from"), time.from},
                                 {QStringLiteral("to"), time.to},
                                 {QStringLiteral("busy"), time.busy}});
    for (const auto &item : view.items)
        items.append(
            QVariantMap{{QStringLiteral("title"), item.title}, {QStringLiteral("detail"), item.detail}});
    for (const auto &row : view.rows)
        rows.append(QVariantMap{{QStringLiteral("depth"), row.depth},
                                {QStringLiteral("parent"), row.parent},
                                {QStringLiteral("childCount"), row.childCount},
                                {QStringLiteral("name"), row.name},
                                {QStringLiteral("value"), row.value}});
    return {{QStringLiteral("kind"), agent::kindName(view.kind)},
            {QStringLiteral("title"), view.title},
            {QStringLiteral("text"), view.text},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("times"), times},
            {QStringLiteral("items"), items},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("omitted"), view.omitted}};
}

// Only web addresses become links, fully encoded (plain ASCII: nothing to disguise).
QString webLink(const QString &raw)
{
    const QUrl url(raw, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return {};
    return QString::fromLatin1(url.toEncoded());
}

QString connectionName(const QString &connection)
{
    static const QHash<QString, QString> known{{QStringLiteral("google-oauth2"), QStringLiteral("Google")},
                                               {QStringLiteral("github"), QStringLiteral("GitHub")},
                                               {QStringLiteral("windowslive"), QStringLiteral("Microsoft")},
                                               {QStringLiteral("slack"), QStringLiteral("Slack")},
                                               {QStringLiteral("box"), QStringLiteral("Box")}};
    return known.value(connection, rar::displayText(connection, kNameChars));
}

QDateTime expiry(const nlohmann::json &interrupt)
{
    return QDateTime::fromString(jsonString(interrupt, "expires_at"), Qt::ISODateWithMs);
}

} // namespace

ChatMessageModel::ChatMessageModel(QObject *parent) : QAbstractListModel(parent) {}

void ChatMessageModel::reset(const agent::Conversation &conversation)
{
    beginResetModel();
    m_messages = conversation.messages;
    m_callRow.clear();
    m_latestInterrupt.clear();
    m_resultIsError.clear();
    for (qsizetype row = 0; row < m_messages.size(); ++row)
        remember(row);
    endResetModel();
    if (const int waiting = waitingCount(); waiting != m_waitingCount) {
        m_waitingCount = waiting;
        Q_EMIT waitingCountChanged();
    }
}

void ChatMessageModel::clear()
{
    reset({});
}

void ChatMessageModel::remember(qsizetype row)
{
    const Message &message = m_messages.at(row);
    switch (message.kind) {
    case Message::Kind::ToolCall:
        m_callRow.insert(message.callId, row);
        break;
    case Message::Kind::Interrupt:
        m_latestInterrupt.insert(message.callId, row);
        break;
    case Message::Kind::ToolResult:
        m_resultIsError.insert(message.callId, message.isError);
        break;
    case Message::Kind::User:
    case Message::Kind::Assistant:
        break;
    }
}

void ChatMessageModel::append(const agent::Message &message)
{
    const qsizetype row = m_messages.size();
    // What this message changes about earlier rows: the call's state, its previous interrupt.
    const qsizetype previousInterrupt = m_latestInterrupt.value(message.callId, -1);
    beginInsertRows({}, static_cast<int>(row), static_cast<int>(row));
    m_messages.append(message);
    remember(row);
    endInsertRows();
    if (message.kind == Message::Kind::ToolResult || message.kind == Message::Kind::Interrupt) {
        touch(m_callRow.value(message.callId, -1));
        touch(previousInterrupt);
    }
    if (const int waiting = waitingCount(); waiting != m_waitingCount) {
        m_waitingCount = waiting;
        Q_EMIT waitingCountChanged();
    }
}

void ChatMessageModel::touch(qsizetype row)
{
    if (row < 0 || row >= m_messages.size())
        return;
    const QModelIndex changed = index(static_cast<int>(row));
    Q_EMIT dataChanged(changed, changed);
}

bool ChatMessageModel::isOpen(qsizetype row) const
{
    const Message &message = m_messages.at(row);
    return message.kind == Message::Kind::Interrupt && !m_resultIsError.contains(message.callId) &&
           m_latestInterrupt.value(message.callId, -1) == row;
}

QString ChatMessageModel::callState(const agent::Message &call) const
{
    if (const auto result = m_resultIsError.constFind(call.callId); result != m_resultIsError.cend())
        return *result ? QStringLiteral("failed") : QStringLiteral("done");
    return m_latestInterrupt.contains(call.callId) ? QStringLiteral("waiting") : QStringLiteral("running");
}

int ChatMessageModel::waitingCount() const
{
    int waiting = 0;
    for (auto it = m_latestInterrupt.cbegin(); it != m_latestInterrupt.cend(); ++it)
        if (!m_resultIsError.contains(it.key()))
            ++waiting;
    return waiting;
}

int ChatMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QVariant ChatMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const qsizetype row = index.row();
    const Message &message = m_messages.at(row);
    const bool interrupt = message.kind == Message::Kind::Interrupt;
    const nlohmann::json &details = message.interrupt;
    switch (role) {
    case KindRole:
        return agent::kindName(message.kind);
    case TextRole:
        return rar::plainText(message.text);
    case ToolNameRole:
        return rar::displayText(message.toolName, kNameChars);
    case ArgumentsRole:
        return message.kind == Message::Kind::ToolCall ? argumentRows(message.arguments) : QVariantList();
    case ResultSummaryRole:
        return message.kind == Message::Kind::ToolResult ? resultSummary(message.result, message.isError)
                                                         : QString();
    case ResultViewRole:
        return message.kind == Message::Kind::ToolResult && !message.isError ? resultView(message.result)
                                                                             : QVariantMap();
    case IsErrorRole:
        return message.kind == Message::Kind::ToolResult && message.isError;
    case CallIdRole:
        return message.callId;
    case CallStateRole:
        return message.kind == Message::Kind::ToolCall ? callState(message) : QString();
    case OpenRole:
        return isOpen(row);
    case SupersededRole:
        return interrupt && m_latestInterrupt.value(message.callId, -1) != row;
    case InterruptTypeRole:
        return interrupt ? rar::displayText(jsonString(details, "type"), kNameChars) : QString();
    case BindingMessageRole:
        return interrupt ? rar::plainText(jsonString(details, "binding_message")) : QString();
    case UserCodeRole:
        return interrupt ? rar::displayText(jsonString(details, "user_code"), kNameChars) : QString();
    case VerificationUriRole:
        return interrupt ? webLink(jsonString(details, "verification_uri")) : QString();
    case VerificationUriCompleteRole:
        return interrupt ? webLink(jsonString(details, "verification_uri_complete")) : QString();
    case ConnectionRole:
        return interrupt ? rar::displayText(jsonString(details, "connection"), kNameChars) : QString();
    case ConnectionNameRole:
        return interrupt ? connectionName(jsonString(details, "connection")) : QString();
    case ConnectUriRole:
        return interrupt ? webLink(jsonString(details, "connect_uri")) : QString();
    case ExpiresAtRole: {
        const QDateTime at = interrupt ? expiry(details) : QDateTime();
        return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString();
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const
{
    return {{KindRole, "kind"},
            {TextRole, "text"},
            {ToolNameRole, "toolName"},
            {ArgumentsRole, "argumentRows"},
            {ResultSummaryRole, "resultSummary"},
            {ResultViewRole, "resultView"},
            {IsErrorRole, "isError"},
            {CallIdRole, "callId"},
            {CallStateRole, "callState"},
            {OpenRole, "open"},
            {SupersededRole, "superseded"},
            {InterruptTypeRole, "interruptType"},
            {BindingMessageRole, "bindingMessage"},
            {UserCodeRole, "userCode"},
            {VerificationUriRole, "verificationUri"},
            {VerificationUriCompleteRole, "verificationUriComplete"},
            {ConnectionRole, "connection"},
            {ConnectionNameRole, "connectionName"},
            {ConnectUriRole, "connectUri"},
            {ExpiresAtRole, "expiresAt"}};
}

} // namespace countersign::gui
