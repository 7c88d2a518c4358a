#include "KnownTypes.h"

#include <array>

namespace countersign::rar::detail {

const KnownType *findKnownType(std::string_view type)
{
    static const std::array<KnownType, 3> types{{
        {"trade_authorization", tradeAuthorizationTitle, presentTradeAuthorization},
        {"payment_initiation", paymentInitiationTitle, presentPaymentInitiation},
        {"account_information", accountInformationTitle, presentAccountInformation},
    }};
    for (const KnownType &known : types) {
        if (known.type == type)
            return &known;
    }
    return nullptr;
}

} // namespace countersign::rar::detail
