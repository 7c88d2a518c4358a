#include "UserCode.h"

#include "device/DeviceErrors.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace countersign::device {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UserCode)
};

// RFC 8628 §6.1 recommends 8 characters of a 20-letter alphabet; providers vary a little.
constexpr qsizetype kMinLength = 4;
constexpr qsizetype kMaxLength = 16;

Error invalidCode()
{
    return {errors::invalidCode,
            Tr::tr("That is not a device code. A code has letters and perhaps digits, like WDJB-MJHT.")};
}

bool looksLikeLink(const QString &input)
{
    return input.startsWith(u"https://", Qt::CaseInsensitive) ||
           input.startsWith(u"http://", Qt::CaseInsensitive);
}

} // namespace

Result<UserCode> UserCode::parse(const QString &input)
{
    const QString trimmed = input.trimmed();
    UserCode result;
    QString raw = trimmed;
    if (looksLikeLink(trimmed)) {
        result.link = QUrl(trimmed, QUrl::TolerantMode);
        if (!result.link.isValid() || result.link.host().isEmpty())
            return Error{errors::invalidCode, Tr::tr("That link is not a valid web address.")};
        raw = QUrlQuery(result.link).queryItemValue(QStringLiteral("user_code"), QUrl::FullyDecoded);
        if (raw.isEmpty())
            return Error{errors::noCodeInLink,
                         Tr::tr("That link has no code in it. Type the code the device shows instead.")};
    }
    for (const QChar c : raw) {
        if (c.isSpace() || c == u'-')
            continue;
        if (c.unicode() > 127 || !c.isLetterOrNumber())
            return invalidCode();
        result.code += c.toUpper();
    }
    if (result.code.size() < kMinLength || result.code.size() > kMaxLength)
        return invalidCode();
    return result;
}

QString UserCode::display(const QString &code)
{
    return code.size() == 8 ? code.left(4) + u'-' + code.mid(4) : code;
}

} // namespace countersign::device
