#pragma once

#include "frame.h"

#include <QByteArrayView>
#include <QString>

// Reads recording lines (the JSON Lines format of core/framerecord.h) fast enough to reopen a million-frame
// recording in about a second. The common line (one message, its bytes derivable from the frame) is scanned
// directly: the decoded "frame" value is skipped, because the timeline decodes a message again from its bytes
// when it is opened. Every other line (several messages, spans, unusual spellings, anything the scanner is not
// sure about) goes through FrameRecord::fromJsonLine, so both give the same Frame apart from messages' `json`,
// which the fast path leaves empty. tests/models/tst_recordlineparser checks the agreement.
class RecordLineParser
{
public:
    // Parses one line (a trailing "\n" or "\r\n" is ignored). On failure returns false and sets *error.
    static bool parse(QByteArrayView line, Frame *frame, QString *error);

    // The scanner alone: false when the line needs the full reader (then *frame is unspecified).
    static bool parseFast(QByteArrayView line, Frame *frame);
};
