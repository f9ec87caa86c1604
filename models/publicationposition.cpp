#include "publicationposition.h"

#include <QJsonValue>

namespace {

// A cursor over JSON text that was validated before (FastClassifier): it only needs to find the structure, and
// gives up (returns false) on anything it does not expect rather than guess.
class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    char peek()
    {
        skipSpace();
        return m_p < m_end ? *m_p : '\0';
    }

    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }

    // At a '"': the string's bytes between the quotes, and whether they contain an escape.
    bool string(QByteArrayView *content, bool *escaped)
    {
        if (peek() != '"')
            return false;
        const char *start = ++m_p;
        bool esc = false;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                *content = QByteArrayView(start, m_p - start);
                *escaped = esc;
                ++m_p;
                return true;
            }
            if (c == '\\') {
                esc = true;
                m_p += 2;
                continue;
            }
            ++m_p;
        }
        return false;
    }

    // A number or literal: the bytes up to the next delimiter.
    QByteArrayView scalar()
    {
        skipSpace();
        const char *start = m_p;
        while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ' ' && *m_p != '\t' &&
               *m_p != '\n' && *m_p != '\r')
            ++m_p;
        return QByteArrayView(start, m_p - start);
    }

    bool skipValue()
    {
        const char c = peek();
        if (c == '"') {
            QByteArrayView ignored;
            bool escaped = false;
            return string(&ignored, &escaped);
        }
        if (c != '{' && c != '[')
            return !scalar().isEmpty();
        int depth = 0;
        while (m_p < m_end) {
            const char b = *m_p;
            if (b == '"') {
                QByteArrayView ignored;
                bool escaped = false;
                if (!string(&ignored, &escaped))
                    return false;
                continue;
            }
            if (b == '{' || b == '[') {
                ++depth;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    ++m_p;
                    return true;
                }
            }
            ++m_p;
        }
        return false;
    }

    // Walks the members of the object at the cursor; member(key) reads or skips the value and returns false to
    // give up. Keys with escapes give up too: they could spell a key we look for.
    template <typename Member> bool object(Member member)
    {
        if (!eat('{'))
            return false;
        if (eat('}'))
            return true;
        for (;;) {
            QByteArrayView key;
            bool escaped = false;
            if (!string(&key, &escaped) || escaped || !eat(':') || !member(key))
                return false;
            if (eat(','))
                continue;
            return eat('}');
        }
    }

private:
    const char *m_p;
    const char *m_end;
};

// The pub object's offset value, as PublicationPosition::offsetFromJson() reads it. False when only the full parser can
// tell.
bool readOffset(Cursor &c, quint64 *offset)
{
    const char first = c.peek();
    if (first == '"') {
        QByteArrayView text;
        bool escaped = false;
        if (!c.string(&text, &escaped) || escaped)
            return false;
        *offset = QString::fromUtf8(text).toULongLong();
        return true;
    }
    if (first == '{' || first == '[') {
        *offset = 0; // not a number: toDouble() gives 0
        return c.skipValue();
    }
    const QByteArrayView number = c.scalar();
    if (number.isEmpty())
        return false;
    if (number.front() == '-' || number == "true" || number == "false" || number == "null") {
        *offset = 0; // not positive, or not a number
        return true;
    }
    // Whole numbers a double holds exactly (up to 15 digits); fractions, exponents and longer numbers round.
    if (number.size() > 15)
        return false;
    quint64 value = 0;
    for (const char d : number) {
        if (d < '0' || d > '9')
            return false;
        value = value * 10 + quint64(d - '0');
    }
    *offset = value;
    return true;
}

bool readEpoch(Cursor &c, PublicationPosition *out)
{
    out->hasEpoch = true;
    if (c.peek() != '"') {
        out->epoch = QString(); // QJsonValue::toString() of anything but a string
        return c.skipValue();
    }
    QByteArrayView text;
    bool escaped = false;
    if (!c.string(&text, &escaped) || escaped)
        return false;
    out->epoch = QString::fromUtf8(text);
    return true;
}

} // namespace

bool PublicationPosition::scan(QByteArrayView json, PublicationPosition *out)
{
    *out = PublicationPosition();
    Cursor c(json);
    bool seenPush = false;
    const bool ok = c.object([&](QByteArrayView key) {
        if (key != "push")
            return c.skipValue();
        if (seenPush)
            return false; // duplicate keys: which one counts is the parser's business
        seenPush = true;
        if (c.peek() != '{')
            return c.skipValue(); // not an object: no pub in it
        bool seenPub = false;
        return c.object([&](QByteArrayView pushKey) {
            if (pushKey != "pub")
                return c.skipValue();
            if (seenPub)
                return false;
            seenPub = true;
            if (c.peek() != '{')
                return c.skipValue();
            bool seenOffset = false;
            return c.object([&](QByteArrayView pubKey) {
                if (pubKey == "offset") {
                    if (seenOffset)
                        return false;
                    seenOffset = true;
                    return readOffset(c, &out->offset);
                }
                if (pubKey == "epoch") {
                    if (out->hasEpoch)
                        return false;
                    return readEpoch(c, out);
                }
                return c.skipValue();
            });
        });
    });
    return ok && c.peek() == '\0';
}

PublicationPosition PublicationPosition::fromJson(const QJsonObject &message)
{
    const QJsonObject pub = message.value(QLatin1String("push")).toObject().value(QLatin1String("pub")).toObject();
    PublicationPosition p;
    p.offset = PublicationPosition::offsetFromJson(pub.value(QLatin1String("offset")));
    p.hasEpoch = pub.contains(QLatin1String("epoch"));
    if (p.hasEpoch)
        p.epoch = pub.value(QLatin1String("epoch")).toString();
    return p;
}

PublicationPosition PublicationPosition::of(const ProtocolMessage &push)
{
    PublicationPosition p;
    if (push.rawIsValidatedJson() && scan(push.raw, &p))
        return p;
    return fromJson(push.json());
}

quint64 PublicationPosition::offsetFromJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toULongLong();
    const double d = value.toDouble();
    return d > 0 ? quint64(d) : 0;
}
