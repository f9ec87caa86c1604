#include "protobufcodec.h"

#include "client.pb.h"
#include "jsoncodec.h"
#include "jsonwriter.h"
#include "protobufjson.h"
#include "protobufjsontext.h"
#include "protobufschema.h"
#include "protobuftexttowire.h"
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
#include <optional>
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

// The fields of a Reply that classify it, read either from the parsed Reply or straight from its wire bytes.
// Views point into the Reply or the bytes, which outlive it.
struct ReplyFields
{
    quint32 id = 0;
    quint32 replyFields = 0; // bit n: the Reply's message field number n is present
    quint32 pushFields = 0;  // bit n: the Push's message field number n is present
    QByteArrayView channel;
    quint32 errorCode = 0;
    QByteArrayView errorMessage;
    quint32 unsubscribeCode = 0;
    QByteArrayView unsubscribeReason;
    quint32 disconnectCode = 0;
    QByteArrayView disconnectReason;
};

constexpr quint32 bit(int fieldNumber)
{
    return quint32(1) << fieldNumber;
}

QByteArrayView view(const std::string &s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

// The push types in the JSON object's (alphabetical) key order: the first present one is the push's type.
constexpr std::pair<int, PushType> kPushTypes[] = {
    {cproto::Push::kConnectFieldNumber, PushType::Connect},
    {cproto::Push::kDisconnectFieldNumber, PushType::Disconnect},
    {cproto::Push::kJoinFieldNumber, PushType::Join},
    {cproto::Push::kLeaveFieldNumber, PushType::Leave},
    {cproto::Push::kMessageFieldNumber, PushType::Message},
    {cproto::Push::kPubFieldNumber, PushType::Pub},
    {cproto::Push::kRefreshFieldNumber, PushType::Refresh},
    {cproto::Push::kSubscribeFieldNumber, PushType::Subscribe},
    {cproto::Push::kUnsubscribeFieldNumber, PushType::Unsubscribe},
};
static_assert(cproto::Reply::kSubRefreshFieldNumber < 32 && cproto::Push::kRefreshFieldNumber < 32,
              "the presence masks of ReplyFields hold field numbers below 32");

// Bit n set when message field number n of m is present.
quint32 presentMessageFields(const pb::Message &m)
{
    const pb::Reflection *r = m.GetReflection();
    std::vector<const pb::FieldDescriptor *> fields;
    r->ListFields(m, &fields);
    quint32 mask = 0;
    for (const pb::FieldDescriptor *f : fields) {
        if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE && !f->is_repeated() && f->number() < 32)
            mask |= bit(f->number());
    }
    return mask;
}

ReplyFields parsedReplyFields(const cproto::Reply &reply)
{
    ReplyFields f;
    f.id = reply.id();
    f.replyFields = presentMessageFields(reply);
    f.errorCode = reply.error().code();
    f.errorMessage = view(reply.error().message());
    const cproto::Push &push = reply.push();
    f.pushFields = presentMessageFields(push);
    f.channel = view(push.channel());
    f.unsubscribeCode = push.unsubscribe().code();
    f.unsubscribeReason = view(push.unsubscribe().reason());
    f.disconnectCode = push.disconnect().code();
    f.disconnectReason = view(push.disconnect().reason());
    return f;
}

// Reads the fields of bytes that ProtobufJsonText::isPlainMessage accepted: every tag is a field of the schema
// with its own wire type (varint or length-delimited), each field given once (after zero values, which a later
// occurrence overrides, as when parsed).
class PlainWire
{
public:
    explicit PlainWire(QByteArrayView bytes)
        : m_p(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }

