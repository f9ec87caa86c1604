#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// The one hand-written JSON scanner of the project: a forward-only cursor over JSON text that never allocates,
// for the fast paths that must not build a QJsonDocument per message (FastClassifier, the recording reader,
// PublicationPosition, JsonText). Every method returns false when the text is not what it expects, and the caller
// then leaves the text to a full parser: a fast path may give up, never guess.
//
// Check::Strict validates as RFC 8259 does, and also gives up on what parsers may read differently (numbers of
// more than 15 significant digits or a three-digit exponent, nesting deeper than kMaxStrictDepth). Check::Structure
// is for text already known to be valid JSON: it only finds where values begin and end.
class JsonScanner
{
public:
    enum class Check { Strict, Structure };

    // The value of a hexadecimal digit, -1 for any other byte.
    static int hexDigit(char c);

    // Where a value stands in the text. For a string, the bytes between its quotes; for anything else, the whole
    // value (brackets included).
    struct Span
    {
        const char *begin = nullptr;
        const char *end = nullptr;
        bool escaped = false;  // a string with a backslash escape
        bool isString = false; // the span is a string's content, without the quotes
        bool isSet() const { return begin != nullptr; }
        QByteArrayView view() const { return QByteArrayView(begin, end - begin); }
        // The value as written, quotes included.
        QByteArrayView text() const { return isString ? QByteArrayView(begin - 1, end - begin + 2) : view(); }
        bool isNumber() const
        {
            return isSet() && !isString && begin < end && (*begin == '-' || (*begin >= '0' && *begin <= '9'));
        }
    };

    static constexpr int kMaxStrictDepth = 64;
    // Parsers' own limit (QJsonDocument's): deeper text is not valid JSON for us either.
    static constexpr int kMaxDepth = 1024;

    explicit JsonScanner(QByteArrayView text, Check check = Check::Strict)
        : p(text.data())
        , m_end(text.data() + text.size())
        , m_strict(check == Check::Strict)
    {
    }

    // The cursor; callers may read *p when !atEnd().
    const char *p;

    bool atEnd() const { return p >= m_end; }
    const char *end() const { return m_end; }

    void skipSpace()
    {
        // Compact JSON has no white space between tokens: one test settles the common case.
        while (p < m_end && static_cast<unsigned char>(*p) <= ' ' &&
               (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
            if (*p != ' ' && *p != '\t')
                m_lineBreaks = true;
            ++p;
        }
    }
    // Whether white space skipped since the last clearLineBreaks() held a line break. In Check::Strict text there
    // is no other place for one (strings escape them): a value scanned without one fits on one line.
    bool sawLineBreaks() const { return m_lineBreaks; }
    void clearLineBreaks() { m_lineBreaks = false; }
    // The next byte after white space, or '\0' at the end.
    char peek()
    {
        skipSpace();
        return p < m_end ? *p : '\0';
    }
    // Skips white space and then c.
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++p;
        return true;
    }

    // p at '"': its content (see Span).
    bool string(Span *content);
    // A string without escapes (the keys and names a fast path looks for).
    bool plainString(QByteArrayView *content)
    {
        Span s;
        if (peek() != '"' || !string(&s) || s.escaped)
            return false;
        *content = s.view();
        return true;
    }
    // p at any value (no white space before it); *span (if given) where it stands.
    bool value(int depth, Span *span);
    // One value without validating it, in either mode: for members a fast path does not read.
    bool skipValue(Span *span = nullptr);
    // The characters a JSON number can be made of, after white space; not validated (from_chars does that).
    QByteArrayView numberText();
    bool literal(const char *word, int n);

    // p at '{'. For each member, scanValue(key) is called with p at the member's value (after white space) and
    // must scan it (value(), skipValue(), or object() to look inside); it returns false to give up.
    template <typename ScanValue> bool members(int depth, ScanValue &&scanValue)
    {
        if (depth > maxDepth())
            return false;
        ++p;
        skipSpace();
        if (p < m_end && *p == '}') {
            ++p;
            return true;
        }
        while (p < m_end) {
            if (*p != '"')
                return false;
            Span key;
            if (!string(&key))
                return false;
            skipSpace();
            if (p >= m_end || *p != ':')
                return false;
            ++p;
            skipSpace();
            if (!scanValue(key))
                return false;
            const int next = afterElement('}');
            if (next != 0)
                return next > 0;
        }
        return false;
    }

    // p at '{'. onMember(key, value) for each member; onMember returns false to give up.
    template <typename OnMember> bool object(int depth, OnMember &&onMember)
    {
        return members(depth, [&](const Span &key) {
            Span v;
            return value(depth, &v) && onMember(key, v);
        });
    }

    // p at '['. onElement(value) for each element; onElement returns false to give up.
    template <typename OnElement> bool array(int depth, OnElement &&onElement)
    {
        if (depth > maxDepth())
            return false;
        ++p;
        skipSpace();
        if (p < m_end && *p == ']') {
            ++p;
            return true;
        }
        while (p < m_end) {
            Span v;
            if (!value(depth, &v) || !onElement(v))
                return false;
            const int next = afterElement(']');
            if (next != 0)
                return next > 0;
        }
        return false;
    }

    // True when text is exactly one JSON object (surrounding white space allowed) that the strict check accepts.
    static bool isJsonObject(QByteArrayView text);
    // Integer digits only (no fraction, no exponent), at most maxDigits of them; false when the text is anything
    // else, so that the caller can leave it to a full parser.
    static bool plainInteger(QByteArrayView text, bool *negative, quint64 *magnitude, int maxDigits);
    // Unescapes a string's content (as string() gives it) to UTF-8 at dst, which has room for text.size() bytes
    // (unescaping only shrinks). Returns the end of the output, or nullptr for an escape a full parser should
    // judge (unknown escapes, lone surrogates).
    static char *unescape(QByteArrayView text, char *dst);

private:
    int maxDepth() const { return m_strict ? kMaxStrictDepth : kMaxDepth; }
    // After an element: ',' means another follows (0), `closer` ends the container (1), anything else is an
    // error (-1).
    int afterElement(char closer);
    bool number();

    const char *m_end;
    bool m_strict;
    bool m_lineBreaks = false;
};
