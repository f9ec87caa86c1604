#include "recordlineparser.h"

#include "fastclassifier.h"
#include "framerecord.h"
#include "framestore.h"
#include "jsoncodec.h"

#include <QVarLengthArray>

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

// True when one of the 8 bytes of w is '"', '\\' or a control character (< 0x20): the bytes a string scan stops at.
inline bool hasStringSpecial(quint64 w)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const quint64 quote = w ^ (ones * 0x22);
    const quint64 backslash = w ^ (ones * 0x5C);
    const quint64 zeroQuote = (quote - ones) & ~quote;
    const quint64 zeroBackslash = (backslash - ones) & ~backslash;
    const quint64 control = (w - ones * 0x20) & ~w;
    return ((zeroQuote | zeroBackslash | control) & highs) != 0;
}

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

    // A JSON string: its text between the quotes, still escaped, and whether it has escapes. Control characters
    // are refused as JSON does; escapes are checked when the text is unescaped.
    bool span(QByteArrayView *out, bool *escaped)
    {
        if (!consume('"'))
            return false;
        const char *start = p;
        bool esc = false;
        for (;;) {
            // Plain bytes 8 at a time, then one by one up to the next special byte.
            while (end - p >= 8) {
                quint64 w;
                std::memcpy(&w, p, sizeof w);
                if (hasStringSpecial(w))
                    break;
                p += 8;
            }
            if (p >= end)
                return false;
            const uchar c = uchar(*p);
            if (c == '"')
                break;
            if (c == '\\') {
                esc = true;
                p += 2; // the escaped character is checked by unescape()
                if (p > end)
                    return false;
                continue;
            }
            if (c < 0x20)
                return false;
            ++p;
        }
        *out = QByteArrayView(start, p - start);
        *escaped = esc;
        ++p;
        return true;
    }

    // A string without escapes (names, times, directions): anything else goes to the full reader.
    bool plainString(QByteArrayView *out)
    {
        bool escaped = false;
        return span(out, &escaped) && !escaped;
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
        QByteArrayView ignored;
        bool escaped = false;
        if (*p == '"')
            return span(&ignored, &escaped);
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
                if (!span(&ignored, &escaped))
                    return false;
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

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool hex4(const char *&p, const char *end, unsigned *v)
{
    if (end - p < 4)
        return false;
    unsigned r = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexDigit(p[i]);
        if (h < 0)
            return false;
        r = (r << 4) | unsigned(h);
    }
    p += 4;
    *v = r;
    return true;
}

char *writeUtf8(char *out, unsigned cp)
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

// Unescapes the text of a JSON string (as span() gives it) to UTF-8 at dst, which has room for text.size() bytes
// (unescaping only shrinks). Returns the end of the output, or nullptr for an escape the full reader should judge
// (unknown escapes, lone surrogates).
char *unescape(QByteArrayView text, char *dst)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    const char *p = text.data();
    const char *const q = p + text.size();
    while (p < q) {
        // Runs without a backslash 8 bytes at a time (record lines escape every few bytes, so no memchr).
        while (q - p >= 8) {
            quint64 w;
            std::memcpy(&w, p, sizeof w);
            const quint64 x = w ^ (ones * 0x5C);
            if (((x - ones) & ~x & (ones * 0x80)) != 0)
                break;
            std::memcpy(dst, &w, sizeof w);
            p += 8;
            dst += 8;
        }
        while (p < q && *p != '\\')
            *dst++ = *p++;
        if (p >= q)
            break;
        ++p; // the backslash
        if (p >= q)
            return nullptr;
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
            if (!hex4(p, q, &cp))
                return nullptr;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo = 0;
                if (q - p < 2 || p[0] != '\\' || p[1] != 'u')
                    return nullptr; // a lone surrogate: leave it to the full reader
                p += 2;
                if (!hex4(p, q, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return nullptr;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return nullptr;
            }
            dst = writeUtf8(dst, cp); // at most as long as its escape
            break;
        }
        default:
            return nullptr;
        }
    }
    return dst;
}

bool unescapeTo(QByteArrayView text, bool escaped, QByteArray *out)
{
    if (!escaped) {
        *out = text.toByteArray();
        return true;
    }
    out->resize(text.size());
    char *e = unescape(text, out->data());
    if (!e)
        return false;
    out->resize(e - out->constData());
    return true;
}

const char *const kMessageKindNames[] = {"invalid", "command", "reply", "error", "push", "ping", "pong", "disconnect"};

