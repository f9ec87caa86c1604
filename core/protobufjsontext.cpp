#include "protobufjsontext.h"

#include "client.pb.h"

#include "jsonscanner.h"
#include "jsonwriter.h"
#include "protobufjson.h"
#include "protobufschema.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>
#include <string>
#include <vector>

namespace pb = google::protobuf;

namespace {

using MessageInfo = ProtobufSchema::Message;
using FieldInfo = ProtobufSchema::Field;
constexpr qint64 kMaxExactInt = ProtobufSchema::kMaxExactInt;
const QLatin1String kUnknownKey = ProtobufSchema::kUnknownKey;

int varintSize(quint64 v)
{
    int n = 1;
    for (; v >= 0x80; v >>= 7)
        ++n;
    return n;
}

// Integers a double holds exactly stay numbers; larger ones become decimal strings (as int64ToJson).
void writeInt64(JsonWriter &w, qint64 v)
{
    if (v >= -kMaxExactInt && v <= kMaxExactInt) {
        w.number(v);
        return;
    }
    w.put('"');
    w.number(v);
    w.put('"');
}

void writeUInt64(JsonWriter &w, quint64 v)
{
    if (v <= quint64(kMaxExactInt)) {
        w.number(qint64(v));
        return;
    }
    w.put('"');
    w.put(QByteArrayView(QByteArray::number(v)));
    w.put('"');
}

// False, writing nothing, when the bytes are not UTF-8 (a parsed message's strings always are).
bool writeString(JsonWriter &w, QByteArrayView utf8)
{
    return w.string(utf8);
}

// Any JSON value as compact text.
void writeValue(JsonWriter &w, const QJsonValue &v)
{
    if (v.isObject()) {
        w.put(QByteArrayView(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
        return;
    }
    if (v.isArray()) {
        w.put(QByteArrayView(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)));
        return;
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    w.put(wrapped.constData() + 1, wrapped.size() - 2);
}

// A bytes field: its text itself when it is one JSON value on one line (any parser reads it as bytesToJson does:
// JsonScanner's strict check); else what bytesToJson makes of it. True when the text written is the bytes
// themselves, byte for byte (no white space around the value).
bool writeBytes(JsonWriter &w, QByteArrayView bytes)
{
    JsonScanner scanner(bytes);
    scanner.skipSpace();
    scanner.clearLineBreaks();
    const char *start = scanner.p;
    if (!scanner.atEnd() && scanner.value(0, nullptr)) {
        const QByteArrayView value(start, scanner.p - start);
        const bool oneLine = !scanner.sawLineBreaks();
        scanner.skipSpace();
        if (scanner.atEnd() && oneLine) {
            w.put(value);
            return value.size() == bytes.size();
        }
    }
    writeValue(w, ProtobufJson::bytesToJson(bytes.toByteArray()));
    return false;
}

// Writes `,"name":` (or `{"name":` for the first member).
void writeKey(JsonWriter &w, const FieldInfo &fi, bool *first)
{
    w.put(*first ? '{' : ',', QByteArrayView(fi.quotedKey));
    *first = false;
}

void writeZeroValue(JsonWriter &w, const pb::FieldDescriptor *f)
{
    writeValue(w, ProtobufSchema::zeroValue(f));
}

void writeUnknownFields(JsonWriter &w, const std::vector<int> &numbers, bool *first)
{
    w.put(*first ? '{' : ',');
    *first = false;
    w.put('"');
    w.put(kUnknownKey);
    w.lit("\":[");
    for (size_t i = 0; i < numbers.size(); ++i) {
        if (i)
            w.put(',');
        w.number(numbers.at(i));
    }
    w.put(']');
}

// -- from the parsed message (any message: the general path) --

void messageToText(JsonWriter &w, const pb::Message &m, const pb::Descriptor *d);

// One value of a field as valueToJson gives it: the singular value when index < 0, else element `index`.
void valueToText(JsonWriter &w, const pb::Message &m, const pb::Reflection *r, const pb::FieldDescriptor *f, int index)
{
    const bool rep = index >= 0;
    switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
        w.number(rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
        return;
    case pb::FieldDescriptor::CPPTYPE_INT64:
        writeInt64(w, rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f));
        return;
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        w.number(qint64(rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f)));
        return;
    case pb::FieldDescriptor::CPPTYPE_UINT64:
        writeUInt64(w, rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f));
        return;
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
        w.real(rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f));
        return;
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
        w.real(double(rep ? r->GetRepeatedFloat(m, f, index) : r->GetFloat(m, f)));
        return;
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        if (rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f))
            w.lit("true");
        else
            w.lit("false");
        return;
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
        const int v = rep ? r->GetRepeatedEnumValue(m, f, index) : r->GetEnumValue(m, f);
        const pb::EnumValueDescriptor *e = f->enum_type()->FindValueByNumber(v);
        if (e)
            w.string(QByteArrayView(e->name().data(), qsizetype(e->name().size())));
        else
            w.number(v);
        return;
    }
    case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string &s =
            rep ? r->GetRepeatedStringReference(m, f, index, &scratch) : r->GetStringReference(m, f, &scratch);
        const QByteArrayView bytes(s.data(), qsizetype(s.size()));
        if (f->type() == pb::FieldDescriptor::TYPE_BYTES)
            writeBytes(w, bytes);
        else if (!writeString(w, bytes))
            w.string(QString::fromUtf8(s.data(), qsizetype(s.size()))); // as qs() reads it, with replacement characters
        return;
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        messageToText(w, rep ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f), f->message_type());
        return;
    }
    w.lit("null");
}

