// "payment_initiation": the payment of RFC 9396 §2 (and the Open Banking APIs it comes from),
// {instructedAmount: {amount, currency}, creditorName, creditorAccount?: {iban, bic?},
//  remittanceInformation?, remittanceInformationUnstructured?}.

#include "Formatting.h"
#include "GenericTree.h"
#include "KnownTypes.h"

#include <QCoreApplication>

#include <algorithm>

namespace countersign::rar::detail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rar)
};

using nlohmann::json;

QString paymentAction(std::string_view action)
{
    if (action == "initiate")
        return Tr::tr("start the payment");
    if (action == "status")
        return Tr::tr("check its status");
    if (action == "cancel")
        return Tr::tr("cancel it");
    return {};
}

bool hasOnlyMembers(const json &object, std::initializer_list<std::string_view> names)
{
    for (auto it = object.cbegin(); it != object.cend(); ++it) {
        if (std::find(names.begin(), names.end(), it.key()) == names.end())
            return false;
    }
    return true;
}

bool hasVisibleCharacter(const std::string &text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) > ' '; });
}

} // namespace

QString paymentInitiationTitle()
{
    return Tr::tr("Payment");
}

std::optional<Section> presentPaymentInitiation(const json &detail, const QLocale &locale)
{
    if (!hasOnlyKeys(detail, {"instructedAmount", "creditorName", "creditorAccount", "remittanceInformation",
                              "remittanceInformationUnstructured"}))
        return std::nullopt;

    const json *instructed = optionalMember(detail, "instructedAmount");
    if (!instructed || !instructed->is_object() || !hasOnlyMembers(*instructed, {"amount", "currency"}))
        return std::nullopt;
    const json *amountValue = optionalMember(*instructed, "amount");
    const json *currency = optionalMember(*instructed, "currency");
    const std::optional<Decimal> amount = amountValue ? decimalFromJson(*amountValue, true) : std::nullopt;
    if (!amount || !currency || !isCurrencyCode(*currency))
        return std::nullopt;

    // A name of nothing but spaces would make "Pay € 5.00 to " look complete.
    const json *creditor = optionalMember(detail, "creditorName");
    if (!creditor || !creditor->is_string() || !hasVisibleCharacter(creditor->get_ref<const std::string &>()))
        return std::nullopt;

    // The account is optional (a payee known by name to the payer's bank); when given it must be
    // a valid IBAN.
    const json *account = optionalMember(detail, "creditorAccount");
    if (account && (!account->is_object() || !hasOnlyMembers(*account, {"iban", "bic"})))
        return std::nullopt;
    const json *ibanValue = account ? optionalMember(*account, "iban") : nullptr;
    const std::optional<QString> iban = ibanValue ? ibanFromJson(*ibanValue) : std::nullopt;
    const json *bic = account ? optionalMember(*account, "bic") : nullptr;
    if ((account && !iban) || (bic && !isBic(*bic)))
        return std::nullopt;

    const json *reference = optionalMember(detail, "remittanceInformation");
    const json *unstructured = optionalMember(detail, "remittanceInformationUnstructured");
    if ((reference && !reference->is_string()) || (unstructured && !unstructured->is_string()))
        return std::nullopt;

    const QString amountText =
        formatAmount(*amount, utf8Text(currency->get_ref<const std::string &>()), locale);
    const std::string &creditorName = creditor->get_ref<const std::string &>();

    Section section;
    section.type = QStringLiteral("payment_initiation");
    section.title = paymentInitiationTitle();
    section.known = true;
    section.fields.append(makeField(Tr::tr("Amount"), amountText));
    section.fields.append(makeField(Tr::tr("Creditor"), utf8Text(creditorName)));
    if (iban)
        section.fields.append(makeField(Tr::tr("Creditor account"), maskIban(*iban)));
    if (bic)
        section.fields.append(
            makeField(Tr::tr("Creditor bank (BIC)"), utf8Text(bic->get_ref<const std::string &>())));
    for (const json *text : {reference, unstructured}) {
        if (text)
            section.fields.append(
                makeField(Tr::tr("Reference"), utf8Text(text->get_ref<const std::string &>())));
    }
    appendCommonFields(section.fields, detail, paymentAction);

    section.summary = Tr::tr("Pay %1 to %2").arg(amountText, textPrefix(creditorName, limits::summaryChars));
    return section;
}

} // namespace countersign::rar::detail