    // The next field: its number, and its value (a varint) or its bytes (length-delimited). False at the end.
    bool next(int *number, quint64 *value, QByteArrayView *bytes)
    {
        if (m_p >= m_end)
            return false;
        const quint64 tag = varint();
        *number = int(tag >> 3);
        if ((tag & 7) == 0) {
            *value = varint();
            return true;
        }
        const qsizetype length = qsizetype(varint());
        *bytes = QByteArrayView(m_p, length);
        m_p += length;
        return true;
    }

private:
    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0;; shift += 7) {
            const auto b = static_cast<unsigned char>(*m_p++);
            v |= quint64(b & 0x7F) << shift;
            if (!(b & 0x80))
                return v;
        }
    }

    const char *m_p;
    const char *m_end;
};

// The code (field codeField) and text (field textField) of a plain Error, Unsubscribe or Disconnect.
void readCodeAndText(QByteArrayView wire, int codeField, int textField, quint32 *code, QByteArrayView *text)
{
    PlainWire fields(wire);
    int number = 0;
    quint64 value = 0;
    QByteArrayView bytes;
    while (fields.next(&number, &value, &bytes)) {
        if (number == codeField)
            *code = quint32(value);
        else if (number == textField)
            *text = bytes;
    }
}

// The fields of a Reply from its wire bytes, without parsing it; false (then parse it) unless the bytes are plain.
bool wireReplyFields(QByteArrayView wire, ReplyFields *f)
{
    static const ProtobufSchema::Message &replyType = ProtobufSchema::message(cproto::Reply::descriptor());
    QByteArrayView publicationChannel;
    if (!ProtobufJsonText::isPlainMessage(wire, replyType, &publicationChannel))
        return false;
    if (publicationChannel.data()) { // a flood's publication: its channel is all there is to read
        f->replyFields = bit(cproto::Reply::kPushFieldNumber);
        f->pushFields = bit(cproto::Push::kPubFieldNumber);
        f->channel = publicationChannel;
        return true;
    }
    PlainWire fields(wire);
    int number = 0;
    quint64 value = 0;
    QByteArrayView bytes;
    while (fields.next(&number, &value, &bytes)) {
        if (number == cproto::Reply::kIdFieldNumber) {
            f->id = quint32(value);
            continue;
        }
        f->replyFields |= bit(number); // every other field of a Reply is a message
        if (number == cproto::Reply::kErrorFieldNumber) {
            readCodeAndText(bytes, cproto::Error::kCodeFieldNumber, cproto::Error::kMessageFieldNumber, &f->errorCode,
                            &f->errorMessage);
        } else if (number == cproto::Reply::kPushFieldNumber) {
            PlainWire push(bytes);
            QByteArrayView inner;
            while (push.next(&number, &value, &inner)) {
                if (number == cproto::Push::kIdFieldNumber)
                    continue;
                if (number == cproto::Push::kChannelFieldNumber) {
                    f->channel = inner;
                    continue;
                }
                f->pushFields |= bit(number); // every other field of a Push is a message
                if (number == cproto::Push::kUnsubscribeFieldNumber)
                    readCodeAndText(inner, cproto::Unsubscribe::kCodeFieldNumber,
                                    cproto::Unsubscribe::kReasonFieldNumber, &f->unsubscribeCode,
                                    &f->unsubscribeReason);
                else if (number == cproto::Push::kDisconnectFieldNumber)
                    readCodeAndText(inner, cproto::Disconnect::kCodeFieldNumber, cproto::Disconnect::kReasonFieldNumber,
                                    &f->disconnectCode, &f->disconnectReason);
            }
        }
    }
    return true;
}

