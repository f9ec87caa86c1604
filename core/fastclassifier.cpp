#include "fastclassifier.h"

#include "sharedbytes.h"

#include "utf8.h"

#include "jsoncodec.h"

#include <algorithm>
#include <array>
#include <cstring>

using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

// Beyond this nesting the full parser decides (it has its own limit).
constexpr int kMaxDepth = 64;

// QByteArrayView's operator== calls out of line even when the sizes differ; keys are compared a lot.
inline bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && (a.isEmpty() || std::memcmp(a.data(), b.data(), size_t(a.size())) == 0);
}

struct Span
{
    const char *begin = nullptr;
    const char *end = nullptr;
    bool escaped = false;  // for strings: contains a backslash escape
    bool isString = false; // the span is a string's content (without the quotes)
    bool isSet() const { return begin != nullptr; }
    QByteArrayView view() const { return QByteArrayView(begin, end - begin); }
};

// A validating JSON scanner (RFC 8259) that never allocates. Anything it is not sure the full parser treats the
// same way (control characters, long numbers, deep nesting) makes it give up, never guess.
class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : p(begin)
        , m_end(end)
    {
    }

    const char *p;

    bool atEnd() const { return p == m_end; }

    void skipSpace()
    {
        // Compact JSON has no whitespace between tokens: one test settles the common case.
        while (p < m_end && static_cast<unsigned char>(*p) <= ' ' &&
               (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    }

    // p at '"'. content = the bytes between the quotes.
    bool string(Span *content)
    {
        ++p;
        const char *start = p;
        bool escaped = false;
        while (p < m_end) {
            p += Utf8::plainJsonStringRun(p, m_end - p);
            if (p >= m_end)
                break;
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                *content = {start, p, escaped, true};
                ++p;
                return true;
            }
            if (c == '\\') {
                escaped = true;
                if (++p >= m_end)
                    return false;
                switch (*p) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    ++p;
                    continue;
                case 'u':
                    if (m_end - p < 5)
                        return false;
                    for (int i = 1; i <= 4; ++i) {
                        const char h = p[i];
                        if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                            return false;
                    }
                    p += 5;
                    continue;
                default:
                    return false;
                }
            }
            if (c < 0x20)
                return false;
            if (c < 0x80) {
                ++p;
                continue;
            }
            if (!utf8Sequence())
                return false;
        }
        return false;
    }

    bool value(int depth, Span *span)
    {
        const char *start = p;
        bool ok = false;
        if (p >= m_end)
            return false;
        switch (*p) {
        case '{':
            ok = object(depth + 1, [](const Span &, const Span &) { return true; });
            break;
        case '[':
            ok = array(depth + 1);
            break;
        case '"': {
            Span s;
            ok = string(&s);
            if (ok && span) {
                *span = s;
                return true;
            }
            break;
        }
        case 't':
            ok = literal("true", 4);
            break;
        case 'f':
            ok = literal("false", 5);
            break;
        case 'n':
            ok = literal("null", 4);
            break;
        default:
            ok = number();
        }
        if (ok && span)
            *span = {start, p, false, false};
        return ok;
    }

    // p at '{'. For each member, scanValue(key) is called with p at the member's value and must scan it (with
    // value(), or object() to look inside); it returns false to give up.
    template <typename ScanValue> bool members(int depth, ScanValue &&scanValue)
    {
        if (depth > kMaxDepth)
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

    // p at '{'. onMember(key, value) for each member; value spans include quotes/braces except for strings,
    // whose span is the content (escaped set when it holds escapes). onMember returns false to give up.
    template <typename OnMember> bool object(int depth, OnMember &&onMember)
    {
        return members(depth, [&](const Span &key) {
            Span v;
            return value(depth, &v) && onMember(key, v);
        });
    }

private:
    bool array(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++p;
        skipSpace();
        if (p < m_end && *p == ']') {
            ++p;
            return true;
        }
        while (p < m_end) {
            if (!value(depth, nullptr))
                return false;
            const int next = afterElement(']');
            if (next != 0)
                return next > 0;
        }
        return false;
    }

    // After an element: ',' means another follows (0), `closer` ends the container (1), anything else is an
    // error (-1).
    int afterElement(char closer)
    {
        skipSpace();
        if (p >= m_end)
            return -1;
        if (*p == ',') {
            ++p;
            skipSpace();
            return 0;
        }
        if (*p == closer) {
            ++p;
            return 1;
        }
        return -1;
    }

    bool literal(const char *word, int n)
    {
        if (m_end - p < n || std::memcmp(p, word, size_t(n)) != 0)
            return false;
        p += n;
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // Numbers of at most 15 significant digits and a two-digit exponent: exactly representable or plainly
    // rounded by any parser; longer ones are left to the full parser.
    bool number()
    {
        if (p < m_end && *p == '-')
            ++p;
        if (p >= m_end)
            return false;
        int digits = 0;
        if (*p == '0') {
            ++p;
            digits = 1;
        } else if (isDigit(*p)) {
            while (p < m_end && isDigit(*p)) {
                ++p;
                ++digits;
            }
        } else {
            return false;
        }
        if (p < m_end && *p == '.') {
            ++p;
            if (p >= m_end || !isDigit(*p))
                return false;
            while (p < m_end && isDigit(*p)) {
                ++p;
                ++digits;
            }
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            int exp = 0;
            while (p < m_end && isDigit(*p)) {
                ++p;
                ++exp;
            }
            if (exp == 0 || exp > 2)
                return false;
        }
        return digits <= 15;
    }

    // Strict UTF-8 (no overlong forms, no surrogates, at most U+10FFFF); p at the lead byte.
    bool utf8Sequence()
    {
        const int len = Utf8::sequenceLength(reinterpret_cast<const unsigned char *>(p), m_end - p);
        p += len;
        return len > 0;
    }

    const char *m_end;
};

bool isNumber(const Span &v)
{
    return v.isSet() && !v.isString && v.begin < v.end && (*v.begin == '-' || (*v.begin >= '0' && *v.begin <= '9'));
}

// Integer digits only (no fraction, no exponent); false when the full parser must decide.
bool plainInteger(const Span &v, bool *negative, quint64 *magnitude, int maxDigits)
{
    const char *q = v.begin;
    *negative = q < v.end && *q == '-';
    if (*negative)
        ++q;
    const int digits = int(v.end - q);
    if (digits <= 0 || digits > maxDigits)
        return false;
    quint64 value = 0;
    for (; q < v.end; ++q) {
        if (*q < '0' || *q > '9')
            return false;
        value = value * 10 + quint64(*q - '0');
    }
    *magnitude = value;
    return true;
}

// QJsonValue::toDouble() semantics of JsonCodec's readId: 1..4294967295, else 0.
bool readId(const Span &v, quint32 *id)
{
    *id = 0;
    if (!isNumber(v))
        return true;
    bool negative = false;
    quint64 magnitude = 0;
    if (!plainInteger(v, &negative, &magnitude, 15)) {
        // A fraction or exponent: truncation rules of the double conversion are the full parser's business.
        return false;
    }
    if (!negative && magnitude > 0 && magnitude <= 4294967295ULL)
        *id = quint32(magnitude);
    return true;
}

// QJsonValue::toInt() semantics: the number when it is integral and fits, else 0.
bool readInt(const Span &v, int *out)
{
    *out = 0;
    if (!isNumber(v))
        return true;
    bool negative = false;
    quint64 magnitude = 0;
    if (!plainInteger(v, &negative, &magnitude, 9))
        return false;
    *out = negative ? -int(magnitude) : int(magnitude);
    return true;
}

// QJsonValue::toString() semantics: the text of a string, "" for anything else.
bool readString(const Span &v, QString *out)
{
    out->clear();
    if (!v.isSet() || !v.isString)
        return true;
    if (v.escaped)
        return false;
    *out = QString::fromUtf8(v.begin, v.end - v.begin);
    return true;
}

// A flood repeats one channel name: the last one decoded on this thread is shared instead of converted again.
bool readChannel(const Span &v, QString *out)
{
    if (!v.isSet() || !v.isString || v.escaped)
        return readString(v, out);
    thread_local QByteArray lastBytes;
    thread_local QString lastChannel = QLatin1String(""); // empty, not null: as QString::fromUtf8 gives it
    const QByteArrayView bytes = v.view();
    if (!sameBytes(bytes, lastBytes)) {
        lastBytes = bytes.toByteArray();
        lastChannel = QString::fromUtf8(bytes);
    }
    *out = lastChannel;
    return true;
}

struct MethodName
{
    QByteArrayView name;
    Method method;
};

const QList<MethodName> &methodNames()
{
    // allMethods() order: JsonCodec takes the first method present in this order.
    static const QList<MethodName> names = [] {
        QList<MethodName> out;
        for (Method m : Protocol::allMethods()) {
            const QLatin1String n = Protocol::methodName(m);
            out.append({QByteArrayView(n.data(), n.size()), m});
        }
        return out;
    }();
    return names;
}

struct PushName
{
    QByteArrayView name;
    PushType type;
};

const QList<PushName> &pushNames()
{
    // Alphabetical: JsonCodec takes the first push type among the object's keys, which QJsonObject sorts.
    static const QList<PushName> names = [] {
        QList<PushName> out;
        for (int t = int(PushType::Pub); t <= int(PushType::Refresh); ++t) {
            const QLatin1String n = Protocol::pushTypeName(PushType(t));
            out.append({QByteArrayView(n.data(), n.size()), PushType(t)});
        }
        std::sort(out.begin(), out.end(), [](const PushName &a, const PushName &b) { return a.name < b.name; });
        return out;
    }();
    return names;
}

// Reads code and a text field of a nested object ({"code":..,"reason":..} or {"code":..,"message":..}).
bool readCodeAndText(const Span &object, const char *textKey, int *code, QString *text)
{
    *code = 0;
    text->clear();
    if (!object.isSet() || object.isString || *object.begin != '{')
        return true;
    Span codeSpan;
    Span textSpan;
    const QByteArrayView textName(textKey);
    Scanner s(object.begin, object.end);
    const bool ok = s.object(1, [&](const Span &key, const Span &v) {
        if (key.escaped)
            return false;
        Span *target =
            sameBytes(key.view(), "code") ? &codeSpan : (sameBytes(key.view(), textName) ? &textSpan : nullptr);
        if (!target)
            return true;
        if (target->isSet())
            return false; // duplicate key: which one wins is the full parser's business
        *target = v;
        return true;
    });
    return ok && readInt(codeSpan, code) && readString(textSpan, text);
}

} // namespace