// The fields of one record line as the scanner found them; string values still escaped.
struct LineFields
{
    qint64 timeMs = 0;
    Direction direction = Direction::In;
    bool binary = false;
    bool close = false;
    bool rawBase64 = false;
    QByteArrayView kind;
    QByteArrayView msgKind;
    QByteArrayView method;
    QByteArrayView push;
    bool haveMethod = false;
    bool havePush = false;
    QByteArrayView channel;
    bool channelEscaped = false;
    QByteArrayView reason;
    bool reasonEscaped = false;
    QByteArrayView raw;
    bool rawEscaped = false;
    quint32 id = 0;
    int code = 0;
    double rttMs = -1;
};

bool scanLine(QByteArrayView line, LineFields *x)
{
    Scanner s{line.data(), line.data() + line.size()};
    if (!s.consume('{'))
        return false;
    bool haveTime = false;
    bool haveDir = false;
    bool haveRaw = false;
    QByteArrayView frameText;
    QByteArrayView text;
    s.skipSpace();
    if (s.p < s.end && *s.p == '}')
        return false;
    for (;;) {
        QByteArrayView k;
        if (!s.key(&k))
            return false;
        if (k == "raw") {
            if (!s.span(&x->raw, &x->rawEscaped))
                return false;
            haveRaw = true;
        } else if (k == "frame") {
            s.skipSpace();
            const char *start = s.p;
            if (!s.skipValue())
                return false;
            frameText = QByteArrayView(start, s.p - start);
        } else if (k == "size") {
            if (!s.skipValue())
                return false;
        } else if (k == "time") {
            if (!s.plainString(&text) || !FrameRecord::parseWrittenTime(text, &x->timeMs))
                return false;
            haveTime = true;
        } else if (k == "dir") {
            if (!s.plainString(&text))
                return false;
            if (text == "in")
                x->direction = Direction::In;
            else if (text == "out")
                x->direction = Direction::Out;
            else
                return false;
            haveDir = true;
        } else if (k == "kind") {
            if (!s.plainString(&x->kind))
                return false;
        } else if (k == "channel") {
            if (!s.span(&x->channel, &x->channelEscaped))
                return false;
        } else if (k == "reason") {
            if (!s.span(&x->reason, &x->reasonEscaped))
                return false;
        } else if (k == "id") {
            qint64 id = 0;
            if (!s.integer(&id) || id < 0 || id > 4294967295LL)
                return false;
            x->id = quint32(id);
        } else if (k == "rtt_ms") {
            s.skipSpace();
            if (s.literal("null")) {
                x->rttMs = std::nan("");
            } else if (!s.number(&x->rttMs)) {
                return false;
            }
        } else if (k == "code") {
            qint64 code = 0;
            if (!s.integer(&code) || code < INT_MIN || code > INT_MAX)
                return false;
            x->code = int(code);
        } else if (k == "binary") {
            if (!s.boolean(&x->binary))
                return false;
        } else if (k == "close") {
            if (!s.boolean(&x->close))
                return false;
        } else if (k == "raw_base64") {
            if (!s.boolean(&x->rawBase64))
                return false;
        } else if (k == "msg_kind") {
            if (!s.plainString(&x->msgKind))
                return false;
        } else if (k == "method") {
            if (!s.plainString(&x->method))
                return false;
            x->haveMethod = true;
        } else if (k == "push") {
            if (!s.plainString(&x->push))
                return false;
            x->havePush = true;
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
    if (!haveRaw && !x->binary && !x->rawBase64 && FastClassifier::isJsonObject(frameText)) {
        // Written without "raw": the payload is the frame's JSON text itself (see core/framerecord.cpp).
        x->raw = frameText;
        x->rawEscaped = false;
        haveRaw = true;
    }
    return s.p == s.end && haveTime && haveDir && haveRaw && !x->kind.isEmpty();
}

// Latin-1 bytes as a QStringView without allocating (names of the format are short).
struct Latin1View
{
    char16_t buffer[64];
    QStringView view;

    bool set(QByteArrayView bytes)
    {
        if (bytes.size() > qsizetype(std::size(buffer)))
            return false;
        for (qsizetype i = 0; i < bytes.size(); ++i)
            buffer[i] = char16_t(uchar(bytes[i]));
        view = QStringView(buffer, bytes.size());
        return true;
    }
};

// kind, msg_kind, method and push to the message's kind, method and push, as FrameRecord::fromJsonLine does.
bool resolveKind(const LineFields &x, ProtocolMessage *m)
{
    Latin1View name;
    if (!name.set(x.kind))
        return false;
    if (!ProtocolMessage::parseKindName(name.view, x.direction, m) && x.msgKind.isEmpty())
        return false;
    if (!x.msgKind.isEmpty()) {
        bool found = false;
        for (int i = 0; i < 8; ++i) {
            if (x.msgKind == kMessageKindNames[i]) {
                m->kind = MessageKind(i);
                found = true;
            }
        }
        if (!found)
            return false;
    }
    if (x.haveMethod) {
        if (!name.set(x.method))
            return false;
        m->method = Protocol::methodFromName(name.view);
        if (m->method == Method::None && !x.method.isEmpty())
            return false;
    }
    if (x.havePush) {
        if (!name.set(x.push))
            return false;
        m->push = Protocol::pushTypeFromName(name.view);
        if (m->push == PushType::None && !x.push.isEmpty())
            return false;
    }
    return true;
}

QByteArrayView chopNewline(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    return line;
}

} // namespace

bool RecordLineParser::parseFast(QByteArrayView line, Frame *f)
{
    LineFields x;
    if (!scanLine(line, &x))
        return false;
    *f = Frame();
    f->timeMs = x.timeMs;
    f->direction = x.direction;
    f->binary = x.binary;
    f->close = x.close;
    if (!unescapeTo(x.raw, x.rawEscaped, &f->raw))
        return false;
    if (f->binary || x.rawBase64) {
        const auto decoded = QByteArray::fromBase64Encoding(f->raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        f->raw = decoded.decoded;
    }

    ProtocolMessage m;
    if (!resolveKind(x, &m))
        return false;
    QByteArray text;
    if (!x.channel.isEmpty()) {
        if (!unescapeTo(x.channel, x.channelEscaped, &text))
            return false;
        m.channel = QString::fromUtf8(text);
    }
    if (!x.reason.isEmpty()) {
        if (!unescapeTo(x.reason, x.reasonEscaped, &text))
            return false;
        m.text = QString::fromUtf8(text);
    }
    m.id = x.id;
    m.code = x.code;
    m.rttMs = x.rttMs;

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
    line = chopNewline(line);
    if (parseFast(line, frame))
        return true;
    return FrameRecord::fromJsonLine(line, frame, error);
}

bool RecordLineParser::appendFast(QByteArrayView line, FrameStore *store)
{
    LineFields x;
    if (!scanLine(line, &x) || x.binary || x.rawBase64)
        return false;
    ProtocolMessage m;
    if (!resolveKind(x, &m))
        return false;
    QVarLengthArray<char, 128> channel;
    QByteArrayView channelView = x.channel;
    if (x.channelEscaped) {
        channel.resize(x.channel.size());
        const char *e = unescape(x.channel, channel.data());
        if (!e)
            return false;
        channelView = QByteArrayView(channel.constData(), e - channel.constData());
    }
    if (x.reasonEscaped) {
        // Not stored (a close frame's bytes are its reason), but a bad escape makes the line bad.
        QVarLengthArray<char, 128> reason(x.reason.size());
        if (!unescape(x.reason, reason.data()))
            return false;
    }
    if (x.raw.size() > qsizetype(0x7fffffff))
        return false;
    char *dst = store->reserveFrameBytes(quint32(x.raw.size()));
    qsizetype bytes = x.raw.size();
    if (x.rawEscaped) {
        const char *e = unescape(x.raw, dst);
        if (!e)
            return false;
        bytes = e - dst;
    } else if (bytes > 0) {
        std::memcpy(dst, x.raw.data(), size_t(bytes));
    }
    if (bytes > 0 && std::memchr(dst, '\n', size_t(bytes)))
        return false; // several lines in one frame: parse() splits them into messages

    FrameStore::Row r{};
    r.timeMs = x.timeMs;
    r.flags =
        quint8((x.direction == Direction::Out ? FrameStore::Row::Out : 0) | (x.close ? FrameStore::Row::Close : 0));
    r.kind = quint8(m.kind);
    r.method = quint8(m.method);
    r.push = quint8(m.push);
    r.id = x.id;
    r.code = qint32(x.code);
    r.rttMs = float(x.rttMs);
    store->commitFrame(quint32(bytes), r, channelView);
    return true;
}

bool RecordLineParser::append(QByteArrayView line, FrameStore *store, QString *error)
{
    line = chopNewline(line);
    if (appendFast(line, store))
        return true;
    Frame f;
    if (!parse(line, &f, error))
        return false;
    store->append(f);
    return true;
}