// A map key as mapKeyToString gives it, as a JSON string.
void mapKeyToText(JsonWriter &w, const pb::Message &entry, const pb::Reflection *r, const pb::FieldDescriptor *key)
{
    if (key->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING) {
        valueToText(w, entry, r, key, -1);
        return;
    }
    w.put('"');
    switch (key->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        w.put(QLatin1String(r->GetBool(entry, key) ? "true" : "false"));
        break;
    case pb::FieldDescriptor::CPPTYPE_INT32:
        w.number(r->GetInt32(entry, key));
        break;
    case pb::FieldDescriptor::CPPTYPE_INT64:
        w.number(r->GetInt64(entry, key));
        break;
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        w.number(r->GetUInt32(entry, key));
        break;
    default: // CPPTYPE_UINT64
        w.put(QByteArrayView(QByteArray::number(r->GetUInt64(entry, key))));
    }
    w.put('"');
}

void messageToText(JsonWriter &w, const pb::Message &m, const pb::Descriptor *d)
{
    const MessageInfo &info = ProtobufSchema::message(d);
    const pb::Reflection *r = info.reflection;
    bool first = true;
    for (const FieldInfo &fi : info.fields) {
        const pb::FieldDescriptor *f = fi.field;
        if (f->is_repeated()) {
            const int n = r->FieldSize(m, f);
            if (n == 0 && !fi.alwaysWritten)
                continue;
            writeKey(w, fi, &first);
            w.put(f->is_map() ? '{' : '[');
            for (int i = 0; i < n; ++i) {
                if (i)
                    w.put(',');
                if (f->is_map()) {
                    const pb::Descriptor *entryType = f->message_type();
                    const pb::Reflection *er = ProtobufSchema::message(entryType).reflection;
                    const pb::Message &entry = r->GetRepeatedMessage(m, f, i);
                    mapKeyToText(w, entry, er, entryType->map_key());
                    w.put(':');
                    valueToText(w, entry, er, entryType->map_value(), -1);
                } else {
                    valueToText(w, m, r, f, i);
                }
            }
            w.put(f->is_map() ? '}' : ']');
        } else if (r->HasField(m, f)) { // proto3 scalars: "has" means "not the zero value"
            writeKey(w, fi, &first);
            valueToText(w, m, r, f, -1);
        } else if (fi.alwaysWritten) {
            writeKey(w, fi, &first);
            writeZeroValue(w, f);
        }
    }
    const pb::UnknownFieldSet &unknown = r->GetUnknownFields(m);
    if (!unknown.empty())
        writeUnknownFields(w, ProtobufSchema::unknownFieldNumbers(unknown), &first);
    if (first)
        w.put('{');
    w.put('}');
}

