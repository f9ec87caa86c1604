#include "runsummary.h"

#include <QList>
#include <algorithm>

void RunSummary::add(const Frame &frame)
{
    if (frame.direction == Protocol::Direction::In) {
        ++m_framesIn;
        m_bytesIn += frame.raw.size();
        const qint64 now = m_clock.nsecsElapsed();
        if (m_firstInNs < 0)
            m_firstInNs = now;
        m_lastInNs = now;
    } else {
        ++m_framesOut;
        m_bytesOut += frame.raw.size();
    }
    for (const ProtocolMessage &m : frame.messages) {
        ++m_messages;
        const quint32 key = kindKey(m);
        if (m_lastKindCount && key == m_lastKindKey) {
            ++*m_lastKindCount;
        } else {
            auto it = m_kinds.find(key);
            if (it == m_kinds.end()) {
                it = m_kinds.insert(key, 0);
                ProtocolMessage sample;
                sample.kind = m.kind;
                sample.method = m.method;
                sample.push = m.push;
                m_kindSamples.insert(key, sample);
            }
            ++it.value();
            // Stays valid until the next insert, which sets it again: inserts happen only here.
            m_lastKindKey = key;
            m_lastKindCount = &it.value();
        }
        if (m.channel.isEmpty())
            continue;
        if (ProtocolMessage::sameChannel(m.channel, m_runChannel)) {
            ++m_runCount;
        } else {
            if (m_runCount)
                m_channels[m_runChannel] += m_runCount;
            m_runChannel = m.channel;
            m_runCount = 1;
        }
    }
}

QHash<QString, qint64> RunSummary::channels() const
{
    QHash<QString, qint64> out = m_channels;
    if (m_runCount)
        out[m_runChannel] += m_runCount;
    return out;
}

QHash<QString, qint64> RunSummary::kinds() const
{
    QHash<QString, qint64> out;
    for (auto it = m_kinds.constBegin(); it != m_kinds.constEnd(); ++it)
        out[m_kindSamples.value(it.key()).kindName()] += it.value();
    return out;
}

namespace {

// Largest count first, then by name, so the report is stable.
QString table(const QHash<QString, qint64> &counts)
{
    QList<QPair<QString, qint64>> rows;
    int width = 0;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        rows.append({it.key(), it.value()});
        width = std::max(width, int(it.key().size()));
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QString out;
    for (const auto &r : std::as_const(rows))
        out += QStringLiteral("    %1  %2\n").arg(r.first, -width).arg(r.second);
    return out;
}

} // namespace

QString RunSummary::text() const
{
    const double seconds = double(m_clock.nsecsElapsed()) / 1e9;
    // The rate of the receiving span (first to last frame in): what the recorder kept up with.
    const double span = m_framesIn > 1 ? double(m_lastInNs - m_firstInNs) / 1e9 : 0;
    const double rate = span > 0 ? double(m_framesIn - 1) / span : 0;
    QString s = tr("Summary\n");
    s += tr("  run time      %1 s\n").arg(seconds, 0, 'f', 3);
    s += tr("  frames in     %1 (%2 bytes)\n").arg(m_framesIn).arg(m_bytesIn);
    s += tr("  frames out    %1 (%2 bytes)\n").arg(m_framesOut).arg(m_bytesOut);
    s += tr("  rate in       %1 frames/s over %2 s\n").arg(rate, 0, 'f', 1).arg(span, 0, 'f', 3);
    s += tr("  messages      %1\n").arg(m_messages);
    s += tr("  reads         %1 turns, %2 held at the read limit (back-pressure), buffer grown %3 times (largest "
            "%4 bytes)\n")
             .arg(m_read.turns)
             .arg(m_read.limitedTurns)
             .arg(m_read.growths)
             .arg(m_read.largestLimit);
    if (m_close.side != CloseInfo::Side::Unknown)
        s += tr("  closed by     %1 (code %2%3)\n")
                 .arg(QLatin1String(CloseInfo::sideName(m_close.side)))
                 .arg(m_close.code)
                 .arg(m_close.rule == CloseInfo::Rule::None
                          ? QString()
                          : QStringLiteral(", ") + QLatin1String(CloseInfo::ruleName(m_close.rule)));
    s += tr("  by kind:\n") + table(kinds());
    const QHash<QString, qint64> perChannel = channels();
    if (!perChannel.isEmpty())
        s += tr("  by channel:\n") + table(perChannel);
    return s;
}
