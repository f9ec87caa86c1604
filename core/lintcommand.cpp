#include "lintcommand.h"

#include "serverjsonreader.h"

#include <limits>

using Type = LintSchema::Type;
using V = ServerJsonValue::Type;

namespace {

// Whether a number literal fits the integer type as the server parses it: digits only (a fraction or an
// exponent is a type error even when the value is whole), a sign only for signed types, within range.
bool integerFits(const QByteArray &literal, Type type)
{
    const bool isSigned = type == Type::Int32 || type == Type::Int64;
    QByteArray digits = literal;
    bool negative = false;
    if (digits.startsWith('-')) {
        if (!isSigned)
            return false;
        negative = true;
        digits = digits.mid(1);
    }
    if (digits.isEmpty())
        return false;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
    }
    // Compare magnitudes as decimal strings: no overflow whatever the length.
    auto fitsBelow = [&digits](const QByteArray &max) {
        QByteArray d = digits;
        while (d.size() > 1 && d.startsWith('0'))
            d = d.mid(1);
        return d.size() < max.size() || (d.size() == max.size() && d <= max);
    };
    switch (type) {
    case Type::Int32:
        return fitsBelow(negative ? "2147483648" : "2147483647");
    case Type::Int64:
        return fitsBelow(negative ? "9223372036854775808" : "9223372036854775807");
    case Type::Uint32:
        return fitsBelow("4294967295");
    case Type::Uint64:
        return fitsBelow("18446744073709551615");
    default:
        break;
    }
    return false;
}

QString typeText(Type type)
{
    switch (type) {
    case Type::String:
        return LintCommand::tr("a string");
    case Type::Bool:
        return LintCommand::tr("true or false");
    case Type::Int32:
    case Type::Int64:
    case Type::Uint32:
    case Type::Uint64:
        return LintCommand::tr("a whole number in the range %1, written without a fraction or an exponent")
            .arg(LintSchema::rangeText(type));
    case Type::Struct:
    case Type::MapOfString:
    case Type::MapOfStruct:
        return LintCommand::tr("an object");
    case Type::ListOfString:
    case Type::ListOfStruct:
        return LintCommand::tr("an array");
    case Type::Raw:
    case Type::Any:
        break;
    }
    return LintCommand::tr("a JSON value");
}

} // namespace

QString LintCommand::Object::string(const char *field) const
{
    const auto it = values.constFind(QLatin1String(field));
    if (it == values.constEnd() || it->type != V::String)
        return {};
    return QString::fromUtf8(it->text);
}

const LintCommand::Object *LintCommand::Object::object(const char *field) const
{
    const auto it = objects.constFind(QLatin1String(field));
    return it == objects.constEnd() ? nullptr : it->get();
}

bool LintCommand::fail(qsizetype offset, const QString &message)
{
    ok = false;
    errorOffset = offset;
    error = message;
    return false;
}

LintCommand LintCommand::decode(const ServerJsonValue &value)
{
    LintCommand c;
    if (value.type == V::Null)
        return c; // decodes to an empty command
    if (value.type != V::Object) {
        c.fail(value.offset, tr("a command must be a JSON object"));
        return c;
    }
    c.decodeStruct(value, QStringLiteral("Command"), QString(), &c.root);
    return c;
}

bool LintCommand::decodeStruct(const ServerJsonValue &value, const QString &structName, const QString &path,
                               Object *out)
{
    const QList<LintSchema::Field> &fields = LintSchema::fields(structName);
    for (size_t i = 0; i < value.keys.size(); ++i) {
        const QByteArray &key = value.keys.at(i);
        const LintSchema::Field *field = nullptr;
        for (const LintSchema::Field &f : fields) {
            if (key == f.name) {
                field = &f;
                break;
            }
        }
        bool folded = false;
        if (!field) {
            for (const LintSchema::Field &f : fields) {
                if (ServerJsonReader::keyMatches(key, f.name)) {
                    field = &f;
                    folded = true;
                    break;
                }
            }
        }
        const QString keyText = QString::fromUtf8(key);
        const QString keyPath = path.isEmpty() ? keyText : path + QLatin1Char('.') + keyText;
        if (!field) {
            notes.append({Note::Kind::UnknownField, keyPath, QString(), value.keyOffsets.at(i)});
            continue;
        }
        if (folded)
            notes.append({Note::Kind::FoldedName, keyPath, QString::fromLatin1(field->name), value.keyOffsets.at(i)});
        out->offsets.insert(QString::fromLatin1(field->name), value.keyOffsets.at(i));
        const QString fieldPath =
            path.isEmpty() ? QString::fromLatin1(field->name) : path + QLatin1Char('.') + QLatin1String(field->name);
        if (!decodeField(value.items.at(i), *field, fieldPath, out))
            return false;
    }
    return true;
}

