#include "PlainText.h"

#include <QChar>

namespace countersign::rar {

namespace {

constexpr char16_t kReplacementCharacter = 0xFFFD;
constexpr char16_t kReturnSymbol = 0x23CE; // ⏎
constexpr char16_t kEllipsis = 0x2026;     // …
constexpr char16_t kMarkerOpen = 0x27E8;   // ⟨
constexpr char16_t kMarkerClose = 0x27E9;  // ⟩

// Invisible code points outside category Cf that can still hide or fake text: the combining grapheme
// joiner, Hangul and Khmer fillers, Mongolian variation selectors, and the tag/variation-selector
// supplement planes (tag characters smuggle invisible ASCII).
bool isInvisibleFiller(char32_t cp)
{
    return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
           (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

bool needsMarker(char32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return true;
    return QChar::category(cp) == QChar::Other_Format || isInvisibleFiller(cp);
}

// Calls emit(piece, codePoints) for each piece of sanitized output, in order, until emit returns false.
template <typename Emit> void forEachPiece(QStringView raw, bool singleLine, Emit &&emit)
{
    static const QString newline = QStringLiteral("\n");
    static const QString returnSymbol = QString(QChar(kReturnSymbol));
    static const QString space = QStringLiteral(" ");
    static const QString replacement = QString(QChar(kReplacementCharacter));
    const QString &lineBreak = singleLine ? returnSymbol : newline;
    QString marker;

    const qsizetype size = raw.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = raw[i].unicode();
        char32_t cp = unit;
        qsizetype width = 1;
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(raw[i + 1].unicode())) {
            cp = QChar::surrogateToUcs4(unit, raw[i + 1].unicode());
            width = 2;
        } else if (QChar::isSurrogate(unit)) {
            if (!emit(QStringView(replacement), 1))
                return;
            continue;
        }

        bool more = true;
        if (cp == u'\r') {
            if (i + 1 < size && raw[i + 1] == u'\n')
                ++i;
            more = emit(QStringView(lineBreak), 1);
        } else if (cp == u'\n' || cp == 0x2028 || cp == 0x2029) {
            more = emit(QStringView(lineBreak), 1);
        } else if (cp == u'\t') {
            more = emit(QStringView(space), 1);
        } else if (needsMarker(cp)) {
            const QString hex = QString::number(uint(cp), 16).toUpper().rightJustified(4, u'0');
            marker = QChar(kMarkerOpen) + QStringLiteral("U+") + hex + QChar(kMarkerClose);
            more = emit(QStringView(marker), int(hex.size()) + 4);
        } else {
            more = emit(raw.mid(i, width), 1);
        }
        if (!more)
            return;
        i += width - 1;
    }
}

} // namespace

QString plainText(QStringView raw)
{
    QString out;
    out.reserve(raw.size());
    forEachPiece(raw, false, [&out](QStringView piece, int) {
        out += piece;
        return true;
    });
    return out;
}

QString displayText(QStringView raw, int maxChars, bool *truncated)
{
    QString out;
    bool cut = false;
    if (maxChars <= 0) {
        cut = !raw.isEmpty();
    } else {
        qsizetype count = 0;
        qsizetype keep = 0; // length of `out` at the last piece boundary that leaves room for "…"
        out.reserve(qMin(raw.size(), qsizetype(maxChars) * 2));
        forEachPiece(raw, true, [&](QStringView piece, int codePoints) {
            if (count + codePoints > maxChars) {
                cut = true;
                return false;
            }
            out += piece;
            count += codePoints;
            if (count < maxChars)
                keep = out.size();
            return true;
        });
        if (cut) {
            out.truncate(keep);
            out += QChar(kEllipsis);
        }
    }
    if (truncated)
        *truncated = cut;
    return out;
}

QString escapedJson(QStringView json)
{
    QString out;
    out.reserve(json.size());
    const auto escape = [&out](char16_t unit) {
        out += QStringLiteral("\\u") + QString::number(uint(unit), 16).rightJustified(4, u'0');
    };
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = json[i].unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(json[i + 1].unicode())) {
            const char16_t low = json[i + 1].unicode();
            if (needsMarker(QChar::surrogateToUcs4(unit, low))) {
                escape(unit);
                escape(low);
            } else {
                out += json.mid(i, 2);
            }
            ++i;
        } else if (QChar::isSurrogate(unit)) {
            escape(kReplacementCharacter);
        } else if (unit >= 0x20 && (needsMarker(unit) || unit == 0x2028 || unit == 0x2029)) {
            escape(unit);
        } else {
            out += QChar(unit);
        }
    }
    return out;
}

} // namespace countersign::rar
