#pragma once

#include "frame.h"

#include <QByteArrayView>
#include <QString>

class FrameStore;

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

    // Parses one line straight into a store, as parse() followed by FrameStore::append() would, but for the common
    // line without building a Frame: the frame's bytes are unescaped into the store's arena. On failure returns
    // false, stores nothing and sets *error.
    static bool append(QByteArrayView line, FrameStore *store, QString *error);
    // The in-place path alone: false (nothing stored) when the line needs parse() (binary or base64 frames,
    // several messages, anything the scanner is not sure about).
    static bool appendFast(QByteArrayView line, FrameStore *store);
};
