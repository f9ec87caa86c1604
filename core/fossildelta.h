#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Fossil's delta format (what Centrifugo sends for subscriptions with delta "fossil"): a header with the target
// length, then copy commands (bytes of the previous payload) and insert commands (literal bytes), closed by a
// checksum of the result. Every way a delta can be wrong is an error in words, never a wrong result.
class FossilDelta
{
    Q_DECLARE_TR_FUNCTIONS(FossilDelta)

public:
    // The target rebuilt from source and delta; empty with *error set when the delta does not apply.
    static QByteArray apply(const QByteArray &source, const QByteArray &delta, QString *error);
    // The format's 32-bit checksum of data.
    static quint32 checksum(const QByteArray &data);
    // A delta that turns source into target (copies of the common prefix and suffix, the middle inserted):
    // correct, not minimal; for tests and benchmarks.
    static QByteArray create(const QByteArray &source, const QByteArray &target);
};
