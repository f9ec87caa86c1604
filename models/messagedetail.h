#pragma once

#include "codeexplanation.h"
#include "deltatracker.h"
#include "secretmasker.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

class FrameStore;
class TimelineModel;

// Everything the detail pane shows for one timeline row, decided here and not in the view: the message decoded
// from the store, masked unless secrets are shown (command tokens of the whole frame count), pretty-printed, as
// raw text and as hex, the sentence that explains it, the code table that fits its kind (error, disconnect or
// unsubscribe codes) and the rows of facts (time, direction, channel, id ...). The view only lays it out.
struct MessageDetail
{
    Q_DECLARE_TR_FUNCTIONS(MessageDetail)

public:
    static constexpr int kHexLimit = 256 * 1024;

    bool valid = false;
    QString sentence;     // Explainer::describe
    bool masked = false;  // secrets were masked in what is shown
    bool problem = false; // an error, an invalid message or an abnormal close
    QString pretty;       // indented JSON (Protobuf as converted JSON), or why it is not JSON
    QString raw;          // the message's text (and the whole frame's when it carried several messages)
    QString hex;          // hex dump of the message's bytes (first kHexLimit bytes)
    bool hasCode = false; // code is the explanation of the message's error/close/unsubscribe code
    CodeExplanation code;
    QString decoderProblem; // why an invalid message could not be decoded
    QList<QPair<QString, QString>> facts;

    // Row `row` of the model (a source row). masker: the known secrets; null shows secrets.
    static MessageDetail forRow(const TimelineModel &model, int row, const SecretMasker *masker);
    static QString hexDump(QByteArrayView bytes);

private:
    static MessageDetail forHttpExchange(const FrameStore &store, int row);
    static void addDelta(MessageDetail *d, const DeltaTracker::Publication &p);
};