bool LintCommand::decodeField(const ServerJsonValue &v, const LintSchema::Field &field, const QString &path,
                              Object *out)
{
    const QString name = QString::fromLatin1(field.name);
    auto wrongType = [&]() { return fail(v.offset, tr("\"%1\" must be %2").arg(path, typeText(field.type))); };
    switch (field.type) {
    case Type::String:
        if (v.type == V::Null)
            return true; // leaves the field as it was
        if (v.type != V::String)
            return wrongType();
        out->values.insert(name, v);
        return true;
    case Type::Bool:
        if (v.type == V::Null)
            return true;
        if (v.type != V::True && v.type != V::False)
            return wrongType();
        out->values.insert(name, v);
        return true;
    case Type::Int32:
    case Type::Int64:
    case Type::Uint32:
    case Type::Uint64:
        if (v.type == V::Null)
            return true;
        if (v.type != V::Number || !integerFits(v.text, field.type))
            return wrongType();
        out->values.insert(name, v);
        return true;
    case Type::Raw:
    case Type::Any:
        out->values.insert(name, v); // null included: the server keeps the bytes "null"
        return true;
    case Type::Struct: {
        if (v.type == V::Null) {
            // A null for a field set earlier in the same object is decoded into that object, which fails.
            if (out->objects.contains(name))
                return fail(v.offset, tr("\"%1\" is null after it was set earlier in the command").arg(path));
            return true;
        }
        if (v.type != V::Object)
            return wrongType();
        std::shared_ptr<Object> &o = out->objects[name];
        if (!o)
            o = std::make_shared<Object>();
        return decodeStruct(v, QString::fromLatin1(field.structName), path, o.get());
    }
    case Type::MapOfString:
    case Type::MapOfStruct:
        if (v.type == V::Null)
            return true;
        if (v.type != V::Object)
            return wrongType();
        for (size_t i = 0; i < v.items.size(); ++i) {
            const ServerJsonValue &item = v.items.at(i);
            const QString itemPath = path + QLatin1Char('.') + QString::fromUtf8(v.keys.at(i));
            if (item.type == V::Null)
                continue;
            if (field.type == Type::MapOfString && item.type != V::String)
                return fail(item.offset, tr("\"%1\" must be a string").arg(itemPath));
            if (field.type == Type::MapOfStruct) {
                if (item.type != V::Object)
                    return fail(item.offset, tr("\"%1\" must be an object").arg(itemPath));
                Object nested;
                if (!decodeStruct(item, QString::fromLatin1(field.structName), itemPath, &nested))
                    return false;
            }
        }
        out->values.insert(name, v);
        return true;
    case Type::ListOfString:
    case Type::ListOfStruct:
        if (v.type == V::Null)
            return true;
        if (v.type != V::Array)
            return wrongType();
        for (const ServerJsonValue &item : v.items) {
            if (item.type == V::Null)
                continue;
            if (field.type == Type::ListOfString && item.type != V::String)
                return fail(item.offset, tr("the items of \"%1\" must be strings").arg(path));
            if (field.type == Type::ListOfStruct && item.type != V::Object)
                return fail(item.offset, tr("the items of \"%1\" must be objects").arg(path));
        }
        out->values.insert(name, v);
        return true;
    }
    return true;
}

quint32 LintCommand::id() const
{
    const auto it = root.values.constFind(QStringLiteral("id"));
    return it == root.values.constEnd() ? 0 : it->text.toUInt();
}

QStringList LintCommand::methods() const
{
    QStringList out;
    for (const char *m : LintSchema::handlerOrder()) {
        if (root.objects.contains(QLatin1String(m)))
            out.append(QString::fromLatin1(m));
    }
    return out;
}

const LintCommand::Object *LintCommand::body(const QString &method) const
{
    const auto it = root.objects.constFind(method);
    return it == root.objects.constEnd() ? nullptr : it->get();
}
