#pragma once

// RAII owners for the OpenSSL 3 objects jose uses. Internal to core/jose (and its tests):
// public jose headers only forward-declare EVP_PKEY.

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace countersign::jose::ossl {

template <auto free> struct Deleter
{
    template <typename T> void operator()(T *object) const { free(object); }
};

using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG_free>>;

// Keys are immutable once built and shared between copies of a JwkSet.
inline std::shared_ptr<EVP_PKEY> share(PKey key)
{
    return {key.release(), EVP_PKEY_free};
}

} // namespace countersign::jose::ossl
