#include "recordlineparser.h"

#include "framerecord.h"
#include "jsoncodec.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

// A forward-only scanner over one line. Every method returns false when the text is not what the fast path
// expects; the caller then falls back to the full reader, which also produces the error message.
struct Scanner
{
    const char *p;
    const char *end;

    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            ++p;
    }

    bool consume(char c)
    {
        skipSpace();
        if (p >= end || *p != c)
            return false;
        ++p;
        return true;
    }

    // A key without escapes (all keys of the format are plain ASCII).
    bool key(QByteArrayView *out)
    {
        if (!consume('"'))
            return false;
        const char *start = p;
        while (p < end && *p != '"') {
            if (*p == '\\')
                return false;
            ++p;
        }
        if (p >= end)
            return false;
        *out = QByteArrayView(start, p - start);
        ++p;
        return consume(':');
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned *v)
    {
        if (end - p < 4)
            return false;
        unsigned r = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(p[i]);
            if (h < 0)
                return false;
            r = (r << 4) | unsigned(h);
        }
        p += 4;
        *v = r;
        return true;
    }

    static char *writeUtf8(char *out, unsigned cp)
    {
        if (cp < 0x80) {
            *out++ = char(cp);
        } else if (cp < 0x800) {
            *out++ = char(0xC0 | (cp >> 6));
            *out++ = char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *out++ = char(0xE0 | (cp >> 12));
            *out++ = char(0x80 | ((cp >> 6) & 0x3F));
            *out++ = char(0x80 | (cp & 0x3F));
        } else {
            *out++ = char(0xF0 | (cp >> 18));
            *out++ = char(0x80 | ((cp >> 12) & 0x3F));
            *out++ = char(0x80 | ((cp >> 6) & 0x3F));
            *out++ = char(0x80 | (cp & 0x3F));
        }
        return out;
    }

    // The closing quote of a string whose contents start at from (memchr, then an even run of backslashes).
    const char *closingQuote(const char *from) const
    {
        const char *q = from;
        while (q < end) {
            q = static_cast<const char *>(std::memchr(q, '"', size_t(end - q)));
            if (!q)
                return nullptr;
            const char *b = q;
            while (b > from && b[-1] == '\\')
                --b;
            if ((q - b) % 2 == 0)
                return q;
            ++q;
        }
        return nullptr;
    }

    // A JSON string, unescaped to UTF-8 bytes.
    bool string(QByteArray *out)
    {
        if (!consume('"'))
            return false;
        const char *q = closingQuote(p);
        if (!q)
            return false;
        unsigned char control = 0;
        for (const char *c = p; c < q; ++c)
            control |= uchar(*c) < 0x20;
        if (control)
            return false;
        if (!std::memchr(p, '\\', size_t(q - p))) {
            // Most strings have no escapes: one copy.
            *out = QByteArray(p, q - p);
            p = q + 1;
            return true;
        }
        // Unescaping only shrinks: write into a buffer of the escaped size, then cut it.
        out->resize(q - p);
        char *dst = out->data();
        while (p < q) {
            const char *bs = static_cast<const char *>(std::memchr(p, '\\', size_t(q - p)));
            const char *runEnd = bs ? bs : q;
            std::memcpy(dst, p, size_t(runEnd - p));
            dst += runEnd - p;
            p = runEnd;
            if (!bs)
                break;
            ++p; // the backslash; closingQuote() guarantees an escaped character follows
            switch (*p++) {
            case '"':
                *dst++ = '"';
                break;
            case '\\':
                *dst++ = '\\';
                break;
            case '/':
                *dst++ = '/';
                break;
            case 'b':
                *dst++ = '\b';
                break;
            case 'f':
                *dst++ = '\f';
                break;
            case 'n':
                *dst++ = '\n';
                break;
            case 'r':
                *dst++ = '\r';
                break;
            case 't':
                *dst++ = '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(&cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo = 0;
                    if (q - p < 2 || p[0] != '\\' || p[1] != 'u')
                        return false; // a lone surrogate: leave it to the full reader
                    p += 2;
                    if (!hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return false;
                }
                dst = writeUtf8(dst, cp); // at most as long as its escape
                break;
            }
            default:
                return false;
            }
            if (p > q)
                return false;
        }
        out->resize(dst - out->constData());
        p = q + 1;
        return true;
    }

    bool literal(const char *word)
    {
        skipSpace();
        const size_t n = std::strlen(word);
        if (size_t(end - p) < n || std::memcmp(p, word, n) != 0)
            return false;
        p += n;
        return true;
    }

    bool boolean(bool *out)
    {
        skipSpace();
        if (literal("true")) {
            *out = true;
            return true;
        }
        if (literal("false")) {
            *out = false;
            return true;
        }
        return false;
    }

    // Number text: the span of characters a JSON number can contain.
    QByteArrayView numberText()
    {
        skipSpace();
        const char *start = p;
        while (p < end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
            ++p;
        return QByteArrayView(start, p - start);
    }

    bool integer(qint64 *out)
    {
        const QByteArrayView t = numberText();
        if (t.isEmpty())
            return false;
        const auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
        return r.ec == std::errc() && r.ptr == t.data() + t.size();
    }

    bool number(double *out)
    {
        const QByteArrayView t = numberText();
        if (t.isEmpty())
            return false;
        const auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
        return r.ec == std::errc() && r.ptr == t.data() + t.size();
    }

    // Skips any JSON value, checking only that brackets balance outside strings.
    bool skipValue()
    {
        skipSpace();
        if (p >= end)
            return false;
        if (*p == '"') {
            QByteArray ignored;
            return string(&ignored);
        }
        if (*p != '{' && *p != '[') {
            const char *start = p;
            while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ')
                ++p;
            return p > start;
        }
        int depth = 0;
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                const char *q = closingQuote(p + 1);
                if (!q)
                    return false;
                p = q + 1;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if (c == '}' || c == ']')
                --depth;
            ++p;
            if (depth == 0)
                return true;
        }
        return false;
    }
};

