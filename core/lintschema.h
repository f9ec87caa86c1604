#pragma once

#include <QList>
#include <QString>

// The JSON shape of Centrifugo's client Command as the server decodes it: every request type, its fields and
// the Go type each field is decoded into (which decides what the server accepts: an "id" of 5.0 is not a
// uint32). Field names are those of the server's protocol package; a field not listed is ignored by the server.
class LintSchema
{
public:
    enum class Type {
        String,
        Bool,
        Int32,
        Int64,
        Uint32,
        Uint64,
        Raw,         // any JSON value, kept as bytes (data fields)
        Struct,      // a nested request object; `structName` says which
        MapOfString, // {"k": "v"}
        MapOfStruct, // {"k": {...}} of `structName`
        ListOfString,
        ListOfStruct, // [{...}] of `structName`
        Any,          // accepted as any JSON value here (filters): not modelled field by field
    };

    struct Field
    {
        const char *name;
        Type type;
        const char *structName = nullptr;
    };

    // Fields of a struct: "Command", "ConnectRequest", "SubscribeRequest", ... Empty for an unknown name.
    static const QList<Field> &fields(const QString &structName);
    // The request struct of a method field of Command ("publish" -> "PublishRequest"), empty when not a method.
    static QString requestStruct(const QString &methodField);
    // Method fields of Command in the order the server checks them to decide the kind of command (connect,
    // subscribe, unsubscribe, publish, presence, presence_stats, history, rpc, send, refresh, sub_refresh). "ping"
    // is not among them: a command with only "ping" is not a command the server knows.
    static const QList<const char *> &dispatchOrder();
    // The order the server runs the handlers in: like dispatchOrder(), with "ping" right after "connect".
    static const QList<const char *> &handlerOrder();
    // The range of an integer type, for messages.
    static QString rangeText(Type type);
};
