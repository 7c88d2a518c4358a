#pragma once

// Internal to rar/: the authorization_details types shown with a labelled layout.
//
// To add a type: write a present function in its own file (see TradeAuthorization.cpp) that returns
// std::nullopt unless the detail has exactly the expected form (hasOnlyKeys() and a check of every
// field), then list it in KnownTypes.cpp. Its Section::summary may hold unsanitized, uncut pieces
// of bounded size (use textPrefix()); present() sanitizes and cuts it.

#include "Presentation.h"

#include <optional>
#include <string_view>

namespace countersign::rar::detail {

struct KnownType
{
    std::string_view type;
    QString (*title)();
    std::optional<Section> (*present)(const nlohmann::json &detail, const QLocale &locale);
};

// The known type called `type` (compared byte for byte), or nullptr.
const KnownType *findKnownType(std::string_view type);

QString tradeAuthorizationTitle();
std::optional<Section> presentTradeAuthorization(const nlohmann::json &detail, const QLocale &locale);

QString paymentInitiationTitle();
std::optional<Section> presentPaymentInitiation(const nlohmann::json &detail, const QLocale &locale);

QString accountInformationTitle();
std::optional<Section> presentAccountInformation(const nlohmann::json &detail, const QLocale &locale);

} // namespace countersign::rar::detail