// -- straight from the wire bytes (the common messages of a flood: no parse, no reflection) --

// Reads the wire format of one message of type d and writes its JSON text (kWrite), or only checks that it could
// (!kWrite), without building the message. Gives up (returns false) on everything where messageToJson's result
// depends on more than one field occurrence at a time (a singular field or a message given twice, a repeated field
// split by others, maps), on what client.proto does not use (fixed-size numbers, groups, unknown fields) and on
// varints that libprotobuf reads differently (a tag or a length longer than 5 bytes): the caller then parses the
// message and uses the general path. What it accepts, libprotobuf parses to the same fields.
template <bool kWrite> class WireReader
{
public:
    WireReader(const char *p, const char *end)
        : m_p(p)
        , m_end(end)
    {
    }

    // False once anything read is not in the form libprotobuf writes: then the JSON text does not give the bytes
    // back (see ProtobufTextToWire).
    bool exact() const { return m_exact; }

    bool message(JsonWriter *w, const MessageInfo &info, int depth)
    {
        if (depth > ProtobufJson::kMaxDepth || info.fields.size() > 64)
            return false;
        quint64 seen = 0; // bit i: info.fields[i] written
        bool first = true;
        int openArray = -1; // the repeated field whose array is open
        int lastNumber = 0;
        while (m_p < m_end) {
            quint64 tag = 0;
            const char *tagStart = m_p;
            if (!varint(&tag, kMaxTagBytes) || (tag >> 3) == 0 || (tag >> 3) > quint64(INT_MAX))
                return false;
            const int number = int(tag >> 3);
            const int index = info.indexOf(number);
            if (index < 0)
                return false;
            const FieldInfo &fi = info.fields[size_t(index)]; // indexOf() gave a valid index
            const pb::FieldDescriptor *f = fi.field;
            const int wireType = int(tag & 7);
            // libprotobuf writes fields in number order, the elements of a repeated string or message one after
            // another, and repeated numbers packed. (Only the writer reports exactness: checks skip it.)
            if constexpr (kWrite) {
                if (!shortest(tagStart, tag) || number < lastNumber ||
                    (number == lastNumber && (!fi.isRepeated || fi.isVarint)) ||
                    (fi.isRepeated && fi.isVarint && wireType != 2))
                    m_exact = false;
                lastNumber = number;
            }
            if (openArray >= 0 && openArray != index) {
                if constexpr (kWrite)
                    w->put(']');
                openArray = -1;
            }
            if (fi.isMap)
                return false;
            const quint64 bit = quint64(1) << index;
            if (fi.isRepeated) {
                if (openArray != index) {
                    if (seen & bit)
                        return false; // split by another field: the elements must be gathered
                    seen |= bit;
                    if constexpr (kWrite) {
                        writeKey(*w, fi, &first);
                        w->put('[');
                    }
                    openArray = index;
                } else if constexpr (kWrite) {
                    w->put(',');
                }
                if (wireType == 2 && fi.isVarint) { // packed
                    quint64 length = 0;
                    if (!varint(&length, kMaxLengthBytes) || length > quint64(m_end - m_p))
                        return false;
                    // client.proto has no packed field, and no test holds the way back to the wire for one: its
                    // bytes are kept (not exact).
                    m_exact = false;
                    WireReader packed(m_p, m_p + length);
                    m_p += length;
                    bool firstElement = true;
                    while (packed.m_p < packed.m_end) {
                        if (!firstElement && kWrite)
                            w->put(',');
                        firstElement = false;
                        quint64 v = 0;
                        if (!packed.varint(&v, kMaxVarintBytes))
                            return false;
                        if constexpr (kWrite)
                            writeVarint(*w, f, v);
                    }
                    if (firstElement)
                        return false; // an empty packed run: nothing to separate from the next element
                    continue;
                }
                if (!element(w, fi, wireType, depth, nullptr))
                    return false;
                continue;
            }
            if (seen & bit)
                return false; // given twice: the last one wins, or messages merge
            seen |= bit;
            // proto3 scalars at their zero value are "not set": written below only when always written.
            const qsizetype at = kWrite ? w->offset() : 0;
            const bool wasFirst = first;
            if constexpr (kWrite)
                writeKey(*w, fi, &first);
            bool zero = false;
            if (!element(w, fi, wireType, depth, &zero))
                return false;
            if (zero) {
                if constexpr (kWrite)
                    w->rewind(at);
                first = wasFirst;
                seen &= ~bit;
                m_exact = false; // libprotobuf leaves zero values out
            }
        }
        if constexpr (kWrite) {
            if (openArray >= 0)
                w->put(']');
            for (quint64 missing = info.alwaysWrittenMask & ~seen; missing; missing &= missing - 1) {
                const FieldInfo &fi = info.fields[size_t(qCountTrailingZeroBits(missing))];
                writeKey(*w, fi, &first);
                writeZeroValue(*w, fi.field);
            }
            if (first)
                w->put('{');
            w->put('}');
        }
        return m_p == m_end;
    }

private:
    // libprotobuf reads a tag and a length in at most 5 bytes, other varints in at most 10.
    static constexpr int kMaxTagBytes = 5;
    static constexpr int kMaxLengthBytes = 5;
    static constexpr int kMaxVarintBytes = 10;

    // A varint field's value as valueToJson writes it.
    static void writeVarint(JsonWriter &w, const pb::FieldDescriptor *f, quint64 v)
    {
        switch (f->type()) {
        case pb::FieldDescriptor::TYPE_INT32:
            w.number(qint32(quint32(v)));
            return;
        case pb::FieldDescriptor::TYPE_INT64:
            writeInt64(w, qint64(v));
            return;
        case pb::FieldDescriptor::TYPE_UINT32:
            w.number(qint64(quint32(v)));
            return;
        case pb::FieldDescriptor::TYPE_UINT64:
            writeUInt64(w, v);
            return;
        case pb::FieldDescriptor::TYPE_SINT64:
            writeInt64(w, qint64(v >> 1) ^ -qint64(v & 1));
            return;
        case pb::FieldDescriptor::TYPE_BOOL:
            if (v)
                w.lit("true");
            else
                w.lit("false");
            return;
        default: { // TYPE_ENUM
            const int n = qint32(quint32(v));
            const pb::EnumValueDescriptor *e = f->enum_type()->FindValueByNumber(n);
            if (e)
                w.string(QByteArrayView(e->name().data(), qsizetype(e->name().size())));
            else
                w.number(n);
        }
        }
    }

    // One occurrence of field f. *zero (when asked) says whether it was a scalar's zero value.
    bool element(JsonWriter *w, const FieldInfo &fi, int wireType, int depth, bool *zero)
    {
        const pb::FieldDescriptor *f = fi.field;
        if (fi.isVarint) {
            quint64 v = 0;
            const char *valueStart = m_p;
            if (wireType != 0 || !varint(&v, kMaxVarintBytes))
                return false;
            if (kWrite && (!shortest(valueStart, v) || !canonicalVarint(fi, v)))
                m_exact = false;
            if (zero)
                *zero = fi.isVarint32 ? quint32(v) == 0 : v == 0;
            if constexpr (kWrite)
                writeVarint(*w, f, v);
            return true;
        }
        quint64 length = 0;
        const char *lengthStart = m_p;
        if (wireType != 2 || !varint(&length, kMaxLengthBytes) || length > quint64(m_end - m_p))
            return false;
        if (kWrite && !shortest(lengthStart, length))
            m_exact = false;
        const char *begin = m_p;
        m_p += length;
        const QByteArrayView bytes(begin, qsizetype(length));
        switch (fi.wireType) {
        case pb::FieldDescriptor::TYPE_STRING:
            if (zero)
                *zero = bytes.isEmpty();
            if constexpr (kWrite)
                return writeString(*w, bytes);
            else
                return Utf8::isValid(bytes.data(), bytes.size());
        case pb::FieldDescriptor::TYPE_BYTES:
            if (zero)
                *zero = bytes.isEmpty();
            if constexpr (kWrite) {
                if (!writeBytes(*w, bytes))
                    m_exact = false;
            }
            return true;
        case pb::FieldDescriptor::TYPE_MESSAGE: {
            WireReader inner(begin, m_p);
            const bool ok = inner.message(w, *fi.type, depth + 1);
            m_exact = m_exact && inner.m_exact;
            return ok;
        }
        default:
            return false;
        }
    }

    // Whether the varint v just read from `start` used as few bytes as libprotobuf writes.
    bool shortest(const char *start, quint64 v) const { return m_p - start == varintSize(v); }

    // Whether libprotobuf writes v itself for the field's value: an int32 or enum sign-extended to 64 bits, a
    // uint32 in 32 bits, a bool as 0 or 1 (parsers read other spellings to the same value).
    static bool canonicalVarint(const FieldInfo &fi, quint64 v)
    {
        switch (fi.wireType) {
        case pb::FieldDescriptor::TYPE_INT32:
        case pb::FieldDescriptor::TYPE_ENUM:
            return v == quint64(qint64(qint32(quint32(v))));
        case pb::FieldDescriptor::TYPE_UINT32:
            return v >> 32 == 0;
        case pb::FieldDescriptor::TYPE_BOOL:
            return v <= 1;
        default:
            return true;
        }
    }

    bool varint(quint64 *out, int maxBytes)
    {
        // Tags, lengths and most values of a flood fit in one byte.
        if (m_p < m_end && !(static_cast<unsigned char>(*m_p) & 0x80)) {
            *out = static_cast<unsigned char>(*m_p++);
            return true;
        }
        quint64 v = 0;
        for (int shift = 0; shift < 7 * maxBytes && m_p < m_end; shift += 7) {
            const auto b = static_cast<unsigned char>(*m_p++);
            v |= quint64(b & 0x7F) << shift;
            if (!(b & 0x80)) {
                *out = v;
                return true;
            }
        }
        return false;
    }

    const char *m_p;
    const char *m_end;
    bool m_exact = true;
};

