#include "protobufcodec.h"

#include "client.pb.h"
#include "jsoncodec.h"
#include "protobufjson.h"
#include "protobufjsontext.h"
#include "sharedbytes.h"

#include <google/protobuf/arena.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/delimited_message_util.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QStringDecoder>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace pb = google::protobuf;
namespace cproto = centrifugal::centrifuge::protocol;
using Protocol::MessageKind;
using Protocol::Method;
using Protocol::PushType;

namespace {

Q_LOGGING_CATEGORY(lcProtobuf, "inspector.protobuf", QtWarningMsg)

// libprotobuf reports some parse failures (invalid UTF-8 in a string field) only through its log. While a
// message is parsed on this thread, its log lines are collected as the reason; otherwise they go to Qt logging.
thread_local std::string *t_parseLog = nullptr;

void protobufLogHandler(pb::LogLevel level, const char *file, int line, const std::string &message)
{
    if (t_parseLog) {
        if (!t_parseLog->empty())
            t_parseLog->append("; ");
        t_parseLog->append(message);
        return;
    }
    if (level >= pb::LOGLEVEL_ERROR)
        qCWarning(lcProtobuf).nospace() << "libprotobuf " << file << ':' << line << ": " << message.c_str();
    else
        qCDebug(lcProtobuf).nospace() << "libprotobuf " << file << ':' << line << ": " << message.c_str();
}

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// ---- framing ---------------------------------------------------------------------------------------------

// Encodes JSON objects as length-delimited messages of type Msg.
template <typename Msg> QByteArray encodeObjects(const QList<QJsonObject> &objects, QString *error)
{
    std::string out;
    {
        pb::io::StringOutputStream stream(&out);
        for (qsizetype i = 0; i < objects.size(); ++i) {
            Msg message;
            QString why;
            if (!ProtobufJson::fromJson(objects.at(i), &message, &why)) {
                if (error) {
                    *error = objects.size() == 1
                                 ? why
                                 : QCoreApplication::translate("ProtobufCodec", "message %1: %2").arg(i + 1).arg(why);
                }
                return {};
            }
            if (!pb::util::SerializeDelimitedToZeroCopyStream(message, &stream)) {
                if (error)
                    *error =
                        QCoreApplication::translate("ProtobufCodec", "message %1 is too large to encode").arg(i + 1);
                return {};
            }
        }
    }
    return QByteArray(out.data(), qsizetype(out.size()));
}

// Splits a frame into varint-delimited messages and converts each one. Nothing is read past the payload and no
// allocation depends on a length prefix before it is checked against the bytes that remain.
// ---- server messages without JSON -----------------------------------------------------------------------

// QJsonValue::toInt() of a uint32 that messageToJson wrote: 0 when it does not fit an int.
int jsonInt(quint32 v)
{
    return v <= quint32(std::numeric_limits<int>::max()) ? int(v) : 0;
}

// The Reply's result fields in Protocol::allMethods() order, found by their names (the JSON keys).
const std::vector<std::pair<Method, const pb::FieldDescriptor *>> &resultFields()
{
    static const std::vector<std::pair<Method, const pb::FieldDescriptor *>> fields = [] {
        std::vector<std::pair<Method, const pb::FieldDescriptor *>> out;
        const pb::Descriptor *reply = cproto::Reply::descriptor();
        for (Method method : Protocol::allMethods()) {
            const QLatin1String name = Protocol::methodName(method);
            if (const pb::FieldDescriptor *f = reply->FindFieldByName(std::string(name.data(), size_t(name.size()))))
                out.emplace_back(method, f);
        }
        return out;
    }();
    return fields;
}

// Exactly what JsonCodec::classifyServerObject(messageToJson(reply), raw) gives, read from the parsed Reply
// without building its JSON (tests/core/tst_protobufcodec checks the two agree); json() converts raw when first asked.
ProtocolMessage classifyReply(const cproto::Reply &reply, const QByteArray &raw)
{
    ProtocolMessage m;
    m.raw = raw;
    static constexpr ProtocolMessage::JsonConverter kServerJson{&ProtobufCodec::serverMessageJson,
                                                                &ProtobufCodec::appendServerMessageJsonText};
    m.setJsonConverter(&kServerJson);
    m.id = reply.id();
    if (reply.has_push()) {
        const cproto::Push &push = reply.push();
        m.kind = MessageKind::Push;
        m.channel =
            ProtocolMessage::channelName(QByteArrayView(push.channel().data(), qsizetype(push.channel().size())));
        // The first push type present in the JSON object's (alphabetical) key order.
        if (push.has_connect())
            m.push = PushType::Connect;
        else if (push.has_disconnect())
            m.push = PushType::Disconnect;
        else if (push.has_join())
            m.push = PushType::Join;
        else if (push.has_leave())
            m.push = PushType::Leave;
        else if (push.has_message())
            m.push = PushType::Message;
        else if (push.has_pub())
            m.push = PushType::Pub;
        else if (push.has_refresh())
            m.push = PushType::Refresh;
        else if (push.has_subscribe())
            m.push = PushType::Subscribe;
        else if (push.has_unsubscribe())
            m.push = PushType::Unsubscribe;
        if (m.push == PushType::Unsubscribe) {
            m.code = jsonInt(push.unsubscribe().code());
            m.text = qs(push.unsubscribe().reason());
        } else if (m.push == PushType::Disconnect) {
            m.code = jsonInt(push.disconnect().code());
            m.text = qs(push.disconnect().reason());
        }
        return m;
    }
    if (reply.has_error()) {
        m.kind = MessageKind::Error;
        m.code = jsonInt(reply.error().code());
        m.text = qs(reply.error().message());
        return m;
    }
    const pb::Reflection *r = reply.GetReflection();
    for (const auto &[method, field] : resultFields()) {
        if (r->HasField(reply, field)) {
            m.method = method;
            break;
        }
    }
    if (m.id == 0 && m.method == Method::Connect) {
        m.kind = MessageKind::Push; // a bare connect push (unidirectional transports)
        m.push = PushType::Connect;
    } else if (m.id == 0 && m.method == Method::None) {
        m.kind = MessageKind::Ping; // empty, or unknown fields only
    } else {
        m.kind = MessageKind::Reply;
    }
    return m;
}

template <typename Msg> QList<ProtocolMessage> decodeFrame(const QByteArray &payload, bool server)
{
    const char *messageType = server ? "Reply" : "Command";
    // The messages of a frame are parsed into an arena: clearing a heap message frees its nested messages and
    // strings, so every message of a flood would allocate and free them again. The arena starts on the stack and
    // is freed once, with the frame.
    alignas(16) char firstBlock[8192];
    pb::ArenaOptions arenaOptions;
    arenaOptions.initial_block = firstBlock;
    arenaOptions.initial_block_size = sizeof firstBlock;
    pb::Arena arena(arenaOptions);
    Msg &message = *pb::Arena::CreateMessage<Msg>(&arena);
    QList<ProtocolMessage> out;
    const auto *data = reinterpret_cast<const quint8 *>(payload.constData());
    const qsizetype n = payload.size();
    qsizetype pos = 0;
    while (pos < n) {
        if (out.size() >= ProtobufCodec::kMaxMessagesPerFrame) {
            out.append(ProtocolMessage::invalid(
                payload.mid(pos),
                QCoreApplication::translate("ProtobufCodec", "more than %1 messages in one frame: the remaining %2 "
                                                             "bytes are not decoded")
                    .arg(ProtobufCodec::kMaxMessagesPerFrame)
                    .arg(n - pos)));
            break;
        }
        const qsizetype remaining = n - pos;
        // A varint has at most 10 bytes; the stream never reads beyond the span it is given.
        pb::io::CodedInputStream prefix(data + pos, int(std::min<qsizetype>(remaining, 10)));
        quint64 length = 0;
        if (!prefix.ReadVarint64(reinterpret_cast<pb::uint64 *>(&length))) {
            out.append(ProtocolMessage::invalid(
                payload.mid(pos),
                QCoreApplication::translate("ProtobufCodec", "bad length prefix at byte %1: the varint is truncated "
                                                             "or longer than 10 bytes (%2 bytes left in the frame)")
                    .arg(pos)
                    .arg(remaining)));
            break;
        }
        const qsizetype prefixSize = prefix.CurrentPosition();
        const qsizetype available = remaining - prefixSize;
        if (length > quint64(available) || length > quint64(INT_MAX)) {
            out.append(ProtocolMessage::invalid(
                payload.mid(pos),
                QCoreApplication::translate("ProtobufCodec", "length prefix at byte %1 announces %2 bytes, but only %3 "
                                                             "bytes follow in the frame")
                    .arg(pos)
                    .arg(length)
                    .arg(available)));
            break;
        }
        const qsizetype size = prefixSize + qsizetype(length);
        const QByteArray raw = SharedBytes::slice(payload, QByteArrayView(payload.constData() + pos, size));

        std::string parseLog;
        t_parseLog = &parseLog;
        const bool ok = message.ParseFromArray(data + pos + prefixSize, int(length));
        t_parseLog = nullptr;
        if (!ok) {
            QString why = QCoreApplication::translate("ProtobufCodec",
                                                      "bytes %1 to %2 are not a valid Protobuf %3 (%4-byte message)")
                              .arg(pos)
                              .arg(pos + size - 1)
                              .arg(QLatin1String(messageType))
                              .arg(length);
            if (!parseLog.empty())
                why += QLatin1String(": ") + qs(parseLog);
            out.append(ProtocolMessage::invalid(raw, why));
        } else if constexpr (std::is_same_v<Msg, cproto::Reply>) {
            // Server messages are classified from the parsed Reply; their JSON is built only when opened.
            out.append(classifyReply(message, raw));
        } else {
            out.append(JsonCodec::classifyClientObject(ProtobufJson::toJson(message), raw));
        }
        pos += size;
    }
    if (out.isEmpty())
        out.append(ProtocolMessage::invalid(payload,
                                            QCoreApplication::translate("ProtobufCodec", "empty frame (no messages)")));
    return out;
}

} // namespace

