#include "protobufjsontext.h"

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
// JsonScanner's strict check); else what bytesToJson makes of it.
void writeBytes(JsonWriter &w, QByteArrayView bytes)
{
    JsonScanner scanner(bytes);
    scanner.skipSpace();
    const char *start = scanner.p;
    if (!scanner.atEnd() && scanner.value(0, nullptr)) {
        const QByteArrayView value(start, scanner.p - start);
        scanner.skipSpace();
        if (scanner.atEnd() && !value.contains('\n') && !value.contains('\r')) {
            w.put(value);
            return;
        }
    }
    writeValue(w, ProtobufJson::bytesToJson(bytes.toByteArray()));
}

// Writes `,"name":` (or `{"name":` for the first member).
void writeKey(JsonWriter &w, const FieldInfo &fi, bool *first)
{
    w.put(*first ? '{' : ',');
    *first = false;
    w.put(QByteArrayView(fi.quotedKey));
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

    bool message(JsonWriter *w, const MessageInfo &info, int depth)
    {
        if (depth > ProtobufJson::kMaxDepth || info.fields.size() > 64)
            return false;
        quint64 seen = 0; // bit i: info.fields[i] written
        bool first = true;
        int openArray = -1; // the repeated field whose array is open
        while (m_p < m_end) {
            quint64 tag = 0;
            if (!varint(&tag, kMaxTagBytes) || (tag >> 3) == 0 || (tag >> 3) > quint64(INT_MAX))
                return false;
            const int index = info.indexOf(int(tag >> 3));
            if (index < 0)
                return false;
            const FieldInfo &fi = info.fields.at(size_t(index));
            const pb::FieldDescriptor *f = fi.field;
            const int wireType = int(tag & 7);
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
            }
        }
        if constexpr (kWrite) {
            if (openArray >= 0)
                w->put(']');
            for (size_t i = 0; i < info.fields.size(); ++i) {
                if (info.fields.at(i).alwaysWritten && !(seen & (quint64(1) << i))) {
                    writeKey(*w, info.fields.at(i), &first);
                    writeZeroValue(*w, info.fields.at(i).field);
                }
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
            if (wireType != 0 || !varint(&v, kMaxVarintBytes))
                return false;
            if (zero)
                *zero = fi.isVarint32 ? quint32(v) == 0 : v == 0;
            if constexpr (kWrite)
                writeVarint(*w, f, v);
            return true;
        }
        quint64 length = 0;
        if (wireType != 2 || !varint(&length, kMaxLengthBytes) || length > quint64(m_end - m_p))
            return false;
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
            if constexpr (kWrite)
                writeBytes(*w, bytes);
            return true;
        case pb::FieldDescriptor::TYPE_MESSAGE: {
            WireReader inner(begin, m_p);
            return inner.message(w, *fi.type, depth + 1);
        }
        default:
            return false;
        }
    }

    bool varint(quint64 *out, int maxBytes)
    {
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
};

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
    WireReader<true> reader(wire.data(), wire.data() + wire.size());
    const bool ok = reader.message(&out, type, 0);
    if (!ok)
        out.rewind(start);
    return ok;
}

bool ProtobufJsonText::isPlainMessage(QByteArrayView wire, const ProtobufSchema::Message &type)
{
    WireReader<false> reader(wire.data(), wire.data() + wire.size());
    return reader.message(nullptr, type, 0);
}
