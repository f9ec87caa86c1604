#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// What the inspector knows about one channel of a session: the plain value a SubscriptionTracker keeps per channel.
struct ChannelState
{
    Q_DECLARE_TR_FUNCTIONS(ChannelState)

public:
    enum class Status {
        Subscribing,   // subscribe sent, no reply yet
        Subscribed,    // subscribe reply, subscribe push, or server-side subscription of the connect reply
        Failed,        // the subscribe command got an error reply
        Unsubscribing, // unsubscribe sent, no reply yet
        Unsubscribed,  // unsubscribe reply, unsubscribe push, or the connection closed
    };

    QString channel;
    Status status = Status::Subscribing;
    bool serverSide = false; // from the connect reply's subs or a subscribe push, not from a command

    // From the subscribe result (or push): the stream position and granted features.
    bool recoverable = false;
    bool positioned = false;
    bool recovered = false;
    bool wasRecovering = false;
    bool expires = false;
    bool delta = false;
    quint32 ttl = 0;
    bool hasPosition = false; // epoch/offset are known
    QString epoch;
    quint64 offset = 0;

    quint64 publications = 0; // pub pushes plus publications recovered in a subscribe result
    quint64 missed = 0;       // offsets skipped between consecutive publications (lost messages)
    quint64 joins = 0;
    quint64 leaves = 0;
    qint64 lastActivityMs = 0; // the last frame that concerned the channel
    qint64 statusSinceMs = 0;  // when the status last changed

    // Failed: the error code and message; Unsubscribed: the unsubscribe or close code and reason (0 for a
    // client unsubscribe).
    int code = 0;
    QString reason;
    QString explanation; // one translated sentence about code and reason, empty when there is nothing to explain

    bool endedByClose = false; // was subscribed (or subscribing) when the connection closed: restore it
    QJsonObject request;       // body of the last subscribe command (to resubscribe with the same options)
    quint32 pendingId = 0;     // id of the subscribe/unsubscribe command waiting for its reply

    bool isActive() const { return status == Status::Subscribing || status == Status::Subscribed; }

    static QString statusName(Status status); // translated
    static QString statusKey(Status status);  // stable machine name: "subscribing" ... "unsubscribed"
};