bool FastClassifier::classifyServerLine(QByteArrayView line, ProtocolMessage *m, const QByteArray *frame)
{
    const char *begin = line.data();
    Scanner s(begin, begin + line.size());
    s.skipSpace();
    if (s.atEnd() || *s.p != '{')
        return false;

    Span id;
    Span push;
    Span error;
    quint32 methods = 0; // bit i: methodNames()[i] present
    int members = 0;
    const QList<MethodName> &names = methodNames();
    // A push object is read in the same pass that validates it: its channel and the push type's body.
    Span channel;
    std::array<Span, 9> bodies;
    const QList<PushName> &pushes = pushNames();
    const auto onPushMember = [&](const Span &key, const Span &v) {
        if (key.escaped)
            return false;
        const QByteArrayView k = key.view();
        if (sameBytes(k, "channel")) {
            if (channel.isSet())
                return false;
            channel = v;
            return true;
        }
        for (qsizetype i = 0; i < pushes.size(); ++i) {
            if (sameBytes(k, pushes.at(i).name)) {
                if (bodies.at(size_t(i)).isSet())
                    return false;
                bodies[size_t(i)] = v;
                break;
            }
        }
        return true;
    };
    const bool ok = s.members(1, [&](const Span &key) {
        ++members;
        if (key.escaped)
            return false; // "\u0070ush" is "push" too
        const QByteArrayView k = key.view();
        if (sameBytes(k, "push") && !s.atEnd() && *s.p == '{') {
            if (push.isSet())
                return false;
            const char *start = s.p;
            if (!s.object(2, onPushMember))
                return false;
            push = {start, s.p, false, false};
            return true;
        }
        Span v;
        if (!s.value(1, &v))
            return false;
        Span *target = nullptr;
        if (sameBytes(k, "id"))
            target = &id;
        else if (sameBytes(k, "push"))
            target = &push;
        else if (sameBytes(k, "error"))
            target = &error;
        if (target) {
            if (target->isSet())
                return false;
            *target = v;
            return true;
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (sameBytes(k, names.at(i).name)) {
                if (methods & (1u << i))
                    return false;
                methods |= 1u << i;
                break;
            }
        }
        return true;
    });
    if (!ok)
        return false;
    s.skipSpace();
    if (!s.atEnd())
        return false;

    *m = ProtocolMessage();
    if (!readId(id, &m->id))
        return false;
    m->raw = frame ? SharedBytes::slice(*frame, line) : line.toByteArray();

    if (members == 0) {
        m->kind = MessageKind::Ping;
        return true;
    }
    if (push.isSet()) {
        m->kind = MessageKind::Push;
        if (push.isString || *push.begin != '{')
            return true; // not an object: JsonCodec reads it as {}
        if (!readChannel(channel, &m->channel))
            return false;
        for (qsizetype i = 0; i < pushes.size(); ++i) {
            if (bodies.at(size_t(i)).isSet()) {
                m->push = pushes.at(i).type;
                if (m->push == PushType::Unsubscribe || m->push == PushType::Disconnect)
                    return readCodeAndText(bodies.at(size_t(i)), "reason", &m->code, &m->text);
                break;
            }
        }
        return true;
    }
    if (error.isSet()) {
        m->kind = MessageKind::Error;
        return readCodeAndText(error, "message", &m->code, &m->text);
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (methods & (1u << i)) {
            m->method = names.at(i).method;
            break;
        }
    }
    if (m->id == 0 && m->method == Method::Connect) {
        m->kind = MessageKind::Push;
        m->push = PushType::Connect;
        return true;
    }
    m->kind = (m->id == 0 && m->method == Method::None) ? MessageKind::Ping : MessageKind::Reply;
    return true;
}

bool FastClassifier::isJsonObject(QByteArrayView text)
{
    Scanner s(text.data(), text.data() + text.size());
    s.skipSpace();
    if (s.atEnd() || *s.p != '{')
        return false;
    if (!s.value(0, nullptr))
        return false;
    s.skipSpace();
    return s.atEnd();
}
