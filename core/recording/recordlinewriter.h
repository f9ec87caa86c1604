#pragma once

#include "framerecord.h"

class JsonWriter;

// The writing half of the recording format (framerecord.h, docs/cli.md): one line per frame, for
// FrameRecord::toJsonLine() and appendJsonLine(). It runs for every frame of a flood, on the CLI's writer thread:
// per-thread caches write a flood's repeated times, kind names and channels once. Thread-safe.
class RecordLineWriter
{
public:
    // Writes the line of f to w, without the trailing newline.
    static void write(JsonWriter &w, const Frame &f, FrameRecord::FrameJson mode);
    // See FrameRecord::writesWithoutJson().
    static bool writesWithoutJson(const Frame &f, FrameRecord::FrameJson mode);
};
