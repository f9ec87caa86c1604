#include "harimporter.h"

#include "jsoncodec.h"
#include "wirecodec.h"

#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using Protocol::Direction;
using Protocol::MessageKind;

namespace {

// WebSocket opcodes (RFC 6455).
constexpr int kOpText = 1;
constexpr int kOpBinary = 2;
constexpr int kOpClose = 8;
constexpr int kCloseNoStatus = 1005;

// Replies get the round trip since their command, errors the method of their command, like Session does.
struct RttTracker
{
    QHash<quint32, QPair<qint64, Protocol::Method>> inFlight;

    void apply(Frame &f)
    {
        for (ProtocolMessage &m : f.messages) {
            if (f.direction == Direction::Out && m.kind == MessageKind::Command && m.id != 0) {
                inFlight.insert(m.id, {f.timeMs, m.method});
            } else if (f.direction == Direction::In && (m.kind == MessageKind::Reply || m.kind == MessageKind::Error)) {
                const auto it = inFlight.find(m.id);
                if (it == inFlight.end())
                    continue;
                m.rttMs = double(f.timeMs - it->first);
                if (m.kind == MessageKind::Error)
                    m.method = it->second;
                inFlight.erase(it);
            }
        }
    }
};

// One element of _webSocketMessages as a Frame (without round trips). False when it is skipped: a control frame
// (counted in *skipped) or a bad message (reported to problem).
bool decodeMessage(const QJsonObject &o, const QString &url, int index, const JsonCodec &json,
                   const WireCodec &protobuf, Frame *out, int *skipped,
                   const std::function<void(const QString &)> &problem)
{
    const QString type = o.value(QLatin1String("type")).toString();
    Frame &f = *out;
    if (type == QLatin1String("send")) {
        f.direction = Direction::Out;
    } else if (type == QLatin1String("receive")) {
        f.direction = Direction::In;
    } else {
        problem(HarImporter::tr("%1, message %2: type is \"%3\", not \"send\" or \"receive\".")
                    .arg(url)
                    .arg(index)
                    .arg(type));
        return false;
    }
    const double seconds = o.value(QLatin1String("time")).toDouble(std::nan(""));
    if (!std::isfinite(seconds) || std::fabs(seconds) > 1e13) {
        problem(HarImporter::tr("%1, message %2: no time.").arg(url).arg(index));
        return false;
    }
    f.timeMs = qint64(std::llround(seconds * 1000.0));
    const int opcode = o.value(QLatin1String("opcode")).toInt(kOpText);
    const QJsonValue data = o.value(QLatin1String("data"));
    if (!data.isString() && opcode != kOpClose) {
        problem(HarImporter::tr("%1, message %2: no data.").arg(url).arg(index));
        return false;
    }
    if (opcode == kOpText) {
        f.raw = data.toString().toUtf8();
        f.messages = f.direction == Direction::In ? json.decodeServerFrame(f.raw) : json.decodeClientFrame(f.raw);
    } else if (opcode == kOpBinary) {
        const auto decoded =
            QByteArray::fromBase64Encoding(data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            problem(HarImporter::tr("%1, message %2: binary data is not base64.").arg(url).arg(index));
            return false;
        }
        f.binary = true;
        f.raw = decoded.decoded;
        f.messages =
            f.direction == Direction::In ? protobuf.decodeServerFrame(f.raw) : protobuf.decodeClientFrame(f.raw);
    } else if (opcode == kOpClose) {
        // Chrome does not record closes, other tools do: a "code" field, or the close payload in base64.
        ProtocolMessage m;
        m.kind = MessageKind::Disconnect;
        m.code = o.value(QLatin1String("code")).toInt(0);
        QByteArray reason = o.value(QLatin1String("reason")).toString().toUtf8();
        if (m.code == 0) {
            const auto payload =
                QByteArray::fromBase64Encoding(data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (payload && payload.decoded.size() >= 2) {
                m.code = (uchar(payload.decoded.at(0)) << 8) | uchar(payload.decoded.at(1));
                reason = payload.decoded.mid(2);
            } else {
                m.code = kCloseNoStatus;
            }
        }
        m.text = QString::fromUtf8(reason);
        m.raw = reason;
        f.close = true;
        f.raw = reason;
        f.messages.append(m);
    } else {
        ++*skipped;
        return false;
    }
    return true;
}

} // namespace

namespace {

// The JSON of a HAR file as a stream of tokens. It tracks only the path it is in (log.entries[i].request.url,
// log.entries[i]._webSocketMessages[j]) and hands over each entry's URL and each message object, parsed on its
// own. Checks the structure (brackets, commas, colons, strings) as it goes; number and literal spellings are left
// to the per-message parser.
class HarStream
{
    Q_DECLARE_TR_FUNCTIONS(HarImporter)

public:
    explicit HarStream(QIODevice *device)
        : m_device(device)
    {
    }

