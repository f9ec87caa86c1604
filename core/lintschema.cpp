#include "lintschema.h"

#include <QHash>

using T = LintSchema::Type;

const QList<LintSchema::Field> &LintSchema::fields(const QString &structName)
{
    static const QHash<QString, QList<Field>> all = {
        {QStringLiteral("Command"),
         {{"id", T::Uint32},
          {"connect", T::Struct, "ConnectRequest"},
          {"subscribe", T::Struct, "SubscribeRequest"},
          {"unsubscribe", T::Struct, "UnsubscribeRequest"},
          {"publish", T::Struct, "PublishRequest"},
          {"presence", T::Struct, "PresenceRequest"},
          {"presence_stats", T::Struct, "PresenceStatsRequest"},
          {"history", T::Struct, "HistoryRequest"},
          {"ping", T::Struct, "PingRequest"},
          {"send", T::Struct, "SendRequest"},
          {"rpc", T::Struct, "RPCRequest"},
          {"refresh", T::Struct, "RefreshRequest"},
          {"sub_refresh", T::Struct, "SubRefreshRequest"}}},
        {QStringLiteral("ConnectRequest"),
         {{"token", T::String},
          {"data", T::Raw},
          {"subs", T::MapOfStruct, "SubscribeRequest"},
          {"name", T::String},
          {"version", T::String},
          {"headers", T::MapOfString},
          {"flag", T::Int64}}},
        {QStringLiteral("SubscribeRequest"),
         {{"channel", T::String},
          {"token", T::String},
          {"recover", T::Bool},
          {"epoch", T::String},
          {"offset", T::Uint64},
          {"data", T::Raw},
          {"positioned", T::Bool},
          {"recoverable", T::Bool},
          {"join_leave", T::Bool},
          {"delta", T::String},
          {"tf", T::Struct, "FilterNode"},
          {"flag", T::Int64},
          {"type", T::Int32},
          {"phase", T::Int32},
          {"cursor", T::String},
          {"limit", T::Int32},
          {"asc", T::Bool}}},
        // The tags filter of a subscription: a leaf (op "", key, cmp, val or vals) or and/or/not over nodes.
        {QStringLiteral("FilterNode"),
         {{"op", T::String},
          {"key", T::String},
          {"cmp", T::String},
          {"val", T::String},
          {"vals", T::ListOfString},
          {"nodes", T::ListOfStruct, "FilterNode"}}},
        {QStringLiteral("UnsubscribeRequest"), {{"channel", T::String}}},
        {QStringLiteral("PublishRequest"),
         {{"channel", T::String}, {"data", T::Raw}, {"type", T::Int32}, {"key", T::String}, {"removed", T::Bool}}},
        {QStringLiteral("PresenceRequest"), {{"channel", T::String}}},
        {QStringLiteral("PresenceStatsRequest"), {{"channel", T::String}}},
        {QStringLiteral("HistoryRequest"),
         {{"channel", T::String}, {"limit", T::Int32}, {"since", T::Struct, "StreamPosition"}, {"reverse", T::Bool}}},
        {QStringLiteral("StreamPosition"), {{"offset", T::Uint64}, {"epoch", T::String}}},
        {QStringLiteral("PingRequest"), {}},
        {QStringLiteral("SendRequest"), {{"data", T::Raw}}},
        {QStringLiteral("RPCRequest"), {{"data", T::Raw}, {"method", T::String}}},
        {QStringLiteral("RefreshRequest"), {{"token", T::String}}},
        {QStringLiteral("SubRefreshRequest"),
         {{"channel", T::String},
          {"token", T::String},
          {"type", T::Int32},
          {"track", T::Any},
          {"untrack", T::ListOfString}}},
    };
    static const QList<Field> none;
    const auto it = all.constFind(structName);
    return it == all.constEnd() ? none : it.value();
}

QString LintSchema::requestStruct(const QString &methodField)
{
    if (methodField == QLatin1String("id"))
        return {};
    for (const Field &f : fields(QStringLiteral("Command"))) {
        if (methodField == QLatin1String(f.name))
            return QString::fromLatin1(f.structName);
    }
    return {};
}

const QList<const char *> &LintSchema::dispatchOrder()
{
    static const QList<const char *> order = {"connect",  "subscribe",      "unsubscribe", "publish",
                                              "presence", "presence_stats", "history",     "rpc",
                                              "send",     "refresh",        "sub_refresh"};
    return order;
}

const QList<const char *> &LintSchema::handlerOrder()
{
    static const QList<const char *> order = {"connect", "ping",     "subscribe",      "unsubscribe",
                                              "publish", "presence", "presence_stats", "history",
                                              "rpc",     "send",     "refresh",        "sub_refresh"};
    return order;
}

QString LintSchema::rangeText(Type type)
{
    switch (type) {
    case T::Int32:
        return QStringLiteral("-2147483648 .. 2147483647");
    case T::Int64:
        return QStringLiteral("-9223372036854775808 .. 9223372036854775807");
    case T::Uint32:
        return QStringLiteral("0 .. 4294967295");
    case T::Uint64:
        return QStringLiteral("0 .. 18446744073709551615");
    default:
        break;
    }
    return {};
}
