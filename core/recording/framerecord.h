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

// How "frame" (the decoded messages) is written.
enum class FrameJson {
    // Serialized from each message's json. Always exact.
    FromJson,
    // From each message's own bytes: for text frames the bytes themselves when they are one valid JSON object
    // (validated by a scanner, not parsed), for messages a codec converts (Protobuf) the converter's JSON text,
    // else as FromJson. Exact whenever json was decoded from raw, as Session and the codecs do; much
    // cheaper, for recording floods. Not for frames whose json was edited after decoding.
    FromRaw,
};

// One record line for the frame, WITHOUT the trailing newline.
QByteArray toJsonLine(const Frame &f, FrameJson mode = FrameJson::FromJson);
// Appends the line and a "\n" to *out, without a temporary: for writers that batch many lines in one buffer.
void appendJsonLine(const Frame &f, QByteArray *out, FrameJson mode = FrameJson::FromJson);
// True when writing f in `mode` never calls json() on its messages (each one's validated text is copied, or
// converted from raw). Then
// another thread may write the line while the frame's owner opens the same messages: json() caches lazily and is
// not thread-safe, so any other frame must be given to a writer thread as its own copy.
bool writesWithoutJson(const Frame &f, FrameJson mode);

// The bytes of each of `count` messages that a reader derives from the frame's payload alone, so that a line need
// not say where they are: the non-empty lines of a text frame when there is one per message, or the whole payload
// of a one-message frame. Empty when neither applies (the line then gives each message's "span" or "msg_raw").
QList<QByteArrayView> derivedMessageRaws(const QByteArray &raw, bool binary, qsizetype count);

// Parses one record line (a trailing "\n" or "\r\n" is ignored) into *f. On failure returns false, leaves *f
// unspecified and sets *error (if given) to a translated sentence saying what is wrong.
bool fromJsonLine(QByteArrayView line, Frame *f, QString *error);
// Proxy mode: the stable record name of an injected fault ("close", "drop_upstream", "drop", "hold", "delay"; ""
// for None), and back (false for any other name).
const char *injectedName(Frame::Injected injected);
bool injectedFromName(const QString &name, Frame::Injected *injected);
// The record name of a row that is not a client frame ("server_call", "server_reply", "http"; "" for Wire), and back.
const char *originName(Frame::Origin origin);
bool originFromName(const QString &name, Frame::Origin *origin);
// The writer's own time spelling "YYYY-MM-DDTHH:MM:SS.mmmZ" to milliseconds since the epoch; false for anything
// else (fromJsonLine also reads other ISO 8601 spellings).
bool parseWrittenTime(QByteArrayView text, qint64 *ms);

} // namespace FrameRecord
