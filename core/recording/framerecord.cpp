#include "framerecord.h"

#include "jsoncodec.h"
#include "jsontext.h"
#include "jsonwriter.h"
#include "protobufcodec.h"
#include "recordlinewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <array>
#include <cmath>

using Protocol::Direction;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FrameRecord", text);
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian), after H. Hinnant's public-domain algorithms.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

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
    if (text.size() == 24 && FrameRecord::parseWrittenTime(text.toLatin1(), ms))
        return true;
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

// The payload of a line written without "raw": the text of "frame" (an object), or of its elements (objects)
// joined by "\n". The line is valid JSON.
bool payloadFromFrameText(QByteArrayView line, QByteArray *out)
{
    const QByteArrayView frame = JsonText::memberText(line, "frame");
    if (frame.isEmpty())
        return false;
    if (frame.front() == '{') {
        *out = frame.toByteArray();
        return true;
    }
    if (frame.front() != '[')
        return false;
    const QList<QByteArrayView> elements = JsonText::elementTexts(frame);
    out->clear();
    out->reserve(frame.size());
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (elements.at(i).isEmpty() || elements.at(i).front() != '{')
            return false;
        if (i)
            out->append('\n');
        out->append(elements.at(i));
    }
    return !elements.isEmpty();
}

// The payload of a binary line written without "raw": each element of "frame" (or "frame" itself) converted back
// to a server's Protobuf message, one after another; *messages gets each one's place in *out.
bool payloadFromProtobufText(QByteArrayView line, QByteArray *out, QList<QByteArrayView> *messages)
{
    const QByteArrayView frame = JsonText::memberText(line, "frame");
    if (frame.isEmpty())
        return false;
    const QList<QByteArrayView> elements =
        frame.front() == '[' ? JsonText::elementTexts(frame) : QList<QByteArrayView>{frame};
    QList<qsizetype> ends;
    out->clear();
    for (const QByteArrayView element : elements) {
        if (element.isEmpty() || element.front() != '{' || !ProtobufCodec::serverMessageFromJsonText(element, out))
            return false;
        ends.append(out->size());
    }
    messages->clear();
    qsizetype begin = 0;
    for (const qsizetype end : std::as_const(ends)) {
        messages->append(QByteArrayView(out->constData() + begin, end - begin));
        begin = end;
    }
    return !elements.isEmpty();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Reads the message fields of one message from obj (the line itself, or a "meta" entry).
// rawIsFrameText: the payload was taken from the line's "frame" text, so each message's bytes are the very JSON
// text the line parser has just accepted.
bool readMessage(const QJsonObject &obj, const QString &kindName, const QJsonValue &json, Direction dir,
                 const QByteArray &frameRaw, const QList<QByteArrayView> &derived, qsizetype index, bool rawIsFrameText,
                 ProtocolMessage *m, QString *error)
{
    ProtocolMessage parts; // what the kind name implies
    if (!ProtocolMessage::parseKindName(kindName, dir, &parts) && !obj.contains(QLatin1String("msg_kind")))
        return fail(error, tr("unknown message kind \"%1\"").arg(kindName));
    m->kind = parts.kind;
    m->method = parts.method;
    m->push = parts.push;
    const QJsonValue msgKind = obj.value(QLatin1String("msg_kind"));
    if (!msgKind.isUndefined()) {
        const QString name = msgKind.toString();
        if (!ProtocolMessage::messageKindFromName(name.toUtf8(), &m->kind))
            return fail(error, tr("unknown msg_kind \"%1\"").arg(name));
    }
    const QJsonValue method = obj.value(QLatin1String("method"));
    if (method.isString()) {
        m->method = Protocol::methodFromName(method.toString());
        if (m->method == Protocol::Method::None && !method.toString().isEmpty())
            return fail(error, tr("unknown method \"%1\"").arg(method.toString()));
    }
    const QJsonValue push = obj.value(QLatin1String("push"));
    if (push.isString()) {
        m->push = Protocol::pushTypeFromName(push.toString());
        if (m->push == Protocol::PushType::None && !push.toString().isEmpty())
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
        m->setJson(json.toObject());
    else if (json.isNull())
        m->setJson(QJsonObject());
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
    if (rawIsFrameText && json.isObject())
        m->setJsonFromRaw(ProtocolMessage::RawText::Validated); // written again the same way, without "raw"
    return true;
}

} // namespace

namespace FrameRecord {

QByteArray toJsonLine(const Frame &f, FrameJson mode)
{
    QByteArray out;
    out.reserve(f.raw.size() * 2 + 256);
    JsonWriter w(&out);
    RecordLineWriter::write(w, f, mode);
    w.finish();
    return out;
}

void appendJsonLine(const Frame &f, QByteArray *out, FrameJson mode)
{
    JsonWriter w(out);
    RecordLineWriter::write(w, f, mode);
    w.put('\n');
    w.finish();
}

namespace {
constexpr std::array<const char *, 6> kInjectedNames = {"", "close", "drop_upstream", "drop", "hold", "delay"};
constexpr std::array<const char *, 4> kOriginNames = {"", "server_call", "server_reply", "http"};

// The enum value named `name` in a table whose entry 0 (the default, never written) has no name.
template <typename Enum, size_t N>
bool valueFromName(const std::array<const char *, N> &names, const QString &name, Enum *value)
{
    for (size_t i = 1; i < N; ++i) {
        if (name == QLatin1String(names.at(i))) {
            *value = Enum(i);
            return true;
        }
    }
    return false;
}
} // namespace

const char *originName(Frame::Origin origin)
{
    return kOriginNames.at(size_t(origin));
}

bool originFromName(const QString &name, Frame::Origin *origin)
{
    return valueFromName(kOriginNames, name, origin);
}

const char *injectedName(Frame::Injected injected)
{
    return kInjectedNames.at(size_t(injected));
}

bool injectedFromName(const QString &name, Frame::Injected *injected)
{
    return valueFromName(kInjectedNames, name, injected);
}

bool writesWithoutJson(const Frame &f, FrameJson mode)
{
    return RecordLineWriter::writesWithoutJson(f, mode);
}

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
    f->closedBy = CloseInfo::sideFromName(obj.value(QLatin1String("closed_by")).toString());
    f->rejected = obj.value(QLatin1String("rejected")).toBool();
    f->conn = obj.value(QLatin1String("conn")).toInt();
    const QJsonValue injected = obj.value(QLatin1String("injected"));
    if (!injected.isUndefined() && !FrameRecord::injectedFromName(injected.toString(), &f->injected))
        return fail(error, tr("\"injected\" is not a known fault"));
    const QJsonValue origin = obj.value(QLatin1String("origin"));
    if (!origin.isUndefined() && !FrameRecord::originFromName(origin.toString(), &f->origin))
        return fail(error, tr("\"origin\" is not \"server_call\", \"server_reply\" or \"http\""));
    const QJsonValue rawValue = obj.value(QLatin1String("raw"));
    const bool rawIsFrameText = rawValue.isUndefined() && !f->binary;
    QList<QByteArrayView> protobufMessages; // into f->raw, for a binary line without "raw"
    if (rawIsFrameText) {
        if (!payloadFromFrameText(line, &f->raw))
            return fail(error, tr("\"raw\" is missing and \"frame\" does not hold the messages' JSON objects"));
    } else if (rawValue.isUndefined() && f->direction == Direction::In) {
        if (!payloadFromProtobufText(line, &f->raw, &protobufMessages))
            return fail(error, tr("\"raw\" is missing and \"frame\" does not hold Protobuf server messages"));
    } else if (!readBytes(rawValue, f->binary || obj.value(QLatin1String("raw_base64")).toBool(), &f->raw)) {
        return fail(error, tr("\"raw\" is missing, not a string or not valid base64"));
    }

    const QJsonValue frameValue = obj.value(QLatin1String("frame"));
    const QJsonValue kindsValue = obj.value(QLatin1String("kinds"));
    if (!kindsValue.isArray()) {
        // One message: its fields are on the line itself.
        const QList<QByteArrayView> derived = derivedMessageRaws(f->raw, f->binary, 1);
        ProtocolMessage m;
        if (!readMessage(obj, obj.value(QLatin1String("kind")).toString(), frameValue, f->direction, f->raw, derived, 0,
                         rawIsFrameText, &m, error))
            return false;
        f->messages.append(std::move(m));
        return true;
    }

    const QJsonArray kinds = kindsValue.toArray();
    const QJsonArray frames = frameValue.toArray();
    // Without "meta", every message has the line's own fields (RecordLineWriter leaves it out only then).
    const QJsonValue metaValue = obj.value(QLatin1String("meta"));
    const bool hasMeta = !metaValue.isUndefined() || kinds.isEmpty();
    const QJsonArray meta = metaValue.toArray();
    const qsizetype n = kinds.size();
    if (!frameValue.isArray() || frames.size() != n || (hasMeta && n > 0 && meta.size() != n))
        return fail(error, tr("\"kinds\", \"frame\" and \"meta\" must have one entry per message"));
    const QList<QByteArrayView> derived =
        protobufMessages.isEmpty() ? derivedMessageRaws(f->raw, f->binary, n) : protobufMessages;
    f->messages.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        ProtocolMessage m;
        if (!readMessage(hasMeta ? meta.at(i).toObject() : obj, kinds.at(i).toString(), frames.at(i), f->direction,
                         f->raw, derived, i, rawIsFrameText, &m, error))
            return false;
        f->messages.append(std::move(m));
    }
    return true;
}

} // namespace FrameRecord

bool FrameRecord::parseWrittenTime(QByteArrayView s, qint64 *ms)
{
    if (s.size() != 24)
        return false;
    const char *p = s.data();
    if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[19] != '.' || p[23] != 'Z')
        return false;
    const int y = digits(p, 4);
    const int mo = digits(p + 5, 2);
    const int d = digits(p + 8, 2);
    const int h = digits(p + 11, 2);
    const int mi = digits(p + 14, 2);
    const int se = digits(p + 17, 2);
    const int msec = digits(p + 20, 3);
    static constexpr std::array<int, 12> kMonthDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > kMonthDays.at(size_t(mo - 1)) || (mo == 2 && d > 28 && !leap) ||
        h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 || msec < 0)
        return false;
    *ms = daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400000LL + h * 3600000LL + mi * 60000LL + se * 1000LL + msec;
    return true;
}
