#include "recordlinewriter.h"

#include "jsonscanner.h"
#include "jsonwriter.h"

#include <QJsonDocument>
#include <QVarLengthArray>

#include <cmath>
#include <cstring>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

// Layout of a line (writer order; the reader does not depend on it):
//   time, dir, kind, [kinds], first-message fields, size, [binary], [close, [closed_by]], [rejected], [conn],
//   [injected], [origin], frame,
//   [raw], [raw_base64], [meta]
// "raw" is left out when "frame" holds the payload itself: every message's own validated bytes, one per line,
// nothing else in the payload. The reader then takes the payload from the line's text of "frame" (its elements
// joined by "\n"), which halves the line and saves escaping the payload during floods.
// Message fields (top level for a one-message frame, in each "meta" entry otherwise; "meta" is left out when every
// entry would hold just the line's own top-level fields), all optional:
//   channel, id, rtt_ms, code, reason          the ProtocolMessage fields of the same meaning
//   method, push, msg_kind                     only when the kind name does not imply them (an error's method)
//   span:[offset,length] | msg_raw(+msg_raw_base64)   only when the message's bytes are not derivable (below)
// A message's bytes are derivable when the frame is text and its non-empty lines are one per message (JSON), or
// the frame has one message whose bytes are the whole payload.

