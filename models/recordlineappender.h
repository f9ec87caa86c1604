#pragma once

#include <QByteArrayView>
#include <QString>

class FrameStore;

// Reads recording lines straight into a FrameStore: the common line (RecordLineParser::scan) without building a
// Frame, its bytes unescaped into the store's arena; every other line through RecordLineParser::parse and
// FrameStore::append. tests/models/tst_recordlineappender checks that both store the same.
class RecordLineAppender
{
public:
    // Parses one line (a trailing "\n" or "\r\n" is ignored) into the store. On failure returns false, stores
    // nothing and sets *error.
    static bool append(QByteArrayView line, FrameStore *store, QString *error);
    // The in-place path alone: false (nothing stored) when the line needs parse() (binary or base64 frames,
    // several messages, anything the scanner is not sure about).
    static bool appendFast(QByteArrayView line, FrameStore *store);
};
