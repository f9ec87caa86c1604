#pragma once

#include "deltatracker.h"

#include <QCoreApplication>

class FrameStore;

// The full data of a publication row on a delta channel, rebuilt when the row is opened: the rows of its channel
// are read back to the subscribe reply that started the chain (or as far as the timeline still holds them) and
// the chain is replayed through a DeltaTracker. Nothing is kept per row, so the store's memory stays as it is.
class DeltaRebuilder
{
    Q_DECLARE_TR_FUNCTIONS(DeltaRebuilder)

public:
    // Rows read back at most for one publication: the publications among them are decoded and replayed.
    static constexpr int kMaxRowsBack = 20000;

    // True with *out filled for a publication that arrived on a delta channel (full or delta, with the error in
    // words when it cannot be rebuilt); false for any other row, or a full payload whose chain cannot be told.
    static bool forRow(const FrameStore &store, int row, DeltaTracker::Publication *out);
};
