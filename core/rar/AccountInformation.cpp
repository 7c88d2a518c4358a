// "account_information": access to bank accounts as in RFC 9396 §2,
// {actions: [...], locations?: [...], datatypes?, identifier?, privileges?}.

#include "GenericTree.h"
#include "KnownTypes.h"

#include <QCoreApplication>

namespace countersign::rar::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rar)
};

using nlohmann::json;

QString accountAction(std::string_view action)
{
    if (action == "list_accounts")
        return Tr::tr("list your accounts");
    if (action == "read_balances")
        return Tr::tr("see your balances");
    if (action == "read_transactions")
        return Tr::tr("see your transactions");
    return {};
}

} // namespace

QString accountInformationTitle()
{
    return Tr::tr("Account information");
}

std::optional<Section> presentAccountInformation(const json &detail, const QLocale &)
{
    // Only the common fields; hasOnlyKeys() checks their form.
    const json *actions = optionalMember(detail, "actions");
    if (!hasOnlyKeys(detail, {}) || !actions || actions->empty())
        return std::nullopt;

    Section section;
    section.type = QStringLiteral("account_information");
    section.title = accountInformationTitle();
    section.known = true;
    appendCommonFields(section.fields, detail, accountAction);
    section.summary =
        Tr::tr("Account information: %1")
            .arg(joinedStrings(*actions, accountAction, 2 * qsizetype(limits::summaryChars) + 2));
    return section;
}

} // namespace countersign::rar::detail
