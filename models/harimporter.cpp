#include "harimporter.h"

#include "jsoncodec.h"
#include "wirecodec.h"

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

} // namespace

HarImporter::Result HarImporter::parse(const QByteArray &har)
{
    Result result;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(har, &pe);
    if (pe.error != QJsonParseError::NoError) {
        result.error =
            tr("Not a HAR file: the JSON is invalid (%1 at offset %2).").arg(pe.errorString()).arg(pe.offset);
        return result;
    }
    const QJsonValue entriesValue = doc.object().value(QLatin1String("log")).toObject().value(QLatin1String("entries"));
    if (!entriesValue.isArray()) {
        result.error = tr("Not a HAR file: there is no log.entries array.");
        return result;
    }

    const JsonCodec json;
    const std::unique_ptr<WireCodec> protobuf = createWireCodec(Protocol::Format::Protobuf);
    auto problem = [&result](const QString &what) {
        if (result.badMessages++ == 0)
            result.firstProblem = what;
    };

    const QJsonArray entries = entriesValue.toArray();
    for (const QJsonValue &entryValue : entries) {
        const QJsonObject entry = entryValue.toObject();
        const QJsonValue messagesValue = entry.value(QLatin1String("_webSocketMessages"));
        if (!messagesValue.isArray())
            continue;
        const QString url = entry.value(QLatin1String("request")).toObject().value(QLatin1String("url")).toString();
        result.urls.append(url);
        RttTracker rtt;
        const QJsonArray messages = messagesValue.toArray();
        int index = 0;
        for (const QJsonValue &value : messages) {
            ++index;
            const QJsonObject o = value.toObject();
            const QString type = o.value(QLatin1String("type")).toString();
            Frame f;
            if (type == QLatin1String("send")) {
                f.direction = Direction::Out;
            } else if (type == QLatin1String("receive")) {
                f.direction = Direction::In;
            } else {
                problem(
                    tr("%1, message %2: type is \"%3\", not \"send\" or \"receive\".").arg(url).arg(index).arg(type));
                continue;
            }
            const double seconds = o.value(QLatin1String("time")).toDouble(std::nan(""));
            if (!std::isfinite(seconds)) {
                problem(tr("%1, message %2: no time.").arg(url).arg(index));
                continue;
            }
            f.timeMs = qint64(std::llround(seconds * 1000.0));
            const int opcode = o.value(QLatin1String("opcode")).toInt(kOpText);
            const QJsonValue data = o.value(QLatin1String("data"));
            if (!data.isString() && opcode != kOpClose) {
                problem(tr("%1, message %2: no data.").arg(url).arg(index));
                continue;
            }

            if (opcode == kOpText) {
                f.raw = data.toString().toUtf8();
                f.messages =
                    f.direction == Direction::In ? json.decodeServerFrame(f.raw) : json.decodeClientFrame(f.raw);
            } else if (opcode == kOpBinary) {
                const auto decoded =
                    QByteArray::fromBase64Encoding(data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded) {
                    problem(tr("%1, message %2: binary data is not base64.").arg(url).arg(index));
                    continue;
                }
                f.binary = true;
                f.raw = decoded.decoded;
                f.messages = f.direction == Direction::In ? protobuf->decodeServerFrame(f.raw)
                                                          : protobuf->decodeClientFrame(f.raw);
            } else if (opcode == kOpClose) {
                // Chrome does not record closes, other tools do: a "code" field, or the close payload in base64.
                ProtocolMessage m;
                m.kind = MessageKind::Disconnect;
                m.code = o.value(QLatin1String("code")).toInt(0);
                QByteArray reason = o.value(QLatin1String("reason")).toString().toUtf8();
                if (m.code == 0) {
                    const auto payload = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                                        QByteArray::AbortOnBase64DecodingErrors);
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
                ++result.skippedControlFrames;
                continue;
            }
            rtt.apply(f);
            result.frames.append(std::move(f));
        }
    }
    if (result.urls.isEmpty())
        result.error = tr("The HAR file has no WebSocket connection. Record it with the Network panel open and save "
                          "it with \"Save all as HAR with content\".");
    // Several connections: one timeline in time order (stable, so each connection keeps its own order).
    std::stable_sort(result.frames.begin(), result.frames.end(),
                     [](const Frame &a, const Frame &b) { return a.timeMs < b.timeMs; });
    return result;
}

HarImporter::Result HarImporter::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result r;
        r.error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return r;
    }
    return parse(file.readAll());
}