const char *const kMessageKindNames[] = {"invalid", "command", "reply", "error", "push", "ping", "pong", "disconnect"};

} // namespace

bool RecordLineParser::parseFast(QByteArrayView line, Frame *f)
{
    Scanner s{line.data(), line.data() + line.size()};
    if (!s.consume('{'))
        return false;

    bool haveTime = false;
    bool haveDir = false;
    bool haveRaw = false;
    bool rawBase64 = false;
    QByteArray kindName;
    QByteArray msgKind;
    QByteArray method;
    QByteArray push;
    bool haveMethod = false;
    bool havePush = false;
    ProtocolMessage m;
    m.rttMs = -1;
    *f = Frame();
    QByteArray text;

    s.skipSpace();
    if (s.p < s.end && *s.p == '}')
        return false;
    for (;;) {
        QByteArrayView k;
        if (!s.key(&k))
            return false;
        if (k == "time") {
            if (!s.string(&text) || !FrameRecord::parseWrittenTime(text, &f->timeMs))
                return false;
            haveTime = true;
        } else if (k == "dir") {
            if (!s.string(&text))
                return false;
            if (text == "in")
                f->direction = Direction::In;
            else if (text == "out")
                f->direction = Direction::Out;
            else
                return false;
            haveDir = true;
        } else if (k == "kind") {
            if (!s.string(&kindName))
                return false;
        } else if (k == "channel") {
            if (!s.string(&text))
                return false;
            m.channel = QString::fromUtf8(text);
        } else if (k == "reason") {
            if (!s.string(&text))
                return false;
            m.text = QString::fromUtf8(text);
        } else if (k == "id") {
            qint64 id = 0;
            if (!s.integer(&id) || id < 0 || id > 4294967295LL)
                return false;
            m.id = quint32(id);
        } else if (k == "rtt_ms") {
            s.skipSpace();
            if (s.literal("null")) {
                m.rttMs = std::nan("");
            } else if (!s.number(&m.rttMs)) {
                return false;
            }
        } else if (k == "code") {
            qint64 code = 0;
            if (!s.integer(&code) || code < INT_MIN || code > INT_MAX)
                return false;
            m.code = int(code);
        } else if (k == "binary") {
            if (!s.boolean(&f->binary))
                return false;
        } else if (k == "close") {
            if (!s.boolean(&f->close))
                return false;
        } else if (k == "raw_base64") {
            if (!s.boolean(&rawBase64))
                return false;
        } else if (k == "raw") {
            if (!s.string(&f->raw))
                return false;
            haveRaw = true;
        } else if (k == "msg_kind") {
            if (!s.string(&msgKind))
                return false;
        } else if (k == "method") {
            if (!s.string(&method))
                return false;
            haveMethod = true;
        } else if (k == "push") {
            if (!s.string(&push))
                return false;
            havePush = true;
        } else if (k == "size" || k == "frame") {
            if (!s.skipValue())
                return false;
        } else {
            return false; // kinds, meta, span, msg_raw, time_ms or a key this reader does not know
        }
        if (s.consume(','))
            continue;
        if (!s.consume('}'))
            return false;
        break;
    }
    s.skipSpace();
    if (s.p != s.end || !haveTime || !haveDir || !haveRaw || kindName.isEmpty())
        return false;

    if (f->binary || rawBase64) {
        const auto decoded = QByteArray::fromBase64Encoding(f->raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        f->raw = decoded.decoded;
    }

    if (!ProtocolMessage::parseKindName(QString::fromLatin1(kindName), f->direction, &m) && msgKind.isEmpty())
        return false;
    if (!msgKind.isEmpty()) {
        bool found = false;
        for (int i = 0; i < 8; ++i) {
            if (msgKind == kMessageKindNames[i]) {
                m.kind = MessageKind(i);
                found = true;
            }
        }
        if (!found)
            return false;
    }
    if (haveMethod) {
        m.method = Protocol::methodFromName(QString::fromLatin1(method));
        if (m.method == Method::None && !method.isEmpty())
            return false;
    }
    if (havePush) {
        m.push = Protocol::pushTypeFromName(QString::fromLatin1(push));
        if (m.push == PushType::None && !push.isEmpty())
            return false;
    }

    // The message's bytes: the frame's only line for text, else the whole frame.
    if (!f->binary && !f->raw.contains('\n')) {
        m.raw = f->raw; // at most one line: the message is the whole frame, as splitLines() would give
    } else if (!f->binary) {
        const QList<QByteArrayView> lines = JsonCodec::splitLines(f->raw);
        if (lines.size() == 1) {
            m.raw = lines.first().size() == f->raw.size() ? f->raw : lines.first().toByteArray();
        } else {
            m.raw = f->raw;
        }
    } else {
        m.raw = f->raw;
    }
    f->messages.append(std::move(m));
    return true;
}

bool RecordLineParser::parse(QByteArrayView line, Frame *frame, QString *error)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    if (parseFast(line, frame))
        return true;
    return FrameRecord::fromJsonLine(line, frame, error);
}
