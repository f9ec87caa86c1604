#include "framerecord.h"

#include "jsoncodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <array>
#include <cmath>

using Protocol::Direction;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

// Layout of a line (writer order; the reader does not depend on it):
//   time, dir, kind, [kinds], first-message fields, size, [binary], [close], [raw_base64], frame, raw, [meta]
// Message fields (top level for a one-message frame, in each "meta" entry otherwise), all optional:
//   channel, id, rtt_ms, code, reason          the ProtocolMessage fields of the same meaning
//   method, push, msg_kind                     only when the kind name does not imply them (an error's method)
//   span:[offset,length] | msg_raw(+msg_raw_base64)   only when the message's bytes are not derivable (below)
// A message's bytes are derivable when the frame is text and its non-empty lines are one per message (JSON), or
// the frame has one message whose bytes are the whole payload.

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FrameRecord", text);
}

// ---- writing -------------------------------------------------------------------------------------------------

// Appends s as a JSON string. Returns false and leaves out unchanged if s is not valid UTF-8 (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), so that the caller can fall back to base64.
bool appendJsonString(QByteArray &out, QByteArrayView s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const qsizetype n = s.size();
    out.reserve(out.size() + n + 2);
    out.append('"');
    qsizetype run = 0; // start of the pending run of bytes copied as they are
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            int len = 0;
            unsigned min = 0;
            unsigned cp = 0;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                cp = c & 0x1F;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                cp = c & 0x0F;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                cp = c & 0x07;
                min = 0x10000;
            } else {
                out.truncate(start);
                return false;
            }
            if (i + len > n) {
                out.truncate(start);
                return false;
            }
            for (int k = 1; k < len; ++k) {
                const unsigned char cc = p[i + k];
                if ((cc & 0xC0) != 0x80) {
                    out.truncate(start);
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.truncate(start);
                return false;
            }
            i += len;
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out.append(esc, 6);
        }
        }
        ++i;
        run = i;
    }
    out.append(s.data() + run, n - run);
    out.append('"');
    return true;
}

void appendString(QByteArray &out, const QString &s)
{
    // A QString always converts to valid UTF-8.
    appendJsonString(out, s.toUtf8());
}

void appendKey(QByteArray &out, const char *key)
{
    if (out.size() > 1)
        out.append(',');
    out.append('"').append(key).append("\":");
}

// Bytes as a JSON string, or base64 when they are not UTF-8; returns whether base64 was used.
bool appendBytes(QByteArray &out, const QByteArray &bytes, bool forceBase64)
{
    if (!forceBase64 && appendJsonString(out, bytes))
        return false;
    out.append('"').append(bytes.toBase64()).append('"');
    return true;
}

