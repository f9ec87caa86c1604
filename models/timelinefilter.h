#pragma once

#include "protocol.h"

#include <QString>

// What the timeline shows: a value type the filter bar edits and TimelineFilterModel applies.
// An empty channel or text means "any". Text is searched in each message's raw bytes (for a close, its reason
// and code); case-insensitive search folds ASCII letters only.
struct TimelineFilter
{
    enum class DirectionFilter : quint8 { Any, In, Out };

    static constexpr quint32 kindBit(Protocol::MessageKind kind) { return 1u << quint32(kind); }
    // Rows of server API calls and replies (Frame::Origin) are filtered as a kind of their own, after the eight
    // Protocol::MessageKind values.
    static constexpr int kServerCallKind = 8;
    static constexpr quint32 kServerCallsBit = 1u << kServerCallKind;
    static constexpr quint32 kAllKinds = 0x1ffu;

    DirectionFilter direction = DirectionFilter::Any;
    quint32 kinds = kAllKinds; // mask of kindBit() values
    bool showPingPong = true;  // false hides pings and pongs whatever kinds says
    QString channel;           // exact name, or a wildcard pattern with * and ?
    QString text;
    bool regex = false; // text is a QRegularExpression pattern
    bool caseSensitive = false;

    // Kinds in effect after showPingPong.
    quint32 effectiveKinds() const
    {
        return showPingPong ? kinds
                            : kinds & ~(kindBit(Protocol::MessageKind::Ping) | kindBit(Protocol::MessageKind::Pong));
    }
    // True when every row passes.
    bool isPassThrough() const
    {
        return direction == DirectionFilter::Any && (effectiveKinds() & kAllKinds) == kAllKinds && channel.isEmpty() &&
               text.isEmpty();
    }
    bool operator==(const TimelineFilter &o) const
    {
        return direction == o.direction && kinds == o.kinds && showPingPong == o.showPingPong && channel == o.channel &&
               text == o.text && regex == o.regex && caseSensitive == o.caseSensitive;
    }
    bool operator!=(const TimelineFilter &o) const { return !(*this == o); }
};
