#include "protobufjson.h"

#include "protobufschema.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace pb = google::protobuf;

namespace {

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString childPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// ---- Protobuf -> JSON ------------------------------------------------------------------------------------

using MessageInfo = ProtobufSchema::Message;
using FieldInfo = ProtobufSchema::Field;
constexpr qint64 kMaxExactInt = ProtobufSchema::kMaxExactInt;
const QLatin1String kBase64Key = ProtobufSchema::kBase64Key;
const QLatin1String kTextKey = ProtobufSchema::kTextKey;
const QLatin1String kUnknownKey = ProtobufSchema::kUnknownKey;

// Integers a double holds exactly stay JSON numbers (ProtobufSchema::kMaxExactInt).
QJsonValue int64ToJson(qint64 v)
{
    if (v >= -kMaxExactInt && v <= kMaxExactInt)
        return QJsonValue(v);
    return QString::number(v);
}

QJsonValue uint64ToJson(quint64 v)
{
    if (v <= quint64(kMaxExactInt))
        return QJsonValue(qint64(v));
    return QString::number(v);
}

QJsonObject messageToJson(const pb::Message &m, const pb::Descriptor *d);

// One value of a field: the singular value when index < 0, else element `index` of a repeated field.
QJsonValue valueToJson(const pb::Message &m, const pb::Reflection *r, const pb::FieldDescriptor *f, int index)
{
    const bool rep = index >= 0;
    switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
        return rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f);
    case pb::FieldDescriptor::CPPTYPE_INT64:
        return int64ToJson(rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f));
    case pb::FieldDescriptor::CPPTYPE_UINT32:
        return qint64(rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
    case pb::FieldDescriptor::CPPTYPE_UINT64:
        return uint64ToJson(rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f));
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
        return rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f);
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
        return double(rep ? r->GetRepeatedFloat(m, f, index) : r->GetFloat(m, f));
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        return rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f);
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
        const int v = rep ? r->GetRepeatedEnumValue(m, f, index) : r->GetEnumValue(m, f);
        const pb::EnumValueDescriptor *e = f->enum_type()->FindValueByNumber(v);
        return e ? QJsonValue(qs(e->name())) : QJsonValue(v);
    }
    case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string &s =
            rep ? r->GetRepeatedStringReference(m, f, index, &scratch) : r->GetStringReference(m, f, &scratch);
        if (f->type() == pb::FieldDescriptor::TYPE_BYTES)
            return ProtobufJson::bytesToJson(QByteArray(s.data(), qsizetype(s.size())));
        return qs(s);
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        return messageToJson(rep ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f), f->message_type());
    }
    return QJsonValue();
}

QString mapKeyToString(const pb::Message &entry, const pb::Reflection *r, const pb::FieldDescriptor *keyField)
{
    const QJsonValue k = valueToJson(entry, r, keyField, -1);
    if (k.isString())
        return k.toString();
    if (k.isBool())
        return k.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(k.toInteger());
}

QJsonObject messageToJson(const pb::Message &m, const pb::Descriptor *d)
{
    const MessageInfo &info = ProtobufSchema::message(d);
    const pb::Reflection *r = info.reflection;

    QJsonObject o;
    for (const FieldInfo &fi : info.fields) {
        const pb::FieldDescriptor *f = fi.field;
        if (f->is_map()) {
            const int n = r->FieldSize(m, f);
            if (n == 0) {
                if (fi.alwaysWritten)
                    o.insert(fi.key, QJsonObject());
                continue;
            }
            const pb::Descriptor *entryType = f->message_type();
            const pb::Reflection *er = ProtobufSchema::message(entryType).reflection;
            const pb::FieldDescriptor *keyField = entryType->map_key();
            const pb::FieldDescriptor *valueField = entryType->map_value();
            QJsonObject map;
            for (int i = 0; i < n; ++i) {
                const pb::Message &entry = r->GetRepeatedMessage(m, f, i);
                map.insert(mapKeyToString(entry, er, keyField), valueToJson(entry, er, valueField, -1));
            }
            o.insert(fi.key, map);
        } else if (f->is_repeated()) {
            const int n = r->FieldSize(m, f);
            if (n == 0) {
                if (fi.alwaysWritten)
                    o.insert(fi.key, QJsonArray());
                continue;
            }
            QJsonArray array;
            for (int i = 0; i < n; ++i)
                array.append(valueToJson(m, r, f, i));
            o.insert(fi.key, array);
        } else if (r->HasField(m, f)) { // proto3 scalars: "has" means "not the zero value"
            o.insert(fi.key, valueToJson(m, r, f, -1));
        } else if (fi.alwaysWritten) {
            o.insert(fi.key, ProtobufSchema::zeroValue(f));
        }
    }

    // Never drop data silently: fields this schema does not know are named by number.
    const pb::UnknownFieldSet &unknown = r->GetUnknownFields(m);
    if (!unknown.empty()) {
        QJsonArray list;
        for (int n : ProtobufSchema::unknownFieldNumbers(unknown))
            list.append(n);
        o.insert(kUnknownKey, list);
    }
    return o;
}

