#include "protobuftexttowire.h"

#include "jsonscanner.h"
#include "protobufjson.h"

#include <google/protobuf/descriptor.h>

#include <QVarLengthArray>

#include <algorithm>
#include <climits>
#include <limits>
#include <string>

namespace pb = google::protobuf;

namespace {

using MessageInfo = ProtobufSchema::Message;
using FieldInfo = ProtobufSchema::Field;
constexpr qint64 kMaxExactInt = ProtobufSchema::kMaxExactInt;

void putVarint(QByteArray *out, quint64 v)
{
    char buf[10];
    int n = 0;
    for (; v >= 0x80; v >>= 7)
        buf[n++] = char(v | 0x80);
    buf[n++] = char(v);
    out->append(buf, n);
}

void putTag(QByteArray *out, int number, int wireType)
{
    putVarint(out, quint64(number) << 3 | quint64(wireType));
}

void putLengthDelimited(QByteArray *out, int number, QByteArrayView bytes)
{
    putTag(out, number, 2);
    putVarint(out, quint64(bytes.size()));
    out->append(bytes);
}

// An integer as writeInt64/writeUInt64 and number() write it: digits (a number, or a string beyond 2^53).
bool readInteger(const JsonScanner::Span &v, bool *negative, quint64 *magnitude)
{
    if (v.escaped || (!v.isString && !v.isNumber()))
        return false;
    const QByteArrayView text = v.view();
    const char *q = text.data();
    const char *const end = q + text.size();
    *negative = q < end && *q == '-';
    if (*negative)
        ++q;
    if (q == end)
        return false;
    quint64 value = 0;
    for (; q < end; ++q) {
        if (*q < '0' || *q > '9' || value > (~quint64(0) - quint64(*q - '0')) / 10)
            return false;
        value = value * 10 + quint64(*q - '0');
    }
    *magnitude = value;
    return true;
}

// A varint field's JSON value as the number libprotobuf writes (see WireReader::canonicalVarint).
bool varintValue(const FieldInfo &fi, const JsonScanner::Span &v, quint64 *out)
{
    const pb::FieldDescriptor *f = fi.field;
    if (fi.wireType == pb::FieldDescriptor::TYPE_BOOL) {
        if (v.isString || v.isNumber())
            return false;
        *out = v.view() == QByteArrayView("true") ? 1 : 0;
        return v.view() == QByteArrayView("true") || v.view() == QByteArrayView("false");
    }
    if (fi.wireType == pb::FieldDescriptor::TYPE_ENUM && v.isString) {
        const pb::EnumValueDescriptor *e =
            f->enum_type()->FindValueByName(std::string(v.view().data(), size_t(v.view().size())));
        if (!e || v.escaped)
            return false;
        *out = quint64(qint64(e->number()));
        return true;
    }
    bool negative = false;
    quint64 magnitude = 0;
    if (!readInteger(v, &negative, &magnitude))
        return false;
    const bool isString = v.isString;
    switch (fi.wireType) {
    case pb::FieldDescriptor::TYPE_INT32:
    case pb::FieldDescriptor::TYPE_ENUM:
        if (isString || magnitude > (negative ? quint64(1) << 31 : quint64(INT_MAX)))
            return false;
        *out = negative ? quint64(0) - magnitude : magnitude; // sign-extended to 64 bits
        return true;
    case pb::FieldDescriptor::TYPE_UINT32:
        *out = magnitude;
        return !isString && !negative && magnitude <= 0xFFFFFFFFu;
    case pb::FieldDescriptor::TYPE_INT64:
    case pb::FieldDescriptor::TYPE_SINT64: {
        if (magnitude > (negative ? quint64(1) << 63 : quint64(std::numeric_limits<qint64>::max())))
            return false;
        const qint64 n = negative ? qint64(quint64(0) - magnitude) : qint64(magnitude);
        // Beyond 2^53 written as a string, within as a number: any other spelling is not this writer's.
        if (isString != (n < -kMaxExactInt || n > kMaxExactInt))
            return false;
        *out = fi.wireType == pb::FieldDescriptor::TYPE_SINT64 ? (quint64(n) << 1) ^ quint64(n >> 63) : quint64(n);
        return true;
    }
    case pb::FieldDescriptor::TYPE_UINT64:
        *out = magnitude;
        return !negative && isString == (magnitude > quint64(kMaxExactInt));
    default:
        return false;
    }
}

bool textToWire(QByteArrayView json, const MessageInfo &info, int depth, QByteArray *out);

// One value of field fi (an element when repeated): appended to *out as a field, or to *packed for packed numbers.
bool valueToWire(const FieldInfo &fi, const JsonScanner::Span &v, int depth, bool keepZero, QByteArray *out)
{
    const int number = fi.field->number();
    if (fi.isVarint) {
        quint64 n = 0;
        if (!varintValue(fi, v, &n))
            return false;
        if (n != 0 || keepZero) {
            putTag(out, number, 0);
            putVarint(out, n);
        }
        return true;
    }
    switch (fi.wireType) {
    case pb::FieldDescriptor::TYPE_STRING: {
        if (!v.isString)
            return false;
        QByteArray bytes = v.view().toByteArray();
        if (v.escaped) {
            const char *end = JsonScanner::unescape(v.view(), bytes.data());
            if (!end)
                return false;
            bytes.truncate(end - bytes.constData());
        }
        if (!bytes.isEmpty() || keepZero)
            putLengthDelimited(out, number, bytes);
        return true;
    }
    case pb::FieldDescriptor::TYPE_BYTES:
        putLengthDelimited(out, number, v.text()); // the value as written is the bytes
        return true;
    case pb::FieldDescriptor::TYPE_MESSAGE: {
        if (v.isString || v.view().isEmpty() || v.view().front() != '{')
            return false;
        QByteArray inner;
        if (!textToWire(v.view(), *fi.type, depth + 1, &inner))
            return false;
        putLengthDelimited(out, number, inner);
        return true;
    }
    default:
        return false;
    }
}

bool textToWire(QByteArrayView json, const MessageInfo &info, int depth, QByteArray *out)
{
    if (depth > ProtobufJson::kMaxDepth)
        return false;
    struct Member
    {
        int number;
        int index;
        JsonScanner::Span value;
    };
    QVarLengthArray<Member, 16> members;
    JsonScanner s(json, JsonScanner::Check::Structure);
    s.skipSpace();
    if (s.atEnd() || *s.p != '{')
        return false;
    const bool ok = s.object(0, [&](const JsonScanner::Span &key, const JsonScanner::Span &value) {
        if (key.escaped)
            return false;
        for (size_t i = 0; i < info.fields.size(); ++i) {
            const QByteArray &quoted = info.fields.at(i).quotedKey; // "name":
            if (quoted.size() - 3 == key.view().size() &&
                QByteArrayView(quoted).sliced(1, quoted.size() - 3) == key.view()) {
                members.append({info.fields.at(i).field->number(), int(i), value});
                return true;
            }
        }
        return false;
    });
    s.skipSpace();
    if (!ok || !s.atEnd())
        return false;
    std::sort(members.begin(), members.end(), [](const Member &a, const Member &b) { return a.number < b.number; });
    for (qsizetype i = 0; i < members.size(); ++i) {
        const Member &m = members.at(i);
        const FieldInfo &fi = info.fields.at(size_t(m.index));
        if ((i > 0 && members.at(i - 1).number == m.number) || fi.isMap)
            return false;
        if (!fi.isRepeated) {
            if (!valueToWire(fi, m.value, depth, false, out))
                return false;
            continue;
        }
        if (m.value.isString || m.value.view().isEmpty() || m.value.view().front() != '[')
            return false;
        QByteArray packed;
        JsonScanner elements(m.value.view(), JsonScanner::Check::Structure);
        const bool elementsOk = elements.array(0, [&](const JsonScanner::Span &e) {
            if (!fi.isVarint)
                return valueToWire(fi, e, depth, true, out);
            quint64 n = 0;
            if (!varintValue(fi, e, &n))
                return false;
            putVarint(&packed, n);
            return true;
        });
        if (!elementsOk)
            return false;
        if (!packed.isEmpty())
            putLengthDelimited(out, fi.field->number(), packed);
    }
    return true;
}

} // namespace

bool ProtobufTextToWire::convert(QByteArrayView json, const ProtobufSchema::Message &type, QByteArray *out)
{
    QByteArray wire;
    if (!textToWire(json, type, 0, &wire))
        return false;
    out->append(wire);
    return true;
}