void appendDouble(QByteArray &out, double v)
{
    if (!std::isfinite(v)) {
        out.append("null");
        return;
    }
    // Shortest form that reads back as the same double.
    out.append(QByteArray::number(v, 'g', QLocale::FloatingPointShortest));
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

qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

constexpr qint64 kMsPerDay = 86400000;

// "YYYY-MM-DDTHH:MM:SS.mmmZ"; returns false when the year has no four-digit form.
bool appendTime(QByteArray &out, qint64 ms)
{
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
    out.append(buf, 26);
    return true;
}

const std::array<const char *, 8> kMessageKindNames = {"invalid", "command", "reply", "error",
                                                       "push",    "ping",    "pong",  "disconnect"};

struct KindParts
{
    MessageKind kind = MessageKind::Invalid;
    Method method = Method::None;
    PushType push = PushType::None;
};

// Inverse of ProtocolMessage::kindName(). "ping" is a server ping coming in and a ping command going out.
bool parseKindName(QStringView name, Direction dir, KindParts *out)
{
    *out = {};
    if (name == QLatin1String("error")) {
        out->kind = MessageKind::Error;
    } else if (name == QLatin1String("pong")) {
        out->kind = MessageKind::Pong;
    } else if (name == QLatin1String("disconnect")) {
        out->kind = MessageKind::Disconnect;
    } else if (name == QLatin1String("invalid")) {
        out->kind = MessageKind::Invalid;
    } else if (name == QLatin1String("command")) {
        out->kind = MessageKind::Command;
    } else if (name == QLatin1String("reply")) {
        out->kind = MessageKind::Reply;
    } else if (name == QLatin1String("ping") && dir == Direction::In) {
        out->kind = MessageKind::Ping;
    } else if (name.startsWith(QLatin1String("push_"))) {
        out->kind = MessageKind::Push;
        const QStringView type = name.mid(5);
        out->push = Protocol::pushTypeFromName(type);
        return !type.isEmpty() ? out->push != PushType::None : true;
    } else if (name.endsWith(QLatin1String("_reply"))) {
        out->kind = MessageKind::Reply;
        out->method = Protocol::methodFromName(name.chopped(6));
        return out->method != Method::None;
    } else {
        out->kind = MessageKind::Command;
        out->method = Protocol::methodFromName(name);
        return out->method != Method::None;
    }
    return true;
}

// The message bytes a reader derives from the frame alone (see the layout comment at the top).
QList<QByteArrayView> derivedMessageRaws(const QByteArray &raw, bool binary, qsizetype count)
{
    if (!binary) {
        QList<QByteArrayView> lines = JsonCodec::splitLines(raw);
        if (lines.size() == count)
            return lines;
    }
    if (count == 1)
        return {QByteArrayView(raw)};
    return {};
}

// Message fields; summaryOnly writes just the ones a reader of the first message looks for.
void appendMessageFields(QByteArray &out, const ProtocolMessage &m, Direction dir, bool summaryOnly,
                         const QByteArray &frameRaw, QByteArrayView derived, bool haveDerived, qsizetype *searchFrom)
{
    if (!m.channel.isEmpty()) {
        appendKey(out, "channel");
        appendString(out, m.channel);
    }
    if (m.id != 0) {
        appendKey(out, "id");
        out.append(QByteArray::number(m.id));
    }
    if (m.rttMs != -1) {
        appendKey(out, "rtt_ms");
        appendDouble(out, m.rttMs);
    }
    if (m.code != 0) {
        appendKey(out, "code");
        out.append(QByteArray::number(m.code));
    }
    if (!m.text.isEmpty()) {
        appendKey(out, "reason");
        appendString(out, m.text);
    }
    if (summaryOnly)
        return;

    KindParts parts;
    if (!parseKindName(m.kindName(), dir, &parts))
        parts = {};
    if (parts.kind != m.kind) {
        appendKey(out, "msg_kind");
        out.append('"').append(kMessageKindNames.at(size_t(m.kind))).append('"');
    }
    if (parts.method != m.method) {
        appendKey(out, "method");
        const QLatin1String name = Protocol::methodName(m.method);
        out.append('"').append(name.data(), name.size()).append('"');
    }
    if (parts.push != m.push) {
        appendKey(out, "push");
        const QLatin1String name = Protocol::pushTypeName(m.push);
        out.append('"').append(name.data(), name.size()).append('"');
    }

    if (haveDerived && QByteArrayView(m.raw) == derived) {
        if (!derived.isEmpty())
            *searchFrom = (derived.data() - frameRaw.constData()) + derived.size();
        return;
    }
    const qsizetype at = m.raw.isEmpty() ? 0 : frameRaw.indexOf(m.raw, *searchFrom);
    if (at >= 0) {
        appendKey(out, "span");
        out.append('[').append(QByteArray::number(at)).append(',').append(QByteArray::number(m.raw.size()));
        out.append(']');
        *searchFrom = at + m.raw.size();
        return;
    }
    appendKey(out, "msg_raw");
    if (appendBytes(out, m.raw, false)) {
        appendKey(out, "msg_raw_base64");
        out.append("true");
    }
}

void appendMessageJson(QByteArray &out, const ProtocolMessage &m)
{
    if (m.json.isEmpty() && (m.kind == MessageKind::Disconnect || m.kind == MessageKind::Invalid))
        out.append("null");
    else
        out.append(QJsonDocument(m.json).toJson(QJsonDocument::Compact));
}

// ---- reading -------------------------------------------------------------------------------------------------

int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

bool parseTime(const QString &text, qint64 *ms)
{
    if (text.size() == 24) {
        const QByteArray s = text.toLatin1();
        const char *p = s.constData();
        if (p[4] == '-' && p[7] == '-' && p[10] == 'T' && p[13] == ':' && p[16] == ':' && p[19] == '.' &&
            p[23] == 'Z') {
            const int y = digits(p, 4);
            const int mo = digits(p + 5, 2);
            const int d = digits(p + 8, 2);
            const int h = digits(p + 11, 2);
            const int mi = digits(p + 14, 2);
            const int se = digits(p + 17, 2);
            const int msec = digits(p + 20, 3);
            static constexpr std::array<int, 12> kMonthDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= kMonthDays.at(size_t(mo - 1)) &&
                (mo != 2 || d <= 28 || leap) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59 &&
                msec >= 0) {
                *ms = daysFromCivil(y, unsigned(mo), unsigned(d)) * kMsPerDay + h * 3600000LL + mi * 60000LL +
                      se * 1000LL + msec;
                return true;
            }
        }
    }
    // Other ISO 8601 spellings (an offset instead of Z, no milliseconds) from hand-edited files.
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    *ms = t.toMSecsSinceEpoch();
    return true;
}