ProtobufCodec::ProtobufCodec()
{
    static std::once_flag once;
    std::call_once(once, [] { pb::SetLogHandler(&protobufLogHandler); });
}

QByteArray ProtobufCodec::encodeCommands(const QList<QJsonObject> &commands, QString *error) const
{
    return encodeObjects<cproto::Command>(commands, error);
}

QByteArray ProtobufCodec::encodePong() const
{
    return QByteArray(1, '\0');
}

QList<ProtocolMessage> ProtobufCodec::decodeServerFrame(const QByteArray &payload) const
{
    return decodeFrame<cproto::Reply>(payload, true);
}

QList<ProtocolMessage> ProtobufCodec::decodeClientFrame(const QByteArray &payload) const
{
    return decodeFrame<cproto::Command>(payload, false);
}

QByteArray ProtobufCodec::encodeReplies(const QList<QJsonObject> &replies, QString *error)
{
    ProtobufCodec codec; // installs the log handler
    Q_UNUSED(codec);
    return encodeObjects<cproto::Reply>(replies, error);
}

namespace {

// The Reply of one server message as decodeServerFrame() keeps its bytes (length prefix and Reply).
bool parseServerMessage(const QByteArray &raw, cproto::Reply *reply)
{
    const auto *data = reinterpret_cast<const quint8 *>(raw.constData());
    pb::io::CodedInputStream prefix(data, int(std::min<qsizetype>(raw.size(), 10)));
    quint64 length = 0;
    if (!prefix.ReadVarint64(reinterpret_cast<pb::uint64 *>(&length)))
        return false;
    const qsizetype prefixSize = prefix.CurrentPosition();
    return length == quint64(raw.size() - prefixSize) && reply->ParseFromArray(data + prefixSize, int(length));
}

} // namespace

QJsonObject ProtobufCodec::serverMessageJson(const QByteArray &raw)
{
    cproto::Reply reply;
    if (!parseServerMessage(raw, &reply))
        return {};
    return ProtobufJson::toJson(reply);
}

void ProtobufCodec::appendServerMessageJsonText(const QByteArray &raw, QByteArray *out)
{
    const auto *data = reinterpret_cast<const quint8 *>(raw.constData());
    pb::io::CodedInputStream prefix(data, int(std::min<qsizetype>(raw.size(), 10)));
    quint64 length = 0;
    if (prefix.ReadVarint64(reinterpret_cast<pb::uint64 *>(&length)) &&
        length == quint64(raw.size() - prefix.CurrentPosition()) &&
        ProtobufJsonText::append(QByteArrayView(raw).sliced(prefix.CurrentPosition()), cproto::Reply::descriptor(),
                                 out))
        return;
    cproto::Reply reply;
    if (!parseServerMessage(raw, &reply)) {
        out->append("{}");
        return;
    }
    ProtobufJsonText::append(reply, out);
}
