#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>

#include <vector>

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
class Reflection;
class UnknownFieldSet;
} // namespace google::protobuf

// What converting between Protobuf and JSON needs per message type of core/proto/client.proto, computed once
// (asking libprotobuf for descriptors and reflection on every message costs more than the conversion itself),
// and the rules both directions and both JSON forms (objects, text) share. Immutable, thread-safe.
class ProtobufSchema
{
public:
    struct Message;
    struct Field
    {
        const google::protobuf::FieldDescriptor *field = nullptr;
        QString key;                   // the JSON name
        bool alwaysWritten = false;    // written even at its zero value (see alwaysWritten())
        const Message *type = nullptr; // for message fields
        // What readers of the wire ask for every field occurrence, kept here: the descriptor's answers involve
        // lazy initialisation on each call.
        int wireType = 0; // FieldDescriptor::Type
        bool isRepeated = false;
        bool isMap = false;
        bool isVarint = false;   // read as a varint (integers, bool, enum)
        bool isVarint32 = false; // a 32-bit varint (int32, uint32, enum): zero when its low 32 bits are
        QByteArray quotedKey;    // "name":
    };
    struct Message
    {
        const google::protobuf::Reflection *reflection = nullptr;
        std::vector<Field> fields;      // in declaration order
        std::vector<int> indexByNumber; // field number -> index in fields, -1 for none
        // Bit i set when fields[i] (i < 64) is always written: writers from the wire visit only these after a
        // message's own fields instead of every field, and read no message of more fields.
        quint64 alwaysWrittenMask = 0;

        int indexOf(int number) const
        {
            return number >= 0 && number < int(indexByNumber.size()) ? indexByNumber[size_t(number)] : -1;
        }
    };

    // Every message of client.proto, including map entries.
    static const Message &message(const google::protobuf::Descriptor *type);

    // The JSON value of a field that is not set, as the JSON protocol writes it for the fields it always writes.
    static QJsonValue zeroValue(const google::protobuf::FieldDescriptor *field);
    // The numbers of the fields the schema does not know, sorted, each once: data is never dropped silently.
    static std::vector<int> unknownFieldNumbers(const google::protobuf::UnknownFieldSet &unknown);

    // Integers a double holds exactly stay JSON numbers (as the JSON protocol writes them); larger ones become
    // decimal strings so that no digit is lost.
    static constexpr qint64 kMaxExactInt = qint64(1) << 53;
    static constexpr QLatin1String kBase64Key{"$base64"};
    static constexpr QLatin1String kTextKey{"$text"};
    static constexpr QLatin1String kUnknownKey{"$unknown_fields"};
};