// -- the most common message of a flood: a publication with its data only --

// The spans of Reply{push{channel, pub{data}}}: a Push of a Publication that has nothing but its data, on a channel
// without history (Centrifugo's default), each field once and in libprotobuf's own layout (shortest lengths,
// nothing empty). Read without the schema walk of WireReader, which gives the same text and the same check for such
// bytes (tst_protobufcodec compares them with libprotobuf on every row); false for any other bytes.
struct PlainPublication
{
    QByteArrayView channel;
    QByteArrayView data;
};

// At p: the one-byte `tag` of a length-delimited field, its length as a shortest varint, and non-empty bytes.
// Called three times per message of a flood: a length below 128 (one byte) is settled without the varint loop.
bool readDelimited(const char *&p, const char *end, quint8 tag, QByteArrayView *bytes)
{
    if (end - p < 2 || static_cast<quint8>(p[0]) != tag)
        return false;
    const char *q = p + 1;
    quint64 length = static_cast<quint8>(*q++);
    if (length >= 0x80) {
        length &= 0x7F;
        for (int shift = 7;; shift += 7) {
            if (q >= end || shift > 28)
                return false;
            const auto b = static_cast<quint8>(*q++);
            length |= quint64(b & 0x7F) << shift;
            if (!(b & 0x80)) {
                if (b == 0)
                    return false; // not the shortest form
                break;
            }
        }
    }
    if (length == 0 || length > quint64(end - q))
        return false;
    *bytes = QByteArrayView(q, qsizetype(length));
    p = q + length;
    return true;
}

