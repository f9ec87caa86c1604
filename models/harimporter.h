#pragma once

#include "frame.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Reads the WebSocket traffic of a browser HAR file (Chrome DevTools "Save all as HAR with content") into
// Frames. Chrome stores each WebSocket connection as an entry whose `_webSocketMessages` array holds
// {type: "send"|"receive", time: seconds since the epoch, opcode, data}; opcode 1 is a text frame (data as
// text), opcode 2 a binary frame (data in base64), opcode 8 a close. Text frames are decoded as Centrifugo JSON,
// binary frames as Protobuf. Round trips are computed as the session would (reply id matched to the command).
// Pure and thread-safe: the importer runs it on a worker thread.
class HarImporter
{
    Q_DECLARE_TR_FUNCTIONS(HarImporter)

public:
    struct Result
    {
        QList<Frame> frames;          // every connection's frames, in time order
        QStringList urls;             // one per WebSocket connection found
        int skippedControlFrames = 0; // WebSocket pings/pongs (opcodes 9, 10) and unknown opcodes
        int badMessages = 0;          // messages without direction or data, binary data that is not base64
        QString firstProblem;         // what the first bad message was
        QString error;                // why nothing could be read (not JSON, not a HAR)

        bool ok() const { return error.isEmpty(); }
    };

    static Result parse(const QByteArray &har);
    static Result parseFile(const QString &path);
};