namespace {

constexpr qint64 kMsPerDay = 86400000;

// Bytes as a JSON string, or base64 when they are not UTF-8 (or forced); returns whether base64 was used.
bool writeBytes(JsonWriter &w, const QByteArray &bytes, bool forceBase64)
{
    if (!forceBase64 && w.string(QByteArrayView(bytes)))
        return false;
    w.put('"');
    w.base64(bytes);
    w.put('"');
    return true;
}

// Days since 1970-01-01 -> civil date (proleptic Gregorian), after H. Hinnant's public-domain algorithms.
void civilFromDays(qint64 z, qint64 *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = qint64(yoe) + era * 400 + (*m <= 2);
}

// "YYYY-MM-DDTHH:MM:SS.mmmZ"; returns false when the year has no four-digit form.
bool writeTime(JsonWriter &w, qint64 ms)
{
    // Frames of a flood share their millisecond: the text of the last one is written again.
    thread_local qint64 lastMs = -1;
    thread_local char lastText[26];
    if (ms == lastMs && ms >= 0) {
        w.put(lastText, sizeof lastText);
        return true;
    }
    qint64 days = ms / kMsPerDay;
    qint64 rest = ms % kMsPerDay;
    if (rest < 0) {
        rest += kMsPerDay;
        --days;
    }
    qint64 y = 0;
    unsigned mo = 0;
    unsigned d = 0;
    civilFromDays(days, &y, &mo, &d);
    if (y < 0 || y > 9999)
        return false;
    const unsigned msec = unsigned(rest % 1000);
    const unsigned sec = unsigned(rest / 1000 % 60);
    const unsigned min = unsigned(rest / 60000 % 60);
    const unsigned hour = unsigned(rest / 3600000);
    char buf[26];
    auto two = [&buf](int at, unsigned v) {
        buf[at] = char('0' + v / 10);
        buf[at + 1] = char('0' + v % 10);
    };
    buf[0] = '"';
    buf[1] = char('0' + y / 1000);
    buf[2] = char('0' + y / 100 % 10);
    buf[3] = char('0' + y / 10 % 10);
    buf[4] = char('0' + y % 10);
    buf[5] = '-';
    two(6, mo);
    buf[8] = '-';
    two(9, d);
    buf[11] = 'T';
    two(12, hour);
    buf[14] = ':';
    two(15, min);
    buf[17] = ':';
    two(18, sec);
    buf[20] = '.';
    buf[21] = char('0' + msec / 100);
    buf[22] = char('0' + msec / 10 % 10);
    buf[23] = char('0' + msec % 10);
    buf[24] = 'Z';
    buf[25] = '"';
    w.put(buf, 26);
    std::memcpy(lastText, buf, sizeof lastText);
    lastMs = ms;
    return true;
}

struct KindParts
{
    MessageKind kind = MessageKind::Invalid;
    Method method = Method::None;
    PushType push = PushType::None;
    bool operator!=(const KindParts &o) const { return kind != o.kind || method != o.method || push != o.push; }
};

// ProtocolMessage::kindName() as JSON string bytes, without building a QString (this runs for every message). The
// messages of a flood's frame mostly share one kind: its name is looked up once per line.
struct KindNameCache
{
    MessageKind kind = MessageKind::Invalid;
    Method method = Method::None;
    PushType push = PushType::None;
    char quoted[64]; // the name as a JSON string
    qsizetype size = 0;
};

void writeKindName(JsonWriter &w, const ProtocolMessage &m, KindNameCache *cache)
{
    if (cache->size == 0 || m.kind != cache->kind || m.method != cache->method || m.push != cache->push) {
        const auto parts = m.kindNameParts();
        cache->kind = m.kind;
        cache->method = m.method;
        cache->push = m.push;
        cache->size = 0;
        if (parts.first.size() + parts.second.size() + 2 > qsizetype(sizeof cache->quoted)) {
            w.put('"');
            w.put(parts.first);
            w.put(parts.second);
            w.put('"');
            return;
        }
        char *q = cache->quoted;
        *q++ = '"';
        std::memcpy(q, parts.first.data(), size_t(parts.first.size()));
        q += parts.first.size();
        if (!parts.second.isEmpty())
            std::memcpy(q, parts.second.data(), size_t(parts.second.size()));
        q += parts.second.size();
        *q++ = '"';
        cache->size = q - cache->quoted;
    }
    w.put(cache->quoted, cache->size);
}

// What a reader gets back from the kind name alone (see parseKindName), computed without strings.
KindParts impliedParts(const ProtocolMessage &m, Direction dir)
{
    KindParts p;
    switch (m.kind) {
    case MessageKind::Command:
        if (m.method == Method::Ping && dir == Direction::In)
            p.kind = MessageKind::Ping; // "ping" coming in reads as a server ping
        else
            p = {MessageKind::Command, m.method, PushType::None};
        break;
    case MessageKind::Reply:
        p = {MessageKind::Reply, m.method, PushType::None};
        break;
    case MessageKind::Push:
        p = {MessageKind::Push, Method::None, m.push};
        break;
    case MessageKind::Ping:
        if (dir == Direction::In)
            p.kind = MessageKind::Ping;
        else
            p = {MessageKind::Command, Method::Ping, PushType::None}; // "ping" going out reads as a command
        break;
    default:
        p.kind = m.kind;
    }
    return p;
}

// The last channel written as a JSON string, kept per thread across lines, so a flood on one channel escapes it
// once. Its messages usually share one QString (the classifier's channel cache): same data, no comparison. The
// cache holds a reference to that QString, so its data cannot be freed and reused for another name meanwhile.
struct ChannelCache
{
    QString channel;
    QByteArray json;
};

void writeChannel(JsonWriter &w, const QString &channel, ChannelCache *cache)
{
    const bool same = ProtocolMessage::sameChannel(channel, cache->channel);
    if (!same || cache->json.isEmpty()) {
        cache->channel = channel;
        QByteArray json;
        JsonWriter escaped(&json);
        escaped.string(channel);
        escaped.finish();
        cache->json = json;
    }
    w.put(QByteArrayView(cache->json));
}

// Message fields; summaryOnly writes just the ones a reader of the first message looks for.
void writeMessageFields(JsonWriter &w, const ProtocolMessage &m, Direction dir, bool summaryOnly,
                        const QByteArray &frameRaw, QByteArrayView derived, bool isDerived, qsizetype *searchFrom,
                        ChannelCache *cache)
{
    if (!m.channel.isEmpty()) {
        w.key("channel");
        writeChannel(w, m.channel, cache);
    }
    if (m.id != 0) {
        w.key("id");
        w.number(m.id);
    }
    if (m.rttMs != -1) {
        w.key("rtt_ms");
        w.real(m.rttMs);
    }
    if (m.code != 0) {
        w.key("code");
        w.number(m.code);
    }
    if (!m.text.isEmpty()) {
        w.key("reason");
        w.string(m.text);
    }
    if (summaryOnly)
        return;

    const KindParts parts = impliedParts(m, dir);
    if (parts.kind != m.kind) {
        w.key("msg_kind");
        w.put('"');
        w.put(ProtocolMessage::messageKindName(m.kind));
        w.put('"');
    }
    if (parts.method != m.method) {
        w.key("method");
        w.put('"');
        w.put(Protocol::methodName(m.method));
        w.put('"');
    }
    if (parts.push != m.push) {
        w.key("push");
        w.put('"');
        w.put(Protocol::pushTypeName(m.push));
        w.put('"');
    }

    if (isDerived) {
        if (!derived.isEmpty())
            *searchFrom = (derived.data() - frameRaw.constData()) + derived.size();
        return;
    }
    // A message decoded from this frame is a slice of its buffer: its offset without searching.
    const qsizetype sliceAt = m.raw.constData() - frameRaw.constData();
    const bool isSlice =
        !m.raw.isEmpty() && m.raw.constData() >= frameRaw.constData() && sliceAt + m.raw.size() <= frameRaw.size();
    const qsizetype at = m.raw.isEmpty() ? 0 : (isSlice ? sliceAt : frameRaw.indexOf(m.raw, *searchFrom));
    if (at >= 0) {
        w.key("span");
        w.put('[');
        w.number(at);
        w.put(',');
        w.number(m.raw.size());
        w.put(']');
        *searchFrom = at + m.raw.size();
        return;
    }
    w.key("msg_raw");
    if (writeBytes(w, m.raw, false)) {
        w.key("msg_raw_base64");
        w.lit("true");
    }
}

// The message's validated text is the JSON to write: no json() needed (see FrameRecord::writesWithoutJson).
bool copiesValidatedText(const ProtocolMessage &m, bool binaryFrame, FrameRecord::FrameJson mode)
{
    return mode == FrameRecord::FrameJson::FromRaw && !binaryFrame && m.rawIsValidatedJson() &&
           m.kind != MessageKind::Disconnect && m.kind != MessageKind::Invalid;
}

// The codec's converter writes the JSON text from raw (Protobuf): no json() needed either.
bool writesConvertedText(const ProtocolMessage &m, FrameRecord::FrameJson mode)
{
    return mode == FrameRecord::FrameJson::FromRaw && m.hasJsonConverter();
}

void writeMessageJson(JsonWriter &w, const ProtocolMessage &m, bool binaryFrame, FrameRecord::FrameJson mode)
{
    if (writesConvertedText(m, mode)) {
        m.appendConvertedJsonText(w);
        return;
    }
    if (copiesValidatedText(m, binaryFrame, mode)) {
        // A validated object with white space around it is rare; the check is cheaper than trimmed().
        const QByteArrayView text(m.raw);
        w.put(text.front() == '{' && text.back() == '}' ? text : text.trimmed());
        return;
    }
    const bool noJsonText = m.kind == MessageKind::Disconnect || m.kind == MessageKind::Invalid;
    // Checked before json(): asking for it would parse every lazily classified message of a flood.
    if (noJsonText && m.json().isEmpty()) {
        w.lit("null");
        return;
    }
    if (mode == FrameRecord::FrameJson::FromRaw && !binaryFrame && !noJsonText) {
        const QByteArrayView text = QByteArrayView(m.raw).trimmed();
        if (JsonScanner::isJsonObject(text)) {
            w.put(text);
            return;
        }
    }
    w.put(QByteArrayView(QJsonDocument(m.json()).toJson(QJsonDocument::Compact)));
}

// The fields writeMessageFields() writes for a message, one by one, as they appear on the line.
bool sameSummary(const ProtocolMessage &a, const ProtocolMessage &b)
{
    const bool sameChannel = ProtocolMessage::sameChannel(a.channel, b.channel);
    const bool sameRtt = a.rttMs == b.rttMs || (std::isnan(a.rttMs) && std::isnan(b.rttMs));
    return sameChannel && a.id == b.id && sameRtt && a.code == b.code && a.text == b.text;
}

// "meta" is left out when every message's entry would repeat the line's own fields (the first message's summary)
// and nothing else: a flood on one channel, where "meta" would be a fifth of the line. A reader then gives every
// message the line's fields.
bool fieldsAreTheLines(const Frame &f, bool bytesFromText, const QVarLengthArray<bool, 32> &isDerived)
{
    const ProtocolMessage &first = f.messages.first();
    for (qsizetype i = 0; i < f.messages.size(); ++i) {
        const ProtocolMessage &m = f.messages.at(i);
        const KindParts parts = impliedParts(m, f.direction);
        if (!(bytesFromText || isDerived[i]) || parts != KindParts{m.kind, m.method, m.push} ||
            (i > 0 && !sameSummary(m, first)))
            return false;
    }
    return true;
}

// Every message converted to JSON text by its codec, their bytes the whole frame in order, nothing else in it.
bool messagesTileFrame(const Frame &f, FrameRecord::FrameJson mode)
{
    qsizetype at = 0;
    for (const ProtocolMessage &m : f.messages) {
        if (!writesConvertedText(m, mode) || m.raw.isEmpty() || at + m.raw.size() > f.raw.size())
            return false;
        const QByteArrayView expected(f.raw.constData() + at, m.raw.size());
        if (m.raw.constData() != expected.data() && QByteArrayView(m.raw) != expected)
            return false;
        at += m.raw.size();
    }
    return !f.messages.isEmpty() && at == f.raw.size();
}

void writeLine(JsonWriter &w, const Frame &f, FrameRecord::FrameJson mode)
{
    w.openObject();
    const qsizetype n = f.messages.size();
    thread_local ChannelCache cache;

    w.key("time");
    const bool timeInRange = writeTime(w, f.timeMs);
    if (!timeInRange)
        w.lit("null");
    w.key("dir");
    if (f.direction == Direction::In)
        w.lit("\"in\"");
    else
        w.lit("\"out\"");
    w.key("kind");
    KindNameCache kindNames;
    if (n > 0)
        writeKindName(w, f.messages.first(), &kindNames);
    else
        w.lit("\"\"");
    if (n != 1) {
        w.key("kinds");
        w.put('[');
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                w.put(',');
            writeKindName(w, f.messages.at(i), &kindNames);
        }
        w.put(']');
    }

