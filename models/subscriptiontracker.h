#pragma once

#include "channelstate.h"
#include "frame.h"
#include "subscribeoptions.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

class PublicationPosition;
class Session;

// Follows the frames of one session (commands sent, replies, errors, pushes, closes) and keeps the state of every
// channel the session touched. The single source of channel state: views present it through a SubscriptionModel.
//
// Rows are only appended or removed, never reordered, so a model can map rows one to one.
class SubscriptionTracker : public QObject
{
    Q_OBJECT

public:
    explicit SubscriptionTracker(QObject *parent = nullptr);

    // Follows session->frame(); the tracker does not own the session. Pass nullptr to stop following.
    void setSession(Session *session);

    void processFrame(const Frame &frame);
    void processMessage(const ProtocolMessage &message, Protocol::Direction direction, qint64 timeMs);

    int count() const { return int(m_channels.size()); }
    const ChannelState &at(int row) const { return m_channels.at(row); }
    int indexOf(const QString &channel) const { return m_index.value(channel, -1); }
    bool contains(const QString &channel) const { return m_index.contains(channel); }
    // A copy of the channel's state, or a default state with an empty channel name when unknown.
    ChannelState channel(const QString &channel) const;
    QList<ChannelState> channels() const { return m_channels; }

    // The body of a subscribe command that continues where the channel left off: the options of the last request
    // and, when the stream is recoverable and its position known, recover with epoch and offset.
    QJsonObject resubscribeBody(const QString &channel) const;
    // The subscriptions the connection's close ended (client-side ones: the server restores server-side ones
    // itself), as resubscribeBody() describes them. A Reconnector sends them again after reconnecting.
    QList<SubscribeOptions> restorableSubscriptions() const;
    // A subscribe command body as SubscribeOptions (unknown fields are dropped).
    static SubscribeOptions subscribeOptions(const QJsonObject &body);

    // Forgets a channel (the row disappears); it comes back if the session touches it again.
    void remove(const QString &channel);
    // Forgets every channel that is not subscribed or subscribing.
    void removeInactive();
    void clear();

signals:
    void channelAboutToBeAdded(int row);
    void channelAdded(int row);
    void channelChanged(int row);
    void channelAboutToBeRemoved(int row);
    void channelRemoved(int row);
    void aboutToBeCleared();
    void cleared();
    // The status of a channel changed (not emitted for counters and positions).
    void statusChanged(const QString &channel, ChannelState::Status status);

private:
    struct Pending
    {
        Protocol::Method method = Protocol::Method::None;
        QString channel;
    };

    int ensure(const QString &channel, qint64 timeMs, bool *added = nullptr);
    void setStatus(int row, ChannelState::Status status, qint64 timeMs);
    void applySubscribeResult(ChannelState &state, const QJsonObject &result);
    void notePublication(ChannelState &state, const PublicationPosition &publication);
    void onCommand(const ProtocolMessage &message, qint64 timeMs);
    void onReply(const ProtocolMessage &message, qint64 timeMs);
    void onError(const ProtocolMessage &message, qint64 timeMs);
    void onPush(const ProtocolMessage &message, qint64 timeMs);
    void onClose(const ProtocolMessage &message, qint64 timeMs);
    void changed(int row) { emit channelChanged(row); }
    void rebuildIndex();

    Session *m_session = nullptr;
    QList<ChannelState> m_channels;
    QHash<QString, int> m_index;
    QHash<quint32, Pending> m_pending; // commands of this socket waiting for a reply, by id
    QHash<QString, ChannelState::Status> m_statusBeforeUnsubscribe;
};
