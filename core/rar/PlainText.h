#pragma once

#include <QString>
#include <QStringView>

namespace countersign::rar {

// Text from a server made safe to show: with Text.PlainText in QML, and in a terminal (everything
// countersign-cli prints passes through plainText(), see cli/Console.h). The one sanitizer for
// server text: every other function in rar/ builds on these two, so all text it hands out has the
// same guarantees:
// - markup stays literal (nothing is removed or interpreted: "<b>" is four characters);
// - control characters (C0, DEL, C1), every invisible format character (Unicode category Cf: bidi
//   embeddings, overrides, isolates and marks, zero-width spaces and joiners, BOM, tag characters, …)
//   and other default-ignorable fillers are replaced by a visible marker such as "⟨U+202E⟩", so a
//   person sees that something odd is there and the text direction cannot be flipped;
// - lone surrogates (and, upstream, invalid UTF-8) become U+FFFD;
// - line breaks (CR LF, CR, U+2028, U+2029) become "\n"; a tab becomes a space.

// The sanitized text, complete (may keep "\n").
QString plainText(QStringView raw);

// The sanitized text on one line ("\n" shown as "⏎"), cut to at most `maxChars` code points with a
// final "…" when longer. A marker is never cut in half. Sets *truncated when it cut.
QString displayText(QStringView raw, int maxChars, bool *truncated = nullptr);

// JSON text as a JSON writer produced it (nlohmann's dump()), with every character that plainText()
// would not show as itself written as a \u escape instead (UTF-16 pairs above U+FFFF), and the
// line and paragraph separators too: the same JSON value for any reader, and nothing in the text
// that a terminal acts on or that hides text. C0 characters are left as they are: a writer escapes
// them inside strings, so any left are the layout's own line breaks.
QString escapedJson(QStringView json);

} // namespace countersign::rar
