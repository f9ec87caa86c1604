#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

// JSON text helpers that keep the key order as written. QJsonDocument sorts object keys, which changes what a user
// typed and what a token carries; these functions work on the text instead. Pure functions, safe on any input.
class JsonText
{
    Q_DECLARE_TR_FUNCTIONS(JsonText)

public:
    // True when text is one complete JSON value of any type (object, array, string, number, true, false, null),
    // with optional surrounding white space. On failure, *error (if given) says what is wrong and where.
    static bool isValid(const QByteArray &text, QString *error = nullptr);

    // Removes the white space between tokens, as Go's json.Compact does. With escapeHtml, '<', '>' and '&' inside
    // strings become \u003c, \u003e, \u0026 and U+2028/U+2029 become \u2028/\u2029, which is what Go's
    // json.Marshal does with a json.RawMessage. Escapes already in the text are kept as written.
    // The text must be valid (see isValid); invalid text gives an empty result.
    static QByteArray compact(const QByteArray &text, bool escapeHtml = false);

    // Re-indents valid JSON text with `indent` spaces per level, key order and escapes unchanged. Invalid text is
    // returned as it is.
    static QByteArray indent(const QByteArray &text, int indent = 2);

    // The exact text of one value inside valid JSON text (as isValid accepts it), without surrounding white space:
    // for an object, the value of its member `key` (the key written without escapes; the last one if repeated);
    // for an array, each element in order. Views into `text`. memberText gives an empty view when the member is
    // absent or text is not an object; elementTexts an empty list when text is not an array.
    static QByteArrayView memberText(QByteArrayView text, QByteArrayView key);
    static QList<QByteArrayView> elementTexts(QByteArrayView text);

    // A JSON string literal for value, escaped exactly as Go's encoding/json does by default (HTML-safe): '"' and
    // '\' with a backslash, \b \f \n \r \t, other control characters as \u00XX, '<' '>' '&' as \u003c \u003e
    // \u0026, U+2028/U+2029 as \u2028/\u2029, everything else as UTF-8. Lone surrogates become \ufffd.
    static QByteArray goQuote(const QString &value);
};
