#pragma once

// Shared by the tests of everything that copies frames (the recording format, its readers, the masker): two
// Frames are the same, field by field.
#include "frame.h"

#include <QTest>

#include <cmath>

namespace TestSupport {

enum class CompareJson { Yes, No };

// The fields a codec sets when it classifies a message: all but raw, rttMs and json.
inline void compareClassification(const ProtocolMessage &actual, const ProtocolMessage &expected)
{
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.push, expected.push);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.channel, expected.channel);
    QCOMPARE(actual.code, expected.code);
    QCOMPARE(actual.text, expected.text);
}

// Every field of the frame and of each message; rttMs exactly (no fuzzy double comparison: a format must not
// round), NaN equal to NaN. With CompareJson::No the messages' json is left out (readers that leave it to be
// decoded later).
inline void compareFrames(const Frame &actual, const Frame &expected, CompareJson json = CompareJson::Yes)
{
    QCOMPARE(actual.timeMs, expected.timeMs);
    QCOMPARE(actual.direction, expected.direction);
    QCOMPARE(actual.binary, expected.binary);
    QCOMPARE(actual.close, expected.close);
    QCOMPARE(actual.closedBy, expected.closedBy);
    QCOMPARE(actual.rejected, expected.rejected);
    QCOMPARE(actual.conn, expected.conn);
    QCOMPARE(actual.injected, expected.injected);
    QCOMPARE(actual.origin, expected.origin);
    QCOMPARE(actual.raw, expected.raw);
    QCOMPARE(actual.messages.size(), expected.messages.size());
    for (qsizetype i = 0; i < expected.messages.size(); ++i) {
        const ProtocolMessage &a = actual.messages.at(i);
        const ProtocolMessage &e = expected.messages.at(i);
        compareClassification(a, e);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(a.raw, e.raw);
        QVERIFY2(
            a.rttMs == e.rttMs || (std::isnan(a.rttMs) && std::isnan(e.rttMs)),
            qPrintable(QString::number(a.rttMs, 'g', 17) + QLatin1String(" vs ") + QString::number(e.rttMs, 'g', 17)));
        if (json == CompareJson::Yes)
            QCOMPARE(a.json(), e.json());
    }
}

} // namespace TestSupport