// ---- JSON -> Protobuf ------------------------------------------------------------------------------------

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("ProtobufCodec", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("ProtobufCodec", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("ProtobufCodec", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("ProtobufCodec", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("ProtobufCodec", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ProtobufCodec", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("ProtobufCodec", "undefined");
}

QString wrongType(const QString &path, const char *expected, const QJsonValue &v)
{
    // `expected` is marked with QT_TRANSLATE_NOOP at the call site.
    return QCoreApplication::translate("ProtobufCodec", "%1: expected %2, got %3")
        .arg(path, QCoreApplication::translate("ProtobufCodec", expected), typeName(v));
}

// Whole numbers only. 64-bit fields also take decimal strings (their values may not fit a JSON double).
QString notAWholeNumber(const QString &path, bool allowString, const QJsonValue &v)
{
    return wrongType(path,
                     allowString ? QT_TRANSLATE_NOOP("ProtobufCodec", "a whole number (or a decimal string)")
                                 : QT_TRANSLATE_NOOP("ProtobufCodec", "a whole number"),
                     v);
}

bool toSigned(const QJsonValue &v, bool allowString, qint64 min, qint64 max, qint64 *out, const QString &path,
              QString *error)
{
    qint64 value = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: %2 is not a whole number")
                         .arg(path, QString::number(d));
            return false;
        }
        if (d < -9.2233720368547758e18 || d >= 9.2233720368547758e18) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: %2 is out of range").arg(path).arg(d);
            return false;
        }
        value = v.toInteger(qint64(d));
    } else if (allowString && v.isString()) {
        bool ok = false;
        value = v.toString().trimmed().toLongLong(&ok);
        if (!ok) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: \"%2\" is not a whole number")
                         .arg(path, v.toString());
            return false;
        }
    } else {
        *error = notAWholeNumber(path, allowString, v);
        return false;
    }
    if (value < min || value > max) {
        *error = QCoreApplication::translate("ProtobufCodec", "%1: %2 is out of range (%3 to %4)")
                     .arg(path)
                     .arg(value)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = value;
    return true;
}

bool toUnsigned(const QJsonValue &v, bool allowString, quint64 max, quint64 *out, const QString &path, QString *error)
{
    quint64 value = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: %2 is not a whole number")
                         .arg(path, QString::number(d));
            return false;
        }
        if (d < 0 || d >= 1.8446744073709552e19) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: %2 is out of range (0 to %3)")
                         .arg(path, QString::number(d))
                         .arg(max);
            return false;
        }
        const qint64 i = v.toInteger(-1);
        value = i >= 0 ? quint64(i) : quint64(d);
    } else if (allowString && v.isString()) {
        const QString s = v.toString().trimmed();
        bool ok = !s.startsWith(QLatin1Char('-'));
        if (ok)
            value = s.toULongLong(&ok);
        if (!ok) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: \"%2\" is not a whole number from 0 to %3")
                         .arg(path, v.toString())
                         .arg(max);
            return false;
        }
    } else {
        *error = notAWholeNumber(path, allowString, v);
        return false;
    }
    if (value > max) {
        *error = QCoreApplication::translate("ProtobufCodec", "%1: %2 is out of range (0 to %3)")
                     .arg(path)
                     .arg(value)
                     .arg(max);
        return false;
    }
    *out = value;
    return true;
}

bool jsonToMessage(const QJsonObject &o, pb::Message *m, const QString &path, int depth, QString *error);

