#include "protobufschema.h"

#include "client.pb.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <unordered_map>

namespace pb = google::protobuf;
namespace cproto = centrifugal::centrifuge::protocol;

namespace {

QString fieldKey(const pb::FieldDescriptor *f)
{
    return QString::fromLatin1(f->name().data(), qsizetype(f->name().size()));
}

// Fields the JSON protocol writes even when they hold the zero value (docs/protobuf.md, "How messages look").
bool alwaysWritten(const pb::FieldDescriptor *f)
{
    const std::string &type = f->containing_type()->name();
    const std::string &n = f->name();
    if (type == "ClientInfo")
        return n == "user" || n == "client";
    if (type == "PresenceResult")
        return n == "presence";
    if (type == "PresenceStatsResult")
        return n == "num_clients" || n == "num_users";
    if (type == "HistoryResult")
        return n == "publications" || n == "epoch" || n == "offset";
    return false;
}

ProtobufSchema::Message makeInfo(const pb::Descriptor *d)
{
    ProtobufSchema::Message info;
    info.reflection = pb::MessageFactory::generated_factory()->GetPrototype(d)->GetReflection();
    for (int i = 0; i < d->field_count(); ++i) {
        const pb::FieldDescriptor *f = d->field(i);
        ProtobufSchema::Field field;
        field.field = f;
        field.key = fieldKey(f);
        field.alwaysWritten = alwaysWritten(f);
        field.wireType = int(f->type());
        field.isRepeated = f->is_repeated();
        field.isMap = f->is_map();
        switch (f->type()) {
        case pb::FieldDescriptor::TYPE_INT32:
        case pb::FieldDescriptor::TYPE_UINT32:
        case pb::FieldDescriptor::TYPE_ENUM:
            field.isVarint32 = true;
            field.isVarint = true;
            break;
        case pb::FieldDescriptor::TYPE_INT64:
        case pb::FieldDescriptor::TYPE_UINT64:
        case pb::FieldDescriptor::TYPE_SINT64:
        case pb::FieldDescriptor::TYPE_BOOL:
            field.isVarint = true;
            break;
        default:
            break;
        }
        field.quotedKey = '"' + QByteArray::fromStdString(f->name()) + "\":";
        if (field.alwaysWritten && i < 64)
            info.alwaysWrittenMask |= quint64(1) << i;
        info.fields.push_back(std::move(field));
        if (f->number() >= int(info.indexByNumber.size()))
            info.indexByNumber.resize(size_t(f->number()) + 1, -1);
        info.indexByNumber[size_t(f->number())] = i;
    }
    return info;
}

// Immutable after construction (a thread-safe function-local static).
class SchemaTable
{
public:
    SchemaTable()
    {
        const pb::FileDescriptor *file = cproto::Reply::descriptor()->file();
        for (int i = 0; i < file->message_type_count(); ++i)
            add(file->message_type(i));
        for (auto &entry : m_infos) {
            for (ProtobufSchema::Field &fi : entry.second.fields) {
                if (fi.field->message_type())
                    fi.type = &message(fi.field->message_type());
            }
        }
    }

    const ProtobufSchema::Message &message(const pb::Descriptor *d) const
    {
        const auto it = m_infos.find(d);
        Q_ASSERT(it != m_infos.end());
        return it->second;
    }

private:
    void add(const pb::Descriptor *d)
    {
        m_infos.emplace(d, makeInfo(d));
        for (int i = 0; i < d->nested_type_count(); ++i)
            add(d->nested_type(i));
    }

    std::unordered_map<const pb::Descriptor *, ProtobufSchema::Message> m_infos;
};

} // namespace

const ProtobufSchema::Message &ProtobufSchema::message(const pb::Descriptor *type)
{
    static const SchemaTable table;
    return table.message(type);
}

std::vector<int> ProtobufSchema::unknownFieldNumbers(const pb::UnknownFieldSet &unknown)
{
    std::vector<int> numbers;
    for (int i = 0; i < unknown.field_count(); ++i)
        numbers.push_back(unknown.field(i).number());
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
}

QJsonValue ProtobufSchema::zeroValue(const pb::FieldDescriptor *f)
{
    if (f->is_map())
        return QJsonObject();
    if (f->is_repeated())
        return QJsonArray();
    switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING:
        return f->type() == pb::FieldDescriptor::TYPE_BYTES ? QJsonValue() : QJsonValue(QString());
    case pb::FieldDescriptor::CPPTYPE_BOOL:
        return false;
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        return QJsonObject();
    default:
        return 0;
    }
}
