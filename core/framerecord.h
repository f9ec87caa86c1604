#pragma once

#include "frame.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// The lossless JSON Lines format of recordings, shared by the CLI's --record and the timeline's export/import.
// One JSON object per WebSocket frame (docs/cli.md describes every field):
//
//   {"time":"2024-05-01T12:00:00.123Z","dir":"in","kind":"push_pub","channel":"news","size":58,
//    "frame":{"push":{"channel":"news","pub":{"data":{"n":1}}}},"raw":"{\"push\":{...}}"}
//
// toJsonLine(f) followed by fromJsonLine() gives back a Frame equal to f in every field, for every frame
// (several messages, binary payloads, text that is not valid UTF-8, close frames).
namespace FrameRecord {

// One record line for the frame, WITHOUT the trailing newline.
QByteArray toJsonLine(const Frame &f);

// Parses one record line (a trailing "\n" or "\r\n" is ignored) into *f. On failure returns false, leaves *f
// unspecified and sets *error (if given) to a translated sentence saying what is wrong.
bool fromJsonLine(QByteArrayView line, Frame *f, QString *error);

} // namespace FrameRecord
