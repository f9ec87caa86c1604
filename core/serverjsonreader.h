#pragma once

#include "serverjsonvalue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Reads JSON the way Centrifugo's JSON command decoder does (see docs/server-behaviour.md, "How the server reads
// a JSON frame"), not the way QJsonDocument does:
//   - white space is only space, tab, CR and LF; a byte-order mark is an error;
//   - the first value of the text is read and whatever follows it is ignored;
//   - no nesting limit; numbers of any size (1e400) are valid JSON; "\u" escapes need four hex digits, a lone
//     surrogate is accepted; control characters below 0x20 inside strings are errors; invalid UTF-8 is kept.
// Self-contained on purpose: a server-faithful reader must not change when the inspector's own JSON scanners do.
class ServerJsonReader
{
    Q_DECLARE_TR_FUNCTIONS(ServerJsonReader)

public:
    struct Result
    {
        bool ok = false;
        ServerJsonValue value;
        qsizetype errorOffset = 0; // byte offset of the problem when !ok
        QString error;             // translated, when !ok
    };

    // The first value of one line (the line's "\n" already removed).
    static Result read(const QByteArray &line);

    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    // Whether an object key names a field as the server matches it: exactly, or after case folding (ASCII letters
    // for an ASCII key; Unicode simple folding, with its surprises, for a key with any non-ASCII character).
    static bool keyMatches(const QByteArray &key, const char *field);

private:
    explicit ServerJsonReader(const QByteArray &data)
        : m_data(data)
    {
    }

    bool value(ServerJsonValue *out, int depth);
    bool skipValue(); // containers nested deeper than kept: checked without recursion
    bool string(QByteArray *decoded);
    bool memberName(QByteArray *decoded); // "name" and the ':' after it
    bool number();
    bool literal(const char *word);
    void skipSpaces();
    bool fail(qsizetype at, const QString &message);

    const QByteArray &m_data;
    qsizetype m_pos = 0;
    qsizetype m_errorOffset = 0;
    QString m_error;
};