bool readBytes(const QJsonValue &value, bool base64, QByteArray *out)
{
    if (!value.isString())
        return false;
    if (!base64) {
        *out = value.toString().toUtf8();
        return true;
    }
    const auto result =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = result.decoded;
    return true;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Reads the message fields of one message from obj (the line itself, or a "meta" entry).
bool readMessage(const QJsonObject &obj, const QString &kindName, const QJsonValue &json, Direction dir,
                 const QByteArray &frameRaw, const QList<QByteArrayView> &derived, qsizetype index, ProtocolMessage *m,
                 QString *error)
{
    KindParts parts;
    if (!parseKindName(kindName, dir, &parts) && !obj.contains(QLatin1String("msg_kind")))
        return fail(error, tr("unknown message kind \"%1\"").arg(kindName));
    m->kind = parts.kind;
    m->method = parts.method;
    m->push = parts.push;
    const QJsonValue msgKind = obj.value(QLatin1String("msg_kind"));
    if (!msgKind.isUndefined()) {
        const QString name = msgKind.toString();
        bool found = false;
        for (size_t i = 0; i < kMessageKindNames.size(); ++i) {
            if (name == QLatin1String(kMessageKindNames.at(i))) {
                m->kind = MessageKind(i);
                found = true;
            }
        }
        if (!found)
            return fail(error, tr("unknown msg_kind \"%1\"").arg(name));
    }
    const QJsonValue method = obj.value(QLatin1String("method"));
    if (method.isString()) {
        m->method = Protocol::methodFromName(method.toString());
        if (m->method == Method::None && !method.toString().isEmpty())
            return fail(error, tr("unknown method \"%1\"").arg(method.toString()));
    }
    const QJsonValue push = obj.value(QLatin1String("push"));
    if (push.isString()) {
        m->push = Protocol::pushTypeFromName(push.toString());
        if (m->push == PushType::None && !push.toString().isEmpty())
            return fail(error, tr("unknown push type \"%1\"").arg(push.toString()));
    }

    m->channel = obj.value(QLatin1String("channel")).toString();
    const double id = obj.value(QLatin1String("id")).toDouble(0);
    if (id < 0 || id > 4294967295.0)
        return fail(error, tr("id out of range"));
    m->id = quint32(id);
    const QJsonValue rtt = obj.value(QLatin1String("rtt_ms"));
    m->rttMs = rtt.isDouble() ? rtt.toDouble() : (rtt.isNull() ? std::nan("") : -1.0);
    m->code = obj.value(QLatin1String("code")).toInt(0);
    m->text = obj.value(QLatin1String("reason")).toString();

    if (json.isObject())
        m->json = json.toObject();
    else if (json.isNull())
        m->json = QJsonObject();
    else
        return fail(error, tr("\"frame\" must hold JSON objects"));

    const QJsonValue span = obj.value(QLatin1String("span"));
    if (span.isArray()) {
        const QJsonArray a = span.toArray();
        const qint64 off = a.at(0).toInteger(-1);
        const qint64 len = a.at(1).toInteger(-1);
        if (a.size() != 2 || off < 0 || len < 0 || off + len > frameRaw.size())
            return fail(error, tr("\"span\" is outside the frame"));
        m->raw = frameRaw.mid(off, len);
    } else if (obj.contains(QLatin1String("msg_raw"))) {
        if (!readBytes(obj.value(QLatin1String("msg_raw")), obj.value(QLatin1String("msg_raw_base64")).toBool(),
                       &m->raw))
            return fail(error, tr("\"msg_raw\" is not a string or not valid base64"));
    } else if (index < derived.size()) {
        const QByteArrayView d = derived.at(index);
        m->raw = d.size() == frameRaw.size() ? frameRaw : d.toByteArray();
    } else {
        return fail(error, tr("the bytes of message %1 cannot be found in the frame").arg(index + 1));
    }
    return true;
}

} // namespace

namespace FrameRecord {

QByteArray toJsonLine(const Frame &f)
{
    QByteArray out;
    out.reserve(f.raw.size() * 2 + 160);
    out.append('{');
    const qsizetype n = f.messages.size();

    appendKey(out, "time");
    const bool timeInRange = appendTime(out, f.timeMs);
    if (!timeInRange)
        out.append("null");
    appendKey(out, "dir");
    out.append(f.direction == Direction::In ? "\"in\"" : "\"out\"");
    appendKey(out, "kind");
    if (n > 0)
        appendString(out, f.messages.first().kindName());
    else
        out.append("\"\"");
    if (n != 1) {
        appendKey(out, "kinds");
        out.append('[');
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                out.append(',');
            appendString(out, f.messages.at(i).kindName());
        }
        out.append(']');
    }