// Sets a singular field, or appends to a repeated one, from a JSON value.
bool setValue(pb::Message *m, const pb::FieldDescriptor *f, const QJsonValue &v, const QString &path, int depth,
              QString *error)
{
    const pb::Reflection *r = m->GetReflection();
    const bool rep = f->is_repeated();
    switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32: {
        qint64 x = 0;
        if (!toSigned(v, false, INT_MIN, INT_MAX, &x, path, error))
            return false;
        rep ? r->AddInt32(m, f, qint32(x)) : r->SetInt32(m, f, qint32(x));
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_INT64: {
        qint64 x = 0;
        if (!toSigned(v, true, LLONG_MIN, LLONG_MAX, &x, path, error))
            return false;
        rep ? r->AddInt64(m, f, x) : r->SetInt64(m, f, x);
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_UINT32: {
        quint64 x = 0;
        if (!toUnsigned(v, false, UINT_MAX, &x, path, error))
            return false;
        rep ? r->AddUInt32(m, f, quint32(x)) : r->SetUInt32(m, f, quint32(x));
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_UINT64: {
        quint64 x = 0;
        if (!toUnsigned(v, true, ULLONG_MAX, &x, path, error))
            return false;
        rep ? r->AddUInt64(m, f, x) : r->SetUInt64(m, f, x);
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
    case pb::FieldDescriptor::CPPTYPE_FLOAT: {
        if (!v.isDouble()) {
            *error = wrongType(path, QT_TRANSLATE_NOOP("ProtobufCodec", "a number"), v);
            return false;
        }
        if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_DOUBLE)
            rep ? r->AddDouble(m, f, v.toDouble()) : r->SetDouble(m, f, v.toDouble());
        else
            rep ? r->AddFloat(m, f, float(v.toDouble())) : r->SetFloat(m, f, float(v.toDouble()));
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        if (!v.isBool()) {
            *error = wrongType(path, QT_TRANSLATE_NOOP("ProtobufCodec", "true or false"), v);
            return false;
        }
        rep ? r->AddBool(m, f, v.toBool()) : r->SetBool(m, f, v.toBool());
        return true;
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
        int number = 0;
        if (v.isString()) {
            const pb::EnumValueDescriptor *e = f->enum_type()->FindValueByName(v.toString().toStdString());
            if (!e) {
                *error =
                    QCoreApplication::translate("ProtobufCodec", "%1: unknown value \"%2\"").arg(path, v.toString());
                return false;
            }
            number = e->number();
        } else {
            qint64 x = 0;
            if (!toSigned(v, false, INT_MIN, INT_MAX, &x, path, error))
                return false;
            number = int(x);
        }
        rep ? r->AddEnumValue(m, f, number) : r->SetEnumValue(m, f, number);
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string s;
        if (f->type() == pb::FieldDescriptor::TYPE_BYTES) {
            QByteArray bytes;
            QString why;
            if (!ProtobufJson::jsonToBytes(v, &bytes, &why)) {
                *error = path + QLatin1String(": ") + why;
                return false;
            }
            s = bytes.toStdString();
        } else {
            if (!v.isString()) {
                *error = wrongType(path, QT_TRANSLATE_NOOP("ProtobufCodec", "a string"), v);
                return false;
            }
            s = v.toString().toStdString();
        }
        rep ? r->AddString(m, f, std::move(s)) : r->SetString(m, f, std::move(s));
        return true;
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE: {
        if (!v.isObject()) {
            *error = wrongType(path, QT_TRANSLATE_NOOP("ProtobufCodec", "an object"), v);
            return false;
        }
        pb::Message *child = rep ? r->AddMessage(m, f) : r->MutableMessage(m, f);
        return jsonToMessage(v.toObject(), child, path, depth + 1, error);
    }
    }
    return false;
}

bool setMapKey(pb::Message *entry, const pb::FieldDescriptor *keyField, const QString &key, const QString &path,
               QString *error)
{
    // JSON object keys are strings; non-string map keys are written as their decimal or boolean text.
    QJsonValue v(key);
    if (keyField->cpp_type() == pb::FieldDescriptor::CPPTYPE_BOOL) {
        if (key != QLatin1String("true") && key != QLatin1String("false")) {
            *error =
                QCoreApplication::translate("ProtobufCodec", "%1: map key \"%2\" is not true or false").arg(path, key);
            return false;
        }
        v = QJsonValue(key == QLatin1String("true"));
    } else if (keyField->cpp_type() != pb::FieldDescriptor::CPPTYPE_STRING) {
        bool ok = false;
        const qlonglong n = key.toLongLong(&ok);
        if (!ok) {
            *error = QCoreApplication::translate("ProtobufCodec", "%1: map key \"%2\" is not a number").arg(path, key);
            return false;
        }
        v = QJsonValue(qint64(n));
    }
    return setValue(entry, keyField, v, path, 0, error);
}

bool jsonToMessage(const QJsonObject &o, pb::Message *m, const QString &path, int depth, QString *error)
{
    const pb::Descriptor *d = m->GetDescriptor();
    if (depth > ProtobufJson::kMaxDepth) {
        *error = QCoreApplication::translate("ProtobufCodec", "%1: nested deeper than %2 levels")
                     .arg(path)
                     .arg(ProtobufJson::kMaxDepth);
        return false;
    }
    const pb::Reflection *r = m->GetReflection();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const QString key = it.key();
        const QString at = childPath(path, key);
        const pb::FieldDescriptor *f = d->FindFieldByName(key.toStdString());
        // null means "not set", except in a bytes field: there it is the JSON text `null`, as the JSON protocol
        // would embed it.
        const bool bytesField = f && !f->is_repeated() && f->type() == pb::FieldDescriptor::TYPE_BYTES;
        if (v.isUndefined() || (v.isNull() && !bytesField))
            continue;
        if (!f) {
            *error = QCoreApplication::translate("ProtobufCodec",
                                                 "%1: %2 has no field \"%3\" in the Protobuf schema, so it cannot "
                                                 "be sent in Protobuf mode")
                         .arg(at, qs(d->name()), key);
            return false;
        }
        if (f->is_map()) {
            if (!v.isObject()) {
                *error = wrongType(at, QT_TRANSLATE_NOOP("ProtobufCodec", "an object"), v);
                return false;
            }
            const pb::FieldDescriptor *keyField = f->message_type()->map_key();
            const pb::FieldDescriptor *valueField = f->message_type()->map_value();
            const QJsonObject map = v.toObject();
            for (auto e = map.constBegin(); e != map.constEnd(); ++e) {
                const QString entryPath = at + QLatin1Char('[') + e.key() + QLatin1Char(']');
                pb::Message *entry = r->AddMessage(m, f);
                if (!setMapKey(entry, keyField, e.key(), entryPath, error))
                    return false;
                if (!e.value().isNull() && !setValue(entry, valueField, e.value(), entryPath, depth + 1, error))
                    return false;
            }
        } else if (f->is_repeated()) {
            if (!v.isArray()) {
                *error = wrongType(at, QT_TRANSLATE_NOOP("ProtobufCodec", "an array"), v);
                return false;
            }
            const QJsonArray array = v.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QString elementPath = at + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
                if (!setValue(m, f, array.at(i), elementPath, depth, error))
                    return false;
            }
        } else if (!setValue(m, f, v, at, depth, error)) {
            return false;
        }
    }
    return true;
}

} // namespace