    const QList<QByteArrayView> derived = FrameRecord::derivedMessageRaws(f.raw, f.binary, n);
    QVarLengthArray<bool, 32> isDerived(n);
    bool payloadIsFrameText = !f.binary && n > 0 && derived.size() == n;
    qsizetype lineBytes = n - 1; // the "\n" between lines
    for (qsizetype i = 0; i < n; ++i) {
        const QByteArrayView d = derived.value(i);
        const QByteArray &raw = f.messages.at(i).raw;
        // Messages decoded from this frame are slices of its buffer: the same bytes without comparing them.
        isDerived[i] =
            i < derived.size() && ((raw.constData() == d.data() && raw.size() == d.size()) || QByteArrayView(raw) == d);
        lineBytes += d.size();
        payloadIsFrameText = payloadIsFrameText && isDerived[i] &&
                             copiesValidatedText(f.messages.at(i), f.binary, mode) && !d.isEmpty() &&
                             d.front() == '{' && d.back() == '}';
    }
    // Lines are ordered, disjoint and apart by at least one "\n": with these sizes, nothing else is in the payload.
    payloadIsFrameText = payloadIsFrameText && lineBytes == f.raw.size();
    // A server's Protobuf frame whose "frame" the codec may give back as its bytes: decided while it is written.
    bool payloadFromProtobufText = f.binary && f.direction == Direction::In && messagesTileFrame(f, mode);