    std::function<void()> onEntry;
    std::function<void(const QString &url)> onUrl;
    std::function<void(const QJsonObject &message)> onMessage;

    bool sawEntries = false;
    QString error;

    bool run()
    {
        while (!m_done) {
            if (m_pos >= m_buf.size() && !refill())
                return finishAtEnd();
            if (!step())
                return false;
        }
        // Only whitespace may follow the document.
        for (;;) {
            while (m_pos < m_buf.size()) {
                if (!isSpace(m_buf.at(m_pos)))
                    return fail(tr("unexpected data after the document"));
                ++m_pos;
            }
            if (!refill())
                return true;
        }
    }

private:
    enum Role { Root, Log, Entries, Entry, Request, Messages, Other };
    enum Expect { Key, Colon, Value, CommaOrEnd };

    struct Level
    {
        char close;
        Role role;
        Expect expect;
        QByteArray key; // the current key (objects)
    };

    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    bool fail(const QString &what)
    {
        error = tr("Not a HAR file: the JSON is invalid (%1 at offset %2).").arg(what).arg(m_base + m_pos);
        return false;
    }

    bool finishAtEnd()
    {
        if (!m_started)
            return fail(tr("no JSON value"));
        return fail(tr("the document ends early"));
    }

    // Appends the next block; keeps what a token or a captured message still needs.
    bool refill()
    {
        qsizetype keep = m_tokenStart >= 0 ? m_tokenStart : m_pos;
        if (m_captureStart >= 0)
            keep = qMin(keep, m_captureStart);
        if (keep > 0) {
            m_buf.remove(0, keep);
            m_base += keep;
            m_pos -= keep;
            if (m_tokenStart >= 0)
                m_tokenStart -= keep;
            if (m_captureStart >= 0)
                m_captureStart -= keep;
        }
        const QByteArray more = m_device->read(kBlockBytes);
        if (more.isEmpty())
            return false;
        m_buf.append(more);
        return true;
    }

    Role childRole(char open) const
    {
        if (m_stack.isEmpty())
            return open == '{' ? Root : Other;
        const Level &parent = m_stack.last();
        switch (parent.role) {
        case Root:
            return open == '{' && parent.key == "log" ? Log : Other;
        case Log:
            return open == '[' && parent.key == "entries" ? Entries : Other;
        case Entries:
            return open == '{' ? Entry : Other;
        case Entry:
            if (open == '[' && parent.key == "_webSocketMessages")
                return Messages;
            return open == '{' && parent.key == "request" ? Request : Other;
        default:
            return Other;
        }
    }

    // A value is complete in the current level.
    void valueDone()
    {
        if (m_stack.isEmpty())
            m_done = true;
        else
            m_stack.last().expect = CommaOrEnd;
    }

    bool step()
    {
        const char c = m_buf.at(m_pos);
        if (isSpace(c)) {
            ++m_pos;
            return true;
        }
        Level *top = m_stack.isEmpty() ? nullptr : &m_stack.last();
        if (top && top->expect == Colon) {
            if (c != ':')
                return fail(tr("a colon is missing"));
            top->expect = Value;
            ++m_pos;
            return true;
        }
        if (top && (top->expect == CommaOrEnd || (m_justOpened && c == top->close))) {
            if (top->expect == CommaOrEnd && c == ',') {
                top->expect = top->close == '}' ? Key : Value;
                ++m_pos;
                return true;
            }
            if (c != top->close)
                return fail(tr("a comma or a closing bracket is missing"));
            return closeLevel();
        }
        m_justOpened = false;
        if (top && top->expect == Key) {
            QByteArray token;
            if (c != '"')
                return fail(tr("a key is missing"));
            if (!readString(&token))
                return false;
            top->key = token.mid(1, token.size() - 2);
            top->expect = Colon;
            return true;
        }
        // A value.
        m_started = true;
        if (c == '{' || c == '[') {
            const Role role = childRole(c);
            if (role == Entries)
                sawEntries = true;
            if (role == Entry && onEntry)
                onEntry();
            if (top && top->role == Messages && c == '{' && m_captureStart < 0) {
                m_captureStart = m_pos;
                m_captureDepth = m_stack.size() + 1;
            }
            m_stack.append({c == '{' ? '}' : ']', role, c == '{' ? Key : Value, QByteArray()});
            m_justOpened = true;
            ++m_pos;
            return true;
        }
        if (c == '"') {
            const bool isUrl = top && top->role == Request && top->key == "url";
            QByteArray token;
            if (!readString(&token))
                return false;
            if (isUrl && onUrl)
                onUrl(QJsonDocument::fromJson("[" + token + "]").array().at(0).toString());
            valueDone();
            return true;
        }
        // Number or literal: a run of the characters they may contain, checked by the message parser.
        qsizetype i = m_pos;
        for (;;) {
            while (i < m_buf.size() && isLiteralChar(m_buf.at(i)))
                ++i;
            if (i < m_buf.size())
                break;
            const qsizetype scanned = i - m_pos;
            m_tokenStart = m_pos;
            const bool more = refill();
            m_tokenStart = -1;
            i = m_pos + scanned;
            if (!more)
                break;
        }
        if (i == m_pos)
            return fail(tr("unexpected character"));
        m_pos = i;
        valueDone();
        return true;
    }