constexpr quint8 delimitedTag(int number)
{
    return quint8(number << 3 | 2);
}

bool readPlainPublication(QByteArrayView wire, const MessageInfo &type, PlainPublication *out)
{
    namespace cproto = centrifugal::centrifuge::protocol;
    static const MessageInfo &replyType = ProtobufSchema::message(cproto::Reply::descriptor());
    static const bool noneAlwaysWritten =
        replyType.alwaysWrittenMask == 0 &&
        ProtobufSchema::message(cproto::Push::descriptor()).alwaysWrittenMask == 0 &&
        ProtobufSchema::message(cproto::Publication::descriptor()).alwaysWrittenMask == 0;
    if (&type != &replyType || !noneAlwaysWritten)
        return false;
    const char *p = wire.data();
    const char *const end = p + wire.size();
    QByteArrayView push;
    QByteArrayView pub;
    if (!readDelimited(p, end, delimitedTag(cproto::Reply::kPushFieldNumber), &push) || p != end)
        return false;
    p = push.data();
    const char *const pushEnd = p + push.size();
    if (!readDelimited(p, pushEnd, delimitedTag(cproto::Push::kChannelFieldNumber), &out->channel) ||
        !readDelimited(p, pushEnd, delimitedTag(cproto::Push::kPubFieldNumber), &pub) || p != pushEnd)
        return false;
    p = pub.data();
    const char *const pubEnd = p + pub.size();
    return readDelimited(p, pubEnd, delimitedTag(cproto::Publication::kDataFieldNumber), &out->data) && p == pubEnd;
}