    qsizetype searchFrom = 0;
    if (n == 1)
        writeMessageFields(w, f.messages.first(), f.direction, false, f.raw, derived.value(0), isDerived[0],
                           &searchFrom, &cache);
    else if (n > 1)
        writeMessageFields(w, f.messages.first(), f.direction, true, f.raw, {}, false, &searchFrom, &cache);

    w.key("size");
    w.number(f.raw.size());
    if (f.binary) {
        w.key("binary");
        w.lit("true");
    }
    if (f.close) {
        w.key("close");
        w.lit("true");
        if (f.closedBy != CloseInfo::Side::Unknown) {
            w.key("closed_by");
            w.put('"');
            const char *side = CloseInfo::sideName(f.closedBy);
            w.put(side, qsizetype(std::strlen(side)));
            w.put('"');
        }
    }
    if (f.rejected) {
        w.key("rejected");
        w.lit("true");
    }
    if (f.conn != 0) {
        w.key("conn");
        w.number(f.conn);
    }
    if (f.injected != Frame::Injected::None) {
        w.key("injected");
        w.put('"');
        const char *name = FrameRecord::injectedName(f.injected);
        w.put(name, qsizetype(std::strlen(name)));
        w.put('"');
    }
    if (f.origin != Frame::Origin::Wire) {
        w.key("origin");
        w.put('"');
        const char *name = FrameRecord::originName(f.origin);
        w.put(name, qsizetype(std::strlen(name)));
        w.put('"');
    }

    w.key("frame");
    w.setReversible(true);
    if (n == 1) {
        writeMessageJson(w, f.messages.first(), f.binary, mode);
    } else {
        w.put('[');
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                w.put(',');
            writeMessageJson(w, f.messages.at(i), f.binary, mode);
        }
        w.put(']');
    }
    payloadFromProtobufText = payloadFromProtobufText && w.reversible();

    if (!payloadIsFrameText && !payloadFromProtobufText) {
        w.key("raw");
        if (writeBytes(w, f.raw, f.binary) && !f.binary) {
            // A text frame whose bytes are not UTF-8 (sent raw on purpose) is kept exactly, as base64.
            w.key("raw_base64");
            w.lit("true");
        }
    }

    if (n > 1 && !fieldsAreTheLines(f, payloadFromProtobufText, isDerived)) {
        w.key("meta");
        w.put('[');
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                w.put(',');
            w.openObject();
            // Without "raw" the messages' bytes are the converted "frame" elements one after another.
            writeMessageFields(w, f.messages.at(i), f.direction, false, f.raw, derived.value(i),
                               isDerived[i] || payloadFromProtobufText, &searchFrom, &cache);
            w.closeObject();
        }
        w.put(']');
    }
    if (!timeInRange) {
        w.key("time_ms");
        w.number(f.timeMs);
    }
    w.closeObject();
}

} // namespace

void RecordLineWriter::write(JsonWriter &w, const Frame &f, FrameRecord::FrameJson mode)
{
    writeLine(w, f, mode);
}

bool RecordLineWriter::writesWithoutJson(const Frame &f, FrameRecord::FrameJson mode)
{
    for (const ProtocolMessage &m : f.messages) {
        if (!copiesValidatedText(m, f.binary, mode) && !writesConvertedText(m, mode))
            return false;
    }
    return true;
}