    static bool isLiteralChar(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
               c == '.';
    }

    // Reads the string token at m_pos (quotes included), reading further blocks when it goes on past this one.
    bool readString(QByteArray *token)
    {
        qsizetype i = m_pos + 1;
        for (;;) {
            while (i < m_buf.size()) {
                const char ch = m_buf.at(i);
                if (ch == '\\') {
                    i += 2;
                    continue;
                }
                if (ch == '"') {
                    *token = m_buf.mid(m_pos, i + 1 - m_pos);
                    m_pos = i + 1;
                    return true;
                }
                if (uchar(ch) < 0x20)
                    return fail(tr("a control character in a string"));
                ++i;
            }
            const qsizetype scanned = i - m_pos;
            m_tokenStart = m_pos;
            const bool more = refill();
            m_tokenStart = -1;
            if (!more)
                return fail(tr("a string is not closed"));
            i = m_pos + scanned; // where the scan stopped (refill moved the buffer)
        }
    }

    bool closeLevel()
    {
        m_stack.removeLast();
        ++m_pos;
        m_justOpened = false;
        if (m_captureStart >= 0 && m_stack.size() == m_captureDepth - 1) {
            const QByteArrayView slice(m_buf.constData() + m_captureStart, m_pos - m_captureStart);
            m_captureStart = -1;
            if (onMessage)
                onMessage(QJsonDocument::fromJson(slice.toByteArray()).object());
        }
        valueDone();
        return true;
    }

    static constexpr qint64 kBlockBytes = 1 << 20;

    QIODevice *m_device;
    QByteArray m_buf;
    qint64 m_base = 0; // file offset of m_buf[0]
    qsizetype m_pos = 0;
    qsizetype m_tokenStart = -1;   // kept on refill while a token is read
    qsizetype m_captureStart = -1; // the message object being read
    qsizetype m_captureDepth = 0;
    QList<Level> m_stack;
    bool m_started = false;
    bool m_done = false;
    bool m_justOpened = false;
};

} // namespace

HarImporter::Result HarImporter::read(QIODevice *device, const std::function<void(Frame &&)> &onFrame)
{
    Result result;
    const JsonCodec json;
    const std::unique_ptr<WireCodec> protobuf = createWireCodec(Protocol::Format::Protobuf);
    auto problem = [&result](const QString &what) {
        if (result.badMessages++ == 0)
            result.firstProblem = what;
    };

    HarStream stream(device);
    RttTracker rtt;
    QString url;
    int index = 0;
    int entries = 0;
    bool counted = false; // the entry is a connection once its first message is read
    stream.onEntry = [&] {
        rtt = RttTracker();
        url = tr("entry %1").arg(++entries);
        index = 0;
        counted = false;
    };
    stream.onUrl = [&url](const QString &u) { url = u; };
    stream.onMessage = [&](const QJsonObject &o) {
        if (!counted) {
            result.urls.append(url);
            counted = true;
        }
        Frame f;
        if (!decodeMessage(o, url, ++index, json, *protobuf, &f, &result.skippedControlFrames, problem))
            return;
        rtt.apply(f);
        onFrame(std::move(f));
    };
    if (!stream.run()) {
        result.error = stream.error;
        return result;
    }
    if (!stream.sawEntries) {
        result.error = tr("Not a HAR file: there is no log.entries array.");
        return result;
    }
    if (result.urls.isEmpty())
        result.error = tr("The HAR file has no WebSocket connection. Record it with the Network panel open and save "
                          "it with \"Save all as HAR with content\".");
    return result;
}

namespace {

// Every frame of device, in time order (stable: each connection keeps its own order); none when it is not a HAR.
HarImporter::Result readAll(QIODevice *device)
{
    QList<Frame> frames;
    HarImporter::Result result = HarImporter::read(device, [&frames](Frame &&f) { frames.append(std::move(f)); });
    if (!result.ok())
        return result;
    std::stable_sort(frames.begin(), frames.end(), [](const Frame &a, const Frame &b) { return a.timeMs < b.timeMs; });
    result.frames = std::move(frames);
    return result;
}

} // namespace

HarImporter::Result HarImporter::parse(const QByteArray &har)
{
    QBuffer buffer;
    buffer.setData(har);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer);
}

HarImporter::Result HarImporter::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result r;
        r.error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return r;
    }
    return readAll(&file);
}
