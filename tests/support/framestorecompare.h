#pragma once

// Shared by the models tests: two FrameStores hold the same rows.
#include "framestore.h"

#include <QTest>

#include <cmath>

// Every index field, the channel name and the bytes of row i of a and b are the same.
inline void compareStores(const FrameStore &a, const FrameStore &b)
{
    QCOMPARE(a.count(), b.count());
    QCOMPARE(a.frameCount(), b.frameCount());
    for (int i = 0; i < a.count(); ++i) {
        const FrameStore::Row &x = a.row(i);
        const FrameStore::Row &y = b.row(i);
        QCOMPARE(x.timeMs, y.timeMs);
        QCOMPARE(x.msgOffset, y.msgOffset);
        QCOMPARE(x.msgLength, y.msgLength);
        QCOMPARE(x.id, y.id);
        QCOMPARE(a.channel(i), b.channel(i));
        QVERIFY2((x.rttMs == y.rttMs) || (std::isnan(x.rttMs) && std::isnan(y.rttMs)),
                 qPrintable(QStringLiteral("row %1: rtt %2 vs %3").arg(i).arg(x.rttMs).arg(y.rttMs)));
        QCOMPARE(x.code, y.code);
        QCOMPARE(x.subIndex, y.subIndex);
        QCOMPARE(x.kind, y.kind);
        QCOMPARE(x.method, y.method);
        QCOMPARE(x.push, y.push);
        QCOMPARE(x.flags, y.flags);
        QCOMPARE(a.messageBytes(i), b.messageBytes(i));
        QCOMPARE(a.frameBytes(i), b.frameBytes(i));
        QCOMPARE(a.frameFirstRow(i), b.frameFirstRow(i));
        QCOMPARE(a.frameRowCount(i), b.frameRowCount(i));
    }
}
