#include "protocol.h"

#include <array>

namespace Protocol {

namespace {

struct MethodInfo
{
    Method method;
    QLatin1String name;
    bool reply;
    bool channel;
};

const std::array<MethodInfo, 12> kMethods = {{
    {Method::Connect, QLatin1String("connect"), true, false},
    {Method::Subscribe, QLatin1String("subscribe"), true, true},
    {Method::Unsubscribe, QLatin1String("unsubscribe"), true, true},
    {Method::Publish, QLatin1String("publish"), true, true},
    {Method::Presence, QLatin1String("presence"), true, true},
    {Method::PresenceStats, QLatin1String("presence_stats"), true, true},
    {Method::History, QLatin1String("history"), true, true},
    {Method::Ping, QLatin1String("ping"), true, false},
    {Method::Send, QLatin1String("send"), false, false},
    {Method::Rpc, QLatin1String("rpc"), true, false},
    {Method::Refresh, QLatin1String("refresh"), true, false},
    {Method::SubRefresh, QLatin1String("sub_refresh"), true, true},
}};

struct PushTypeInfo
{
    PushType push;
    QLatin1String name;
};

const std::array<PushTypeInfo, 9> kPushTypes = {{
    {PushType::Pub, QLatin1String("pub")},
    {PushType::Join, QLatin1String("join")},
    {PushType::Leave, QLatin1String("leave")},
    {PushType::Unsubscribe, QLatin1String("unsubscribe")},
    {PushType::Message, QLatin1String("message")},
    {PushType::Subscribe, QLatin1String("subscribe")},
    {PushType::Connect, QLatin1String("connect")},
    {PushType::Disconnect, QLatin1String("disconnect")},
    {PushType::Refresh, QLatin1String("refresh")},
}};

const MethodInfo *info(Method method)
{
    for (const MethodInfo &m : kMethods) {
        if (m.method == method)
            return &m;
    }
    return nullptr;
}

// The name of `value` in a table of entries with a `name` and the value in `field`, and back (`none` for a name
// not in the table).
template <typename Entry, size_t N, typename T>
QLatin1String nameIn(const std::array<Entry, N> &table, T Entry::*field, T value)
{
    for (const Entry &entry : table) {
        if (entry.*field == value)
            return entry.name;
    }
    return QLatin1String("");
}

template <typename Entry, size_t N, typename T>
T valueIn(const std::array<Entry, N> &table, T Entry::*field, QStringView name, T none)
{
    for (const Entry &entry : table) {
        if (name == entry.name)
            return entry.*field;
    }
    return none;
}

} // namespace

QList<Method> allMethods()
{
    QList<Method> out;
    for (const MethodInfo &m : kMethods)
        out.append(m.method);
    return out;
}

QLatin1String methodName(Method method)
{
    return nameIn(kMethods, &MethodInfo::method, method);
}

Method methodFromName(QStringView name)
{
    return valueIn(kMethods, &MethodInfo::method, name, Method::None);
}

QLatin1String pushTypeName(PushType type)
{
    return nameIn(kPushTypes, &PushTypeInfo::push, type);
}

PushType pushTypeFromName(QStringView name)
{
    return valueIn(kPushTypes, &PushTypeInfo::push, name, PushType::None);
}

QLatin1String formatName(Format format)
{
    return format == Format::Json ? QLatin1String("json") : QLatin1String("protobuf");
}

QLatin1String directionName(Direction direction)
{
    return direction == Direction::In ? QLatin1String("in") : QLatin1String("out");
}

QStringList requestFields(Method method)
{
    switch (method) {
    case Method::Connect:
        return {QStringLiteral("token"),   QStringLiteral("data"),    QStringLiteral("subs"), QStringLiteral("name"),
                QStringLiteral("version"), QStringLiteral("headers"), QStringLiteral("flag")};
    case Method::Subscribe:
        return {QStringLiteral("channel"),    QStringLiteral("token"),       QStringLiteral("recover"),
                QStringLiteral("epoch"),      QStringLiteral("offset"),      QStringLiteral("data"),
                QStringLiteral("positioned"), QStringLiteral("recoverable"), QStringLiteral("join_leave"),
                QStringLiteral("delta"),      QStringLiteral("tf"),          QStringLiteral("flag")};
    case Method::Unsubscribe:
    case Method::Presence:
    case Method::PresenceStats:
        return {QStringLiteral("channel")};
    case Method::Publish:
        return {QStringLiteral("channel"), QStringLiteral("data")};
    case Method::History:
        return {QStringLiteral("channel"), QStringLiteral("limit"), QStringLiteral("since"), QStringLiteral("reverse")};
    case Method::Ping:
        return {};
    case Method::Send:
        return {QStringLiteral("data")};
    case Method::Rpc:
        return {QStringLiteral("data"), QStringLiteral("method")};
    case Method::Refresh:
        return {QStringLiteral("token")};
    case Method::SubRefresh:
        return {QStringLiteral("channel"), QStringLiteral("token")};
    case Method::None:
        break;
    }
    return {};
}

bool expectsReply(Method method)
{
    const MethodInfo *m = info(method);
    return m && m->reply;
}

bool needsChannel(Method method)
{
    const MethodInfo *m = info(method);
    return m && m->channel;
}

} // namespace Protocol
