#include "ProviderMetadata.h"

#include "common/Json.h"
#include "config/ProviderConfig.h"
#include "oauth/OAuthErrors.h"

#include <QCoreApplication>

namespace countersign::oauth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProviderMetadata)
};

Error invalid(const QString &message)
{
    return {errors::discoveryInvalid, message};
}

// Reads a required or optional endpoint URL. Empty result with no error = optional and absent.
Result<QUrl> endpoint(const nlohmann::json &json, const char *name, bool required)
{
    const QString field = QString::fromLatin1(name);
    if (!json.contains(name)) {
        if (required)
            return invalid(Tr::tr("The provider's discovery document has no \"%1\".").arg(field));
        return QUrl();
    }
    if (!json[name].is_string())
        return invalid(
            Tr::tr("The provider's discovery document has a \"%1\" that is not a string.").arg(field));
    const QUrl url(QString::fromStdString(json[name].get<std::string>()), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return invalid(Tr::tr("The provider's \"%1\" is not a valid absolute URL.").arg(field));
    if (!config::isSecureOrLoopback(url))
        return invalid(
            Tr::tr("The provider's \"%1\" (%2) does not use https.").arg(field, url.toDisplayString()));
    return url;
}

Result<QStringList> stringList(const nlohmann::json &json, const char *name)
{
    QStringList out;
    if (!json.contains(name))
        return out;
    if (!json[name].is_array())
        return invalid(Tr::tr("The provider's \"%1\" is not a list.").arg(QString::fromLatin1(name)));
    for (const auto &item : json[name]) {
        if (!item.is_string())
            return invalid(Tr::tr("The provider's \"%1\" contains a value that is not a string.")
                               .arg(QString::fromLatin1(name)));
        out << QString::fromStdString(item.get<std::string>());
    }
    return out;
}

} // namespace

QUrl ProviderMetadata::discoveryUrl(const QUrl &issuer)
{
    QUrl url = issuer;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/.well-known/openid-configuration"));
    return url;
}

Result<ProviderMetadata> ProviderMetadata::fromJson(const nlohmann::json &json, const QUrl &expectedIssuer)
{
    if (!json.is_object())
        return invalid(Tr::tr("The provider's discovery document is not a JSON object."));
    if (!json.contains("issuer") || !json["issuer"].is_string())
        return invalid(Tr::tr("The provider's discovery document has no \"issuer\"."));
    const QString issuer = QString::fromStdString(json["issuer"].get<std::string>());
    if (issuer != expectedIssuer.toString())
        return Error{
            QStringLiteral("discovery_issuer_mismatch"),
            Tr::tr("The provider calls itself \"%1\", not \"%2\". Check the issuer URL (including any "
                   "trailing slash).")
                .arg(issuer, expectedIssuer.toString())};

    ProviderMetadata metadata;
    metadata.issuer = expectedIssuer;
    struct Field
    {
        const char *name;
        bool required;
        QUrl ProviderMetadata::*member;
    };
    static constexpr Field fields[] = {
        {"authorization_endpoint", true, &ProviderMetadata::authorizationEndpoint},
        {"token_endpoint", true, &ProviderMetadata::tokenEndpoint},
        {"jwks_uri", true, &ProviderMetadata::jwksUri},
        {"userinfo_endpoint", false, &ProviderMetadata::userinfoEndpoint},
        {"revocation_endpoint", false, &ProviderMetadata::revocationEndpoint},
        {"end_session_endpoint", false, &ProviderMetadata::endSessionEndpoint},
        {"backchannel_authentication_endpoint", false, &ProviderMetadata::backchannelAuthenticationEndpoint},
        {"device_authorization_endpoint", false, &ProviderMetadata::deviceAuthorizationEndpoint},
        {"countersign_approvals_endpoint", false, &ProviderMetadata::approvalsEndpoint},
        {"countersign_device_endpoint", false, &ProviderMetadata::deviceApproverEndpoint},
        {"countersign_fga_api_url", false, &ProviderMetadata::fgaApiUrl},
        {"countersign_connect_endpoint", false, &ProviderMetadata::connectEndpoint},
        {"countersign_demo_apis_url", false, &ProviderMetadata::demoApisUrl},
    };
    for (const Field &field : fields) {
        auto url = endpoint(json, field.name, field.required);
        if (!url)
            return url.error();
        metadata.*(field.member) = url.value();
    }

    metadata.fgaStoreId = jsonString(json, "countersign_fga_store_id");
    if (json.contains("countersign_approvals_resource")) {
        if (!json["countersign_approvals_resource"].is_string())
            return invalid(Tr::tr("The provider's \"countersign_approvals_resource\" is not a string."));
        metadata.approvalsResource =
            QString::fromStdString(json["countersign_approvals_resource"].get<std::string>());
    }

    auto responseTypes = stringList(json, "response_types_supported");
    if (!responseTypes)
        return responseTypes.error();
    if (!responseTypes->contains(QStringLiteral("code")))
        return invalid(Tr::tr("The provider does not support the authorization code flow."));

    auto methods = stringList(json, "code_challenge_methods_supported");
    if (!methods)
        return methods.error();
    // Absent means "not advertised", which many providers do while still supporting PKCE.
    if (!methods->isEmpty() && !methods->contains(QStringLiteral("S256")))
        return invalid(Tr::tr("The provider does not support PKCE with S256, which Countersign requires."));
    metadata.codeChallengeMethods = methods.value();

    auto algorithms = stringList(json, "id_token_signing_alg_values_supported");
    if (!algorithms)
        return algorithms.error();
    metadata.idTokenSigningAlgorithms = algorithms.value();
    return metadata;
}

} // namespace countersign::oauth
