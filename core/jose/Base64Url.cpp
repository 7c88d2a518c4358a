#include "jose/Base64Url.h"

#include <array>

namespace countersign::jose {

namespace {

constexpr int kInvalid = -1;

constexpr std::array<int, 256> makeDecodeTable()
{
    std::array<int, 256> table{};
    table.fill(kInvalid);
    constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = i;
    return table;
}

constexpr std::array<int, 256> kDecodeTable = makeDecodeTable();

} // namespace

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    // A single character left over would carry only 6 of a byte's 8 bits.
    if (text.size() % 4 == 1)
        return std::nullopt;

    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 pending = 0;
    int pendingBits = 0;
    for (const char c : text) {
        const int value = kDecodeTable[static_cast<unsigned char>(c)];
        if (value == kInvalid)
            return std::nullopt;
        pending = (pending << 6) | static_cast<quint32>(value);
        pendingBits += 6;
        if (pendingBits >= 8) {
            pendingBits -= 8;
            out.append(static_cast<char>((pending >> pendingBits) & 0xFF));
            pending &= (1u << pendingBits) - 1;
        }
    }
    if (pending != 0)
        return std::nullopt; // non-canonical: leftover bits must be zero
    return out;
}

} // namespace countersign::jose