QJsonObject ProtobufJson::toJson(const pb::Message &message)
{
    return messageToJson(message, message.GetDescriptor());
}

bool ProtobufJson::fromJson(const QJsonObject &object, pb::Message *message, QString *error)
{
    return jsonToMessage(object, message, QString(), 0, error);
}

QJsonValue ProtobufJson::bytesToJson(const QByteArray &bytes)
{
    // One JSON value of any type. Qt's parser reads only objects and arrays at the top level, so scalars are
    // parsed wrapped in brackets; a wrapped value that is not exactly one element was not one JSON value.
    qsizetype first = 0;
    while (first < bytes.size() &&
           (bytes.at(first) == ' ' || bytes.at(first) == '\t' || bytes.at(first) == '\n' || bytes.at(first) == '\r'))
        ++first;
    if (first < bytes.size()) {
        const char c = bytes.at(first);
        QJsonParseError pe;
        if (c == '{' || c == '[') {
            const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
            if (pe.error == QJsonParseError::NoError)
                return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        } else if (c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
            const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + bytes + QByteArray("]"), &pe);
            if (pe.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
                return doc.array().at(0);
        }
    }
    QJsonObject o;
    o.insert(kBase64Key, QString::fromLatin1(bytes.toBase64()));
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = utf8(bytes);
    if (!utf8.hasError())
        o.insert(kTextKey, text);
    return o;
}

bool ProtobufJson::jsonToBytes(const QJsonValue &value, QByteArray *bytes, QString *error)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const bool hasBase64 = o.contains(kBase64Key);
        const bool hasText = o.contains(kTextKey);
        const qsizetype special = (hasBase64 ? 1 : 0) + (hasText ? 1 : 0);
        if (special > 0 && special == o.size()) {
            if (hasBase64) {
                const QJsonValue b = o.value(kBase64Key);
                const auto decoded =
                    QByteArray::fromBase64Encoding(b.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (!b.isString() || !decoded) {
                    if (error)
                        *error = QCoreApplication::translate("ProtobufCodec", "\"$base64\" is not valid base64");
                    return false;
                }
                *bytes = *decoded;
                return true;
            }
            const QJsonValue t = o.value(kTextKey);
            if (!t.isString()) {
                if (error)
                    *error = QCoreApplication::translate("ProtobufCodec", "\"$text\" must be a string");
                return false;
            }
            *bytes = t.toString().toUtf8();
            return true;
        }
        *bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
        return true;
    }
    if (value.isArray()) {
        *bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        return true;
    }
    if (value.isUndefined()) {
        bytes->clear();
        return true;
    }
    // Scalars: serialize inside an array and take the element's text.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    *bytes = wrapped.mid(1, wrapped.size() - 2);
    return true;
}