// The text WireReader writes for such a publication; *exact as its exact().
// `"name":` of field `number` of a message of client.proto, as writeKey() writes it.
const QByteArray &quotedKey(const pb::Descriptor *type, int number)
{
    const MessageInfo &info = ProtobufSchema::message(type);
    return info.fields[size_t(info.indexOf(number))].quotedKey;
}

bool writePlainPublication(const PlainPublication &m, JsonWriter &w, bool *exact)
{
    namespace cproto = centrifugal::centrifuge::protocol;
    static const QByteArray &pushKey = quotedKey(cproto::Reply::descriptor(), cproto::Reply::kPushFieldNumber);
    static const QByteArray &channelKey = quotedKey(cproto::Push::descriptor(), cproto::Push::kChannelFieldNumber);
    static const QByteArray &pubKey = quotedKey(cproto::Push::descriptor(), cproto::Push::kPubFieldNumber);
    static const QByteArray &dataKey =
        quotedKey(cproto::Publication::descriptor(), cproto::Publication::kDataFieldNumber);
    w.put('{', QByteArrayView(pushKey));
    w.put('{', QByteArrayView(channelKey));
    if (!writeString(w, m.channel))
        return false;
    w.put(',', QByteArrayView(pubKey));
    w.put('{', QByteArrayView(dataKey));
    *exact = writeBytes(w, m.data);
    w.lit("}}}");
    return true;
}

} // namespace

void ProtobufJsonText::append(const pb::Message &message, QByteArray *out)
{
    JsonWriter w(out);
    append(message, w);
    w.finish();
}

void ProtobufJsonText::append(const pb::Message &message, JsonWriter &out)
{
    messageToText(out, message, message.GetDescriptor());
}

bool ProtobufJsonText::append(QByteArrayView wire, const ProtobufSchema::Message &type, QByteArray *out)
{
    JsonWriter w(out);
    const bool ok = append(wire, type, w);
    w.finish();
    return ok;
}

bool ProtobufJsonText::append(QByteArrayView wire, const ProtobufSchema::Message &type, JsonWriter &out)
{
    const qsizetype start = out.offset();
    if (PlainPublication publication; readPlainPublication(wire, type, &publication)) {
        bool exact = true;
        if (writePlainPublication(publication, out, &exact)) {
            if (!exact)
                out.setReversible(false);
            return true;
        }
        out.rewind(start);
        return false; // a channel that is not UTF-8: WireReader gives up on it too
    }
    WireReader<true> reader(wire.data(), wire.data() + wire.size());
    const bool ok = reader.message(&out, type, 0);
    if (!ok)
        out.rewind(start);
    else if (!reader.exact())
        out.setReversible(false);
    return ok;
}

bool ProtobufJsonText::isPlainMessage(QByteArrayView wire, const ProtobufSchema::Message &type,
                                      QByteArrayView *publicationChannel)
{
    if (PlainPublication publication; readPlainPublication(wire, type, &publication)) {
        if (!Utf8::isValid(publication.channel.data(), publication.channel.size()))
            return false;
        if (publicationChannel)
            *publicationChannel = publication.channel;
        return true;
    }
    WireReader<false> reader(wire.data(), wire.data() + wire.size());
    return reader.message(nullptr, type, 0);
}