    const QList<QByteArrayView> derived = derivedMessageRaws(f.raw, f.binary, n);
    qsizetype searchFrom = 0;
    if (n == 1)
        appendMessageFields(out, f.messages.first(), f.direction, false, f.raw, derived.value(0), !derived.isEmpty(),
                            &searchFrom);
    else if (n > 1)
        appendMessageFields(out, f.messages.first(), f.direction, true, f.raw, {}, false, &searchFrom);

    appendKey(out, "size");
    out.append(QByteArray::number(f.raw.size()));
    if (f.binary) {
        appendKey(out, "binary");
        out.append("true");
    }
    if (f.close) {
        appendKey(out, "close");
        out.append("true");
    }

    appendKey(out, "frame");
    if (n == 1) {
        appendMessageJson(out, f.messages.first());
    } else {
        out.append('[');
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                out.append(',');
            appendMessageJson(out, f.messages.at(i));
        }
        out.append(']');
    }

    QByteArray rawField;
    if (appendBytes(rawField, f.raw, f.binary) && !f.binary) {
        // A text frame whose bytes are not UTF-8 (sent raw on purpose): kept exactly, as base64.
        appendKey(out, "raw_base64");
        out.append("true");
    }
    appendKey(out, "raw");
    out.append(rawField);

    if (n > 1) {
        appendKey(out, "meta");
        out.append('[');
        for (qsizetype i = 0; i < n; ++i) {
            if (i)
                out.append(',');
            QByteArray entry("{");
            appendMessageFields(entry, f.messages.at(i), f.direction, false, f.raw, derived.value(i),
                                i < derived.size(), &searchFrom);
            entry.append('}');
            out.append(entry);
        }
        out.append(']');
    }
    if (!timeInRange) {
        appendKey(out, "time_ms");
        out.append(QByteArray::number(f.timeMs));
    }
    out.append('}');
    return out;
}

bool fromJsonLine(QByteArrayView line, Frame *f, QString *error)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    if (line.isEmpty())
        return fail(error, tr("empty line"));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(error, tr("not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return fail(error, tr("not a JSON object"));
    const QJsonObject obj = doc.object();

    *f = Frame();
    const QJsonValue timeMs = obj.value(QLatin1String("time_ms"));
    if (timeMs.isDouble()) {
        f->timeMs = timeMs.toInteger();
    } else if (!parseTime(obj.value(QLatin1String("time")).toString(), &f->timeMs)) {
        return fail(error, tr("\"time\" is missing or not an ISO 8601 time"));
    }

    const QString dir = obj.value(QLatin1String("dir")).toString();
    if (dir == QLatin1String("in"))
        f->direction = Direction::In;
    else if (dir == QLatin1String("out"))
        f->direction = Direction::Out;
    else
        return fail(error, tr("\"dir\" must be \"in\" or \"out\""));

    f->binary = obj.value(QLatin1String("binary")).toBool();
    f->close = obj.value(QLatin1String("close")).toBool();
    if (!readBytes(obj.value(QLatin1String("raw")), f->binary || obj.value(QLatin1String("raw_base64")).toBool(),
                   &f->raw))
        return fail(error, tr("\"raw\" is missing, not a string or not valid base64"));

    const QJsonValue frameValue = obj.value(QLatin1String("frame"));
    const QJsonValue kindsValue = obj.value(QLatin1String("kinds"));
    if (!kindsValue.isArray()) {
        // One message: its fields are on the line itself.
        const QList<QByteArrayView> derived = derivedMessageRaws(f->raw, f->binary, 1);
        ProtocolMessage m;
        if (!readMessage(obj, obj.value(QLatin1String("kind")).toString(), frameValue, f->direction, f->raw, derived, 0,
                         &m, error))
            return false;
        f->messages.append(std::move(m));
        return true;
    }

    const QJsonArray kinds = kindsValue.toArray();
    const QJsonArray frames = frameValue.toArray();
    const QJsonArray meta = obj.value(QLatin1String("meta")).toArray();
    const qsizetype n = kinds.size();
    if (!frameValue.isArray() || frames.size() != n || (n > 0 && meta.size() != n))
        return fail(error, tr("\"kinds\", \"frame\" and \"meta\" must have one entry per message"));
    const QList<QByteArrayView> derived = derivedMessageRaws(f->raw, f->binary, n);
    f->messages.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        ProtocolMessage m;
        if (!readMessage(meta.at(i).toObject(), kinds.at(i).toString(), frames.at(i), f->direction, f->raw, derived, i,
                         &m, error))
            return false;
        f->messages.append(std::move(m));
    }
    return true;
}

} // namespace FrameRecord
