#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringList>

// Vocabulary of the Centrifugo client protocol v2, shared by codecs, linter, session and UI.
namespace Protocol {

enum class Format : quint8 { Json, Protobuf };

enum class Direction : quint8 { In, Out };

// Command methods, in the server's dispatch order where it matters (see docs/protocol.md).
enum class Method : quint8 {
    None,
    Connect,
    Subscribe,
    Unsubscribe,
    Publish,
    Presence,
    PresenceStats,
    History,
    Ping,
    Send,
    Rpc,
    Refresh,
    SubRefresh,
};

enum class PushType : quint8 { None, Pub, Join, Leave, Unsubscribe, Message, Subscribe, Connect, Disconnect, Refresh };

// What one decoded message is. Close frames become Disconnect so every disconnect is visible in the timeline.
enum class MessageKind : quint8 { Invalid, Command, Reply, Error, Push, Ping, Pong, Disconnect };

// All methods a client command can carry, in the order of the protocol schema.
QList<Method> allMethods();
// JSON field name of a method ("presence_stats"), or an empty string for None.
QLatin1String methodName(Method method);
Method methodFromName(QStringView name);
QLatin1String pushTypeName(PushType type);
PushType pushTypeFromName(QStringView name);
QLatin1String formatName(Format format);
QLatin1String directionName(Direction direction);

// Fields the server's schema knows for a method's request object (used by the linter).
QStringList requestFields(Method method);
// True when the server sends a reply (so an id is required).
bool expectsReply(Method method);
// True when the request needs a non-empty channel.
bool needsChannel(Method method);

// Server ping interval defaults and the pong timeout of Centrifugo v6, for explanations.
constexpr int kDefaultPongTimeoutSec = 8;

} // namespace Protocol