// Exactly what JsonCodec::classifyServerObject(messageToJson(reply), raw) gives, from the Reply's fields without
// building its JSON (tests/core/tst_protobufcodec checks the two agree); json() converts raw when first asked.
// Fills m, a new message in its frame's list (no temporary to move in and destroy per message).
void classifyReply(const ReplyFields &f, const QByteArray &raw, ProtocolMessage &m)
{
    m.raw = raw;
    static constexpr ProtocolMessage::JsonConverter kServerJson{&ProtobufCodec::serverMessageJson,
                                                                &ProtobufCodec::appendServerMessageJsonText};
    m.setJsonConverter(&kServerJson);
    m.id = f.id;
    if (f.replyFields & bit(cproto::Reply::kPushFieldNumber)) {
        m.kind = MessageKind::Push;
        m.channel = ProtocolMessage::channelName(f.channel);
        for (const auto &[number, type] : kPushTypes) {
            if (f.pushFields & bit(number)) {
                m.push = type;
                break;
            }
        }
        if (m.push == PushType::Unsubscribe) {
            m.code = jsonInt(f.unsubscribeCode);
            m.text = QString::fromUtf8(f.unsubscribeReason);
        } else if (m.push == PushType::Disconnect) {
            m.code = jsonInt(f.disconnectCode);
            m.text = QString::fromUtf8(f.disconnectReason);
        }
        return;
    }
    if (f.replyFields & bit(cproto::Reply::kErrorFieldNumber)) {
        m.kind = MessageKind::Error;
        m.code = jsonInt(f.errorCode);
        m.text = QString::fromUtf8(f.errorMessage);
        return;
    }
    for (const auto &[method, field] : resultFields()) {
        if (f.replyFields & bit(field->number())) {
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
}

// A message's length prefix as libprotobuf's CodedInputStream::ReadVarint64 reads it: at most 10 bytes, bits past
// 64 dropped. Its size in bytes, or 0 when it is truncated or longer. Read inline: a CodedInputStream for every
// message of a flood costs more than the varint.
qsizetype readLengthPrefix(const quint8 *p, qsizetype available, quint64 *length)
{
    quint64 v = 0;
    const qsizetype limit = std::min<qsizetype>(available, 10);
    for (qsizetype i = 0; i < limit; ++i) {
        v |= quint64(p[i] & 0x7F) << (7 * i);
        if (!(p[i] & 0x80)) {
            *length = v;
            return i + 1;
        }
    }
    return 0;
}

// How many messages decodeFrame() makes of a frame, from the length prefixes alone (a frame's list is allocated
// once). A bad prefix or length ends the count with the one Invalid message that holds the rest.
qsizetype countMessages(const QByteArray &payload)
{
    const auto *p = reinterpret_cast<const quint8 *>(payload.constData());
    const quint8 *end = p + payload.size();
    qsizetype count = 0;
    while (p < end && count < ProtobufCodec::kMaxMessagesPerFrame) {
        ++count;
        quint64 length = 0;
        const qsizetype prefixSize = readLengthPrefix(p, end - p, &length);
        if (prefixSize == 0)
            return count;
        p += prefixSize;
        if (length > quint64(end - p))
            return count;
        p += length;
    }
    return qMax<qsizetype>(count + (p < end ? 1 : 0), 1);
}

template <typename Msg> QList<ProtocolMessage> decodeFrame(const QByteArray &payload, bool server)
{
    const char *messageType = server ? "Reply" : "Command";
    // The messages of a frame are parsed into an arena: clearing a heap message frees its nested messages and
    // strings, so every message of a flood would allocate and free them again. The arena starts on the stack and
    // is freed once, with the frame; it is set up only when a message needs libprotobuf (most never do).
    alignas(16) char firstBlock[8192];
    std::optional<pb::Arena> arena;
    Msg *message = nullptr;
    QList<ProtocolMessage> out;
    out.reserve(countMessages(payload));
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
        quint64 length = 0;
        const qsizetype prefixSize = readLengthPrefix(data + pos, remaining, &length);
        if (prefixSize == 0) {
            out.append(ProtocolMessage::invalid(
                payload.mid(pos),
                QCoreApplication::translate("ProtobufCodec", "bad length prefix at byte %1: the varint is truncated "
                                                             "or longer than 10 bytes (%2 bytes left in the frame)")
                    .arg(pos)
                    .arg(remaining)));
            break;
        }
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

        if constexpr (std::is_same_v<Msg, cproto::Reply>) {
            // The common Replies of a flood are classified from their bytes; libprotobuf parses the others.
            ReplyFields fields;
            if (wireReplyFields(QByteArrayView(payload.constData() + pos + prefixSize, qsizetype(length)), &fields)) {
                classifyReply(fields, raw, out.emplaceBack());
                pos += size;
                continue;
            }
        }
        std::string parseLog;
        t_parseLog = &parseLog;
        if (!message) {
            pb::ArenaOptions arenaOptions;
            arenaOptions.initial_block = firstBlock;
            arenaOptions.initial_block_size = sizeof firstBlock;
            arena.emplace(arenaOptions);
            message = pb::Arena::CreateMessage<Msg>(&*arena);
        }
        const bool ok = message->ParseFromArray(data + pos + prefixSize, int(length));
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
            classifyReply(parsedReplyFields(*message), raw, out.emplaceBack());
        } else {
            out.append(JsonCodec::classifyClientObject(ProtobufJson::toJson(*message), raw));
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
    quint64 length = 0;
    const qsizetype prefixSize = readLengthPrefix(data, raw.size(), &length);
    return prefixSize > 0 && length == quint64(raw.size() - prefixSize) &&
           reply->ParseFromArray(data + prefixSize, int(length));
}

} // namespace

QJsonObject ProtobufCodec::serverMessageJson(const QByteArray &raw)
{
    cproto::Reply reply;
    if (!parseServerMessage(raw, &reply))
        return {};
    return ProtobufJson::toJson(reply);
}

bool ProtobufCodec::deltaFields(const QByteArray &raw, DeltaFields *out)
{
    cproto::Reply reply;
    if (!parseServerMessage(raw, &reply))
        return false;
    const auto publication = [](const cproto::Publication &pub) {
        return DeltaPublication{qint64(pub.offset()), pub.delta(),
                                QByteArray(pub.data().data(), qsizetype(pub.data().size()))};
    };
    if (reply.has_subscribe()) {
        const cproto::SubscribeResult &result = reply.subscribe();
        *out = DeltaFields{result.delta(), result.recovered(), {}};
        for (const cproto::Publication &pub : result.publications())
            out->publications.append(publication(pub));
        return true;
    }
    if (reply.has_push() && reply.push().has_pub()) {
        *out = DeltaFields{false, false, {publication(reply.push().pub())}};
        return true;
    }
    return false;
}

void ProtobufCodec::appendServerMessageJsonText(const QByteArray &raw, JsonWriter &out)
{
    static const ProtobufSchema::Message &replyType = ProtobufSchema::message(cproto::Reply::descriptor());
    const auto *data = reinterpret_cast<const quint8 *>(raw.constData());
    quint64 length = 0;
    const qsizetype prefixSize = readLengthPrefix(data, raw.size(), &length);
    if (prefixSize > 0 && length == quint64(raw.size() - prefixSize) &&
        ProtobufJsonText::append(QByteArrayView(raw).sliced(prefixSize), replyType, out)) {
        if (size_t(prefixSize) != pb::io::CodedOutputStream::VarintSize64(length))
            out.setReversible(false); // a longer length prefix than libprotobuf writes
        return;
    }
    out.setReversible(false);
    cproto::Reply reply;
    if (!parseServerMessage(raw, &reply)) {
        out.lit("{}");
        return;
    }
    ProtobufJsonText::append(reply, out);
}

bool ProtobufCodec::serverMessageFromJsonText(QByteArrayView json, QByteArray *out)
{
    static const ProtobufSchema::Message &replyType = ProtobufSchema::message(cproto::Reply::descriptor());
    QByteArray reply;
    if (!ProtobufTextToWire::convert(json, replyType, &reply))
        return false;
    pb::uint8 prefix[10];
    const pb::uint8 *end = pb::io::CodedOutputStream::WriteVarint64ToArray(quint64(reply.size()), prefix);
    out->append(reinterpret_cast<const char *>(prefix), qsizetype(end - prefix));
    out->append(reply);
    return true;
}
