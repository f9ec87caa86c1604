#pragma once

#include "frame.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

// Reads the WebSocket traffic of a browser HAR file (Chrome DevTools "Save all as HAR with content") into
// Frames. Chrome stores each WebSocket connection as an entry whose `_webSocketMessages` array holds
// {type: "send"|"receive", time: seconds since the epoch, opcode, data}; opcode 1 is a text frame (data as
// text), opcode 2 a binary frame (data in base64), opcode 8 a close. Text frames are decoded as Centrifugo JSON,
// binary frames as Protobuf. Round trips are computed as the session would (reply id matched to the command).
// Pure and thread-safe: the importer runs it on a worker thread.
//
// The file is read as a stream (in blocks of 1 MiB): only the request URL of each entry and one WebSocket message
// at a time are parsed, so memory is the read block plus the frames read, never a document of the whole file.
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
    // Streams the frames of device to onFrame as they are read, in file order (each connection's frames in order,
    // connections one after the other); the Result then holds everything but frames. Frames handed over before a
    // JSON error was found are not taken back: the caller discards them when the Result is not ok().
    static Result read(QIODevice *device, const std::function<void(Frame &&)> &onFrame);
};
