#include "recordlineparser.h"

#include "framerecord.h"
#include "jsoncodec.h"
#include "jsonscanner.h"

#include <charconv>
#include <climits>
#include <cmath>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

using Span = JsonScanner::Span;

bool unescapeTo(QByteArrayView text, bool escaped, QByteArray *out)
{
    if (!escaped) {
        *out = text.toByteArray();
        return true;
    }
    out->resize(text.size());
    char *e = JsonScanner::unescape(text, out->data());
    if (!e)
        return false;
    out->resize(e - out->constData());
    return true;
}

bool readString(JsonScanner &s, QByteArrayView *text, bool *escaped)
{
    Span span;
    if (s.peek() != '"' || !s.string(&span))
        return false;
    *text = span.view();
    *escaped = span.escaped;
    return true;
}

bool readBoolean(JsonScanner &s, bool *out)
{
    const char c = s.peek();
    *out = c == 't';
    return c == 't' ? s.literal("true", 4) : s.literal("false", 5);
}

template <typename T> bool readNumber(JsonScanner &s, T *out)
{
    const QByteArrayView t = s.numberText();
    if (t.isEmpty())
        return false;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
    return r.ec == std::errc() && r.ptr == t.data() + t.size();
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

// The names of a line as the scanner found them.
struct Names
{
    QByteArrayView kind;
    QByteArrayView msgKind;
    QByteArrayView method;
    QByteArrayView push;
    bool haveMethod = false;
    bool havePush = false;
};

// kind, msg_kind, method and push to the message's kind, method and push, as FrameRecord::fromJsonLine does.
bool resolveKind(const Names &n, Direction direction, RecordLineParser::Fields *x)
{
    Latin1View name;
    ProtocolMessage m;
    if (!name.set(n.kind))
        return false;
    if (!ProtocolMessage::parseKindName(name.view, direction, &m) && n.msgKind.isEmpty())
        return false;
    if (!n.msgKind.isEmpty() && !ProtocolMessage::messageKindFromName(n.msgKind, &m.kind))
        return false;
    if (n.haveMethod) {
        if (!name.set(n.method))
            return false;
        m.method = Protocol::methodFromName(name.view);
        if (m.method == Method::None && !n.method.isEmpty())
            return false;
    }
    if (n.havePush) {
        if (!name.set(n.push))
            return false;
        m.push = Protocol::pushTypeFromName(name.view);
        if (m.push == PushType::None && !n.push.isEmpty())
            return false;
    }
    x->kind = m.kind;
    x->method = m.method;
    x->push = m.push;
    return true;
}

} // namespace

bool RecordLineParser::scan(QByteArrayView line, Fields *x)
{
    JsonScanner s(line);
    if (s.peek() != '{')
        return false;
    bool haveTime = false;
    bool haveDir = false;
    bool haveRaw = false;
    Names names;
    QByteArrayView frameText;
    QByteArrayView text;
    const bool ok = s.members(1, [&](const Span &key) {
        if (key.escaped)
            return false;
        const QByteArrayView k = key.view();
        if (k == "raw") {
            haveRaw = true;
            return readString(s, &x->raw, &x->rawEscaped);
        }
        if (k == "frame") {
            // Validated only when it is the payload (below): otherwise the reader never looks at it.
            Span frame;
            if (!s.skipValue(&frame))
                return false;
            frameText = frame.text();
            return true;
        }
        if (k == "size")
            return s.skipValue();
        if (k == "time") {
            haveTime = true;
            return s.plainString(&text) && FrameRecord::parseWrittenTime(text, &x->timeMs);
        }
        if (k == "dir") {
            haveDir = true;
            if (!s.plainString(&text))
                return false;
            x->direction = text == "in" ? Direction::In : Direction::Out;
            return text == "in" || text == "out";
        }
        if (k == "kind")
            return s.plainString(&names.kind);
        if (k == "channel")
            return readString(s, &x->channel, &x->channelEscaped);
        if (k == "reason")
            return readString(s, &x->reason, &x->reasonEscaped);
        if (k == "id") {
            qint64 id = 0;
            if (!readNumber(s, &id) || id < 0 || id > 4294967295LL)
                return false;
            x->id = quint32(id);
            return true;
        }
        if (k == "rtt_ms") {
            if (s.peek() == 'n') {
                x->rttMs = std::nan("");
                return s.literal("null", 4);
            }
            return readNumber(s, &x->rttMs);
        }
        if (k == "code") {
            qint64 code = 0;
            if (!readNumber(s, &code) || code < INT_MIN || code > INT_MAX)
                return false;
            x->code = int(code);
            return true;
        }
        if (k == "binary")
            return readBoolean(s, &x->binary);
        if (k == "close")
            return readBoolean(s, &x->close);
        if (k == "raw_base64")
            return readBoolean(s, &x->rawBase64);
        if (k == "msg_kind")
            return s.plainString(&names.msgKind);
        if (k == "method") {
            names.haveMethod = true;
            return s.plainString(&names.method);
        }
        if (k == "push") {
            names.havePush = true;
            return s.plainString(&names.push);
        }
        return false; // kinds, meta, span, msg_raw, time_ms or a key this reader does not know
    });
    s.skipSpace();
    if (!ok || !s.atEnd())
        return false;
    if (!haveRaw && !x->binary && !x->rawBase64 && JsonScanner::isJsonObject(frameText)) {
        // Written without "raw": the payload is the frame's JSON text itself (see framerecord.cpp).
        x->raw = frameText;
        x->rawEscaped = false;
        haveRaw = true;
    }
    return haveTime && haveDir && haveRaw && !names.kind.isEmpty() && resolveKind(names, x->direction, x);
}

QByteArrayView RecordLineParser::chopNewline(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    return line;
}

bool RecordLineParser::parseFast(QByteArrayView line, Frame *f)
{
    Fields x;
    if (!scan(line, &x))
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
    m.kind = x.kind;
    m.method = x.method;
    m.push = x.push;
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
    if (!f->binary && f->raw.contains('\n')) {
        const QList<QByteArrayView> lines = JsonCodec::splitLines(f->raw);
        m.raw = lines.size() == 1 && lines.first().size() != f->raw.size() ? lines.first().toByteArray() : f->raw;
    } else {
        m.raw = f->raw; // binary, or at most one line: the message is the whole frame, as splitLines() would give
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
